import { Suspense } from "react";
import { PageSkeleton } from "@/components/layout/page-states";
import { refuseTamperedVersion } from "@/lib/server/version-gate";
import { openSavedScenario } from "@/lib/server/scenario-page";
import type { Metadata } from "next";
import { DashboardProvider } from "@/components/dashboard/dashboard-context";
import { SpecRegistryProvider } from "@/components/dashboard/spec-registry";
import { filtersOf, forecastParam, sliceFilters, type SeriesApiParams } from "@/lib/market/query/view-state";
import { getInitialSeries, getPageContext } from "@/lib/server/market";
import { scenarioPanelRequests } from "@/lib/market/query/first-render";
import { viewMetadata } from "@/lib/server/link-preview";
import { NoDataset } from "../_components/no-dataset";
import { ExploreDashboard } from "./_components/explore-dashboard";

export const dynamic = "force-dynamic";

type Search = { searchParams: Promise<Record<string, string | string[] | undefined>> };
export async function generateMetadata({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}): Promise<Metadata> {
  return viewMetadata({ kind: "explore" }, await searchParams, "Explore");
}

async function ExplorePageContent({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await getPageContext(await searchParams);
  if (!ctx) return <NoDataset />;
  const { state } = ctx;
  const forecast = forecastParam(state.method);
  const common = { from: state.from, to: state.to, dataset: state.dataset, forecast, levers: state.levers };
  const requests: SeriesApiParams[] = [
    { ...filtersOf(state), ...common, by: state.by },
    ...[state.ca, state.cb]
      .filter((s) => s.length)
      .map((s) => ({ ...sliceFilters(s), ...common, by: "total" as const })),
    // The scenario panel's comparison covers the data's years, whatever the explorer's range.
    ...scenarioPanelRequests(filtersOf(state), {
      from: ctx.dataset.firstYear,
      to: ctx.dataset.lastYear,
      dataset: state.dataset,
      levers: state.levers,
    }),
  ];
  const initialSeries = await getInitialSeries(requests);
  return (
    <DashboardProvider value={{ ...ctx, initialSeries }}>
      <SpecRegistryProvider>
        <ExploreDashboard />
      </SpecRegistryProvider>
    </DashboardProvider>
  );
}

// The version is checked before anything streams, so a tampered one answers a real 503 (via the
// redirect); the content then streams under its own loading state.
export default async function ExplorePage({ searchParams }: Search) {
  const query = await searchParams;
  await refuseTamperedVersion(query);
  await openSavedScenario(query, "/explore");
  return (
    <Suspense fallback={<PageSkeleton label="the explorer" />}>
      <ExplorePageContent searchParams={Promise.resolve(query)} />
    </Suspense>
  );
}
