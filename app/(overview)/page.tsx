import { DashboardProvider } from "@/components/dashboard/dashboard-context";
import { SpecRegistryProvider } from "@/components/dashboard/spec-registry";
import { DIMENSIONS } from "@/lib/market/types";
import { filtersOf, type SeriesApiParams } from "@/lib/market/query/view-state";
import { getInitialSeries, getPageContext } from "@/lib/server/market";
import { NoDataset } from "@/app/_components/no-dataset";
import { OverviewDashboard } from "@/app/_components/overview-dashboard";

export const dynamic = "force-dynamic";

export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await getPageContext(await searchParams);
  if (!ctx) return <NoDataset />;
  const { state, dataset } = ctx;
  const base = { ...filtersOf(state), from: dataset.firstYear, to: dataset.lastYear, dataset: state.dataset };
  // The same requests the client panels make, answered here so the first view is complete HTML.
  const requests: SeriesApiParams[] = [
    { ...base, by: "total", forecast: "auto" },
    ...DIMENSIONS.map((by) => ({ ...base, by, forecast: "none" as const })),
  ];
  const initialSeries = await getInitialSeries(requests);
  return (
    <DashboardProvider value={{ ...ctx, initialSeries }}>
      <SpecRegistryProvider>
        <OverviewDashboard />
      </SpecRegistryProvider>
    </DashboardProvider>
  );
}
