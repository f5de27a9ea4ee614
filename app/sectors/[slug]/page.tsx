import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BreakdownPanel } from "@/components/dashboard/breakdown-panel";
import { DashboardProvider } from "@/components/dashboard/dashboard-context";
import { SliceFacts } from "@/components/dashboard/slice-facts";
import { TotalPanel } from "@/components/dashboard/total-panel";
import type { Dimension } from "@/lib/market/types";
import type { SeriesApiParams } from "@/lib/market/view-state";
import { getInitialSeries, getPageContext } from "@/lib/server/market";
import { seriesApiQuery } from "@/lib/market/view-state";
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
  const filters = { type: [], sector: [slug], vendor: [], region: [] };
  const base = { from: dataset.firstYear, to: dataset.lastYear, dataset: state.dataset };
  const sliceReq: SeriesApiParams = { ...filters, ...base, by: "total", forecast: "auto" };
  const marketReq: SeriesApiParams = { type: [], sector: [], vendor: [], region: [], ...base, by: "total" };
  const initialSeries = await getInitialSeries([
    sliceReq,
    marketReq,
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
      <TotalPanel id={`sector-${slug}-total`} title={`${sector.name}: size and forecast`} subject={sector.name} filters={filters} {...base} forecast="auto" />
      <div className="grid gap-6 xl:grid-cols-3">
        {SPLITS.map((by) => (
          <BreakdownPanel key={by} id={`sector-${slug}-${by}`} by={by} filters={filters} {...base} year={ctx.defaultYear} />
        ))}
      </div>
    </DashboardProvider>
  );
}
