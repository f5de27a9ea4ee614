import type { Metadata } from "next";
import { emptyFilters } from "@/lib/market/query/filters";
import { getPageContext, getSeriesView } from "@/lib/server/market";
import { MemberIndex } from "@/app/_components/member-index";
import { NoDataset } from "@/app/_components/no-dataset";
import { gatedPage } from "@/app/_components/gated-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sectors" };

async function SectorsPageContent({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await getPageContext(await searchParams);
  if (!ctx) return <NoDataset />;
  const result = await getSeriesView({ ...emptyFilters(), by: "sector", dataset: ctx.state.dataset });
  return (
    <>
      <div>
        <h1 className="text-2xl font-semibold">Application sectors</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          What each sector uses large models for, how big it is and where it goes. Sector values are modelled.
        </p>
      </div>
      <MemberIndex
        dimension="sector"
        basePath="/sectors"
        members={ctx.members}
        series={result.ok ? result.view.series : []}
        year={ctx.defaultYear}
        describe={(m) => `${m.useCases?.length ?? 0} use cases`}
      />
    </>
  );
}

// The version is checked before anything streams: a tampered one answers a real 503 (via the redirect).
export default gatedPage("the sectors", SectorsPageContent);
