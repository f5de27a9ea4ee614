import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DashboardProvider } from "@/components/dashboard/dashboard-context";
import { SliceFacts } from "@/components/dashboard/slice-facts";
import { MemberPanels } from "@/components/dashboard/member-panels";
import type { Dimension } from "@/lib/market/types";
import { getInitialSeries, getPageContext } from "@/lib/server/market";
import { memberFilters, seriesApiQuery, type SeriesApiParams } from "@/lib/market/view-state";
import { NoDataset } from "@/app/_components/no-dataset";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug } = await params;
  return { title: `Sector: ${slug}` };
}

const SPLITS: Dimension[] = ["type", "vendor", "region"];

export default async function SectorPage({ params, searchParams }: Params) {
  const { slug } = await params;
  const ctx = await getPageContext(await searchParams);
  if (!ctx) return <NoDataset />;
  const sector = ctx.members.find((m) => m.dimension === "sector" && m.slug === slug);
  if (!sector) notFound();
  const { dataset, state } = ctx;
  const own = { type: [], sector: [slug], vendor: [], region: [] };
  // The panels follow the URL's cross-filters too; the facts above them describe the whole sector.
  const filters = memberFilters(state, "sector", slug);
  const base = { from: dataset.firstYear, to: dataset.lastYear, dataset: state.dataset };
  const sliceReq: SeriesApiParams = { ...own, ...base, by: "total", forecast: "auto" };
  const marketReq: SeriesApiParams = { type: [], sector: [], vendor: [], region: [], ...base, by: "total" };
  const initialSeries = await getInitialSeries([
    sliceReq,
    marketReq,
    { ...filters, ...base, by: "total", forecast: "auto" },
    ...SPLITS.map((by) => ({ ...filters, ...base, by, forecast: "none" as const })),
  ]);
  const slice = initialSeries[seriesApiQuery(sliceReq)]?.series[0];
  const market = initialSeries[seriesApiQuery(marketReq)]?.series[0];
  return (
    <DashboardProvider value={{ ...ctx, initialSeries }}>
      <div>
        <p className="text-sm text-slate-600 dark:text-slate-400">Application sector</p>
        <h1 className="text-2xl font-semibold">{sector.name}</h1>
        <p className="mt-1 max-w-3xl text-slate-700 dark:text-slate-300">{sector.description}</p>
      </div>
      {sector.useCases && sector.useCases.length > 0 && (
        <section aria-labelledby="use-cases" className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
          <h2 id="use-cases" className="font-semibold">
            What {sector.name} uses large models for
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {sector.useCases.map((u) => (
              <li key={u}>{u}</li>
            ))}
          </ul>
        </section>
      )}
      {slice && market && (
        <SliceFacts
          name={sector.name}
          slice={slice}
          market={market}
          year={ctx.defaultYear}
          historyTo={dataset.historyTo}
          lastYear={dataset.lastYear}
          cagrFrom={ctx.outlook?.cagrFrom ?? dataset.historyTo}
          cagrTo={ctx.outlook?.cagrTo ?? dataset.lastYear}
        />
      )}
      <MemberPanels
        dimension="sector"
        slug={slug}
        name={sector.name}
        totalTitle={`${sector.name}: size and forecast`}
        splits={SPLITS}
        splitsClassName="xl:grid-cols-3"
        {...base}
        year={ctx.defaultYear}
      />
    </DashboardProvider>
  );
}
