import "server-only";
import type { MemberFacts } from "@/lib/market/series/forecast-series";
import type { Filters, RawParams } from "@/lib/market/query/filters";
import type { Dimension, MemberInfo } from "@/lib/market/types";
import { memberFilters, seriesApiQuery, type SeriesApiParams } from "@/lib/market/query/view-state";
import { getInitialSeries, getPageContext, type PageContext, type SeriesView } from "./market";

export interface MemberPage {
  ctx: PageContext;
  member: MemberInfo;
  /** The URL's cross-filters with the page's own member fixed: what the panels show. */
  filters: Filters;
  base: { from: number; to: number; dataset?: string };
  initialSeries: Record<string, SeriesView>;
  /** The whole member (no cross-filters) beside the whole market, for the facts at the top. */
  facts: MemberFacts | null;
}

/**
 * Everything a sector or vendor page renders from: its member, the first answers of its panels
 * (the same requests the client makes, so the first view is complete HTML) and its key facts.
 */
export async function getMemberPage(
  dimension: Dimension,
  slug: string,
  params: RawParams,
  splits: Dimension[],
): Promise<MemberPage | "no-dataset" | "not-found"> {
  const ctx = await getPageContext(params);
  if (!ctx) return "no-dataset";
  const member = ctx.members.find((m) => m.dimension === dimension && m.slug === slug);
  if (!member) return "not-found";
  const { dataset, state } = ctx;
  const none: Filters = { type: [], sector: [], vendor: [], region: [] };
  const filters = memberFilters(state, dimension, slug);
  const base = { from: dataset.firstYear, to: dataset.lastYear, dataset: state.dataset };
  const sliceReq: SeriesApiParams = { ...none, [dimension]: [slug], ...base, by: "total", forecast: "auto" };
  const marketReq: SeriesApiParams = { ...none, ...base, by: "total" };
  const initialSeries = await getInitialSeries([
    sliceReq,
    marketReq,
    { ...filters, ...base, by: "total", forecast: "auto" },
    ...splits.map((by) => ({ ...filters, ...base, by, forecast: "none" as const })),
  ]);
  const slice = initialSeries[seriesApiQuery(sliceReq)]?.series[0];
  const market = initialSeries[seriesApiQuery(marketReq)]?.series[0];
  return {
    ctx,
    member,
    filters,
    base,
    initialSeries,
    facts:
      slice && market
        ? {
            slice,
            market,
            year: ctx.defaultYear,
            historyTo: dataset.historyTo,
            lastYear: dataset.lastYear,
            cagrFrom: ctx.outlook?.cagrFrom ?? dataset.historyTo,
            cagrTo: ctx.outlook?.cagrTo ?? dataset.lastYear,
          }
        : null,
  };
}
