import { Suspense } from "react";
import { headers } from "next/headers";
import { PageSkeleton } from "@/components/layout/page-states";
import { refuseTamperedVersion } from "@/lib/server/version-gate";
import { openSavedScenario } from "@/lib/server/scenario-page";
import type { Metadata } from "next";
import { viewMetadata } from "@/lib/server/link-preview";
import { DashboardProvider } from "@/components/dashboard/dashboard-context";
import { SpecRegistryProvider } from "@/components/dashboard/spec-registry";
import { overviewRequests } from "@/lib/market/query/first-render";
import { filtersOf } from "@/lib/market/query/view-state";
import { breakdownsOf } from "@/lib/market/story/groups";
import { getInitialSeries, getPageContext } from "@/lib/server/market";
import { offerPage } from "@/lib/server/fast-pages";
import { NoDataset } from "@/app/_components/no-dataset";
import { OverviewDashboard } from "@/app/_components/overview-dashboard";

export const dynamic = "force-dynamic";

type Search = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Search): Promise<Metadata> {
  return viewMetadata({ kind: "overview" }, await searchParams, { absolute: "Large-scale AI Models market" });
}

async function HomePageContent({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await getPageContext(await searchParams);
  if (!ctx) return <NoDataset />;
  const { state, dataset } = ctx;
  const scope = { from: dataset.firstYear, to: dataset.lastYear, dataset: state.dataset, levers: state.levers };
  // The panels' own requests, answered here so the first view is complete HTML with no fetch.
  const initialSeries = await getInitialSeries(overviewRequests(filtersOf(state), scope, breakdownsOf(ctx.groups)));
  // The same for every reader not signed in: the front server may send this render again (fast-pages.ts).
  offerPage((await headers()).get("x-request-id"), state.dataset ?? undefined);
  return (
    <DashboardProvider value={{ ...ctx, initialSeries }}>
      <SpecRegistryProvider>
        <OverviewDashboard />
      </SpecRegistryProvider>
    </DashboardProvider>
  );
}

// The version is checked before anything streams, so a tampered one answers a real 503 (via the
// redirect); the content then streams under its own loading state.
export default async function HomePage({ searchParams }: Search) {
  const query = await searchParams;
  await refuseTamperedVersion(query);
  await openSavedScenario(query, "/");
  return (
    <Suspense fallback={<PageSkeleton label="the overview" />}>
      <HomePageContent searchParams={Promise.resolve(query)} />
    </Suspense>
  );
}
