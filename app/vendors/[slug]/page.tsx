import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ShareLineChart } from "@/components/charts/share-line-chart";
import { DashboardProvider } from "@/components/dashboard/dashboard-context";
import { SliceFacts } from "@/components/dashboard/slice-facts";
import { MemberPanels } from "@/components/dashboard/member-panels";
import { formatPercent } from "@/lib/market/format";
import type { Dimension } from "@/lib/market/types";
import { memberFilters, seriesApiQuery, type SeriesApiParams } from "@/lib/market/view-state";
import { getInitialSeries, getPageContext } from "@/lib/server/market";
import { NoDataset } from "@/app/_components/no-dataset";
import { GROUP_LABEL } from "@/app/vendors/group-label";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug } = await params;
  return { title: `Vendor: ${slug}` };
}

const SPLITS: Dimension[] = ["sector", "type"];

export default async function VendorPage({ params, searchParams }: Params) {
  const { slug } = await params;
  const ctx = await getPageContext(await searchParams);
  if (!ctx) return <NoDataset />;
  const vendor = ctx.members.find((m) => m.dimension === "vendor" && m.slug === slug);
  if (!vendor) notFound();
  const { dataset, state } = ctx;
  const own = { type: [], sector: [], vendor: [slug], region: [] };
  // The panels follow the URL's cross-filters too; the facts above them describe the whole vendor.
  const filters = memberFilters(state, "vendor", slug);
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
  const shares = slice && market ? slice.points.map((p, i) => ({ year: p.year, share: market.points[i]?.value ? p.value / market.points[i].value : 0 })) : [];
  const first = shares[0];
  const last = shares[shares.length - 1];
  return (
    <DashboardProvider value={{ ...ctx, initialSeries }}>
      <div>
        <p className="text-sm text-slate-600 dark:text-slate-400">Vendor · {GROUP_LABEL[vendor.group ?? "other"]}</p>
        <h1 className="text-2xl font-semibold">{vendor.name}</h1>
        <p className="mt-1 max-w-3xl text-slate-700 dark:text-slate-300">{vendor.description}</p>
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">Vendor values are modelled from public proxies and are indicative, not reported revenue.</p>
      </div>
      {slice && market && (
        <SliceFacts
          name={vendor.name}
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
        dimension="vendor"
        slug={slug}
        name={vendor.name}
        totalTitle={`${vendor.name}: estimated value`}
        aside={
          <ShareLineChart
            title={`${vendor.name}: share of the market`}
            subtitle={`${dataset.firstYear}-${dataset.lastYear} · share of the global market · modelled`}
            summary={first && last ? `${vendor.name}'s modelled share moves from ${formatPercent(first.share)} in ${first.year} to ${formatPercent(last.share)} in ${last.year}.` : ""}
            points={shares}
            historyTo={dataset.historyTo}
          />
        }
        splits={SPLITS}
        splitsClassName="xl:grid-cols-2"
        {...base}
        year={ctx.defaultYear}
      />
    </DashboardProvider>
  );
}
