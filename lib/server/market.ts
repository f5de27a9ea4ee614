import "server-only";
import {
  checkQueryAgainstDataset,
  type QueryProblem,
  type RawParams,
  type SeriesQuery,
} from "@/lib/market/query/filters";
import { forecastSeriesSet, type ForecastedSeries } from "@/lib/market/series/forecast-series";
import { shapeSeries } from "@/lib/market/series/series";
import { DIMENSIONS, type Dimension, type MemberInfo } from "@/lib/market/types";
import {
  defaultYear,
  parseViewState,
  resolveViewState,
  seriesApiQuery,
  type ForecastMethod,
  type ResolvedView,
  type SeriesApiParams,
} from "@/lib/market/query/view-state";
import { LruCache } from "./cache";
import { getFigures, getOutlook, type OutlookInfo } from "./provenance";
import { getDataset, getDatasets, getMembers, getSliceAggregates, type DatasetSummary } from "./queries";

/** What `/api/v1/series` returns, and what pages render: one code path, two entrances. */
export interface SeriesView {
  dataset: Pick<DatasetSummary, "id" | "title" | "publisher" | "edition" | "unit" | "currency" | "historyTo" | "firstYear" | "lastYear" | "version" | "status">;
  unit: string;
  by: SeriesQuery["by"];
  filters: Pick<SeriesQuery, "type" | "sector" | "vendor" | "region">;
  from: number;
  to: number;
  /** With a forecast requested, each series carries `forecast` for the shown years after historyTo. */
  series: ForecastedSeries[];
  forecast?: { method: ForecastMethod; reconciled: boolean; levels: number[] };
}

export interface SeriesViewOptions {
  /** Forecast every shown series with this lib/forecast method; default none. */
  forecast?: ForecastMethod;
  /** Scale a breakdown's forecasts so they add up to the forecast of their sum. */
  reconcile?: boolean;
}

// Forecasts depend only on (dataset, slice, method): datasets are immutable, so they are kept.
const forecastCache = new LruCache<ForecastedSeries[]>(500);

export type SeriesResult =
  | { ok: true; view: SeriesView }
  | { ok: false; status: 400 | 404; problem: QueryProblem };

export async function getSeriesView(query: SeriesQuery, options: SeriesViewOptions = {}): Promise<SeriesResult> {
  const dataset = await getDataset(query.dataset);
  if (!dataset)
    return query.dataset
      ? { ok: false, status: 404, problem: { param: "dataset", message: `dataset "${query.dataset}" does not exist` } }
      : { ok: false, status: 404, problem: { param: "dataset", message: "no dataset has been loaded; run npm run db:seed" } };
  const [members, figures] = await Promise.all([getMembers(dataset.id), getFigures(dataset.id)]);
  const checked = checkQueryAgainstDataset(query, dataset, members);
  if (!checked.ok) return { ok: false, status: 400, problem: checked.problem };
  const { from, to } = checked.value;
  const filters = { type: query.type, sector: query.sector, vendor: query.vendor, region: query.region };
  // The whole year range is read once per slice (and cached): forecasts need every history year.
  const rows = await getSliceAggregates({ datasetId: dataset.id, by: query.by, filters, from: dataset.firstYear, to: dataset.lastYear });
  const unfiltered = DIMENSIONS.every((d) => filters[d].length === 0);
  const shape = (a: number, b: number) =>
    shapeSeries(rows, {
      by: query.by,
      from: a,
      to: b,
      members,
      only: query.by === "total" ? undefined : filters[query.by],
      unfiltered,
      publishedYears: figures.filter((f) => f.basis === "published" && f.key.startsWith("total:") && f.year !== null).map((f) => f.year!),
    });
  let series: ForecastedSeries[] = shape(from, to);
  const reconciled = options.reconcile === true && query.by !== "total";
  if (options.forecast) {
    const key = JSON.stringify([dataset.id, query.by, filters, options.forecast, reconciled]);
    let full = forecastCache.get(key);
    if (!full) {
      full = forecastSeriesSet(shape(dataset.firstYear, dataset.lastYear), {
        historyTo: dataset.historyTo,
        lastYear: dataset.lastYear,
        method: options.forecast,
        reconcile: reconciled,
        from: dataset.firstYear,
        to: dataset.lastYear,
      });
      forecastCache.set(key, full);
    }
    series = series.map((s, i) => {
      const f = full[i]?.forecast;
      return { ...s, forecast: f ? { ...f, points: f.points.filter((p) => p.year >= from && p.year <= to) } : null };
    });
  }
  const { id, title, publisher, edition, unit, currency, historyTo, firstYear, lastYear, version, status } = dataset;
  return {
    ok: true,
    view: {
      dataset: { id, title, publisher, edition, unit, currency, historyTo, firstYear, lastYear, version, status },
      unit,
      by: query.by,
      filters,
      from,
      to,
      series,
      ...(options.forecast ? { forecast: { method: options.forecast, reconciled, levels: [80, 95] } } : {}),
    },
  };
}

export interface PageContext {
  dataset: SeriesView["dataset"];
  members: MemberInfo[];
  outlook: OutlookInfo | null;
  publishedYears: number[];
  defaultYear: number;
  state: ResolvedView;
  notices: QueryProblem[];
}

/**
 * What every dashboard page starts from: its URL parsed leniently (invalid values fall back to the
 * defaults, with notices), checked against the dataset it names (or the active one). Null when no
 * dataset is loaded at all.
 */
export async function getPageContext(params: RawParams): Promise<PageContext | null> {
  const parsed = parseViewState(params);
  const dataset = (parsed.value.dataset ? await getDataset(parsed.value.dataset) : null) ?? (await getDataset());
  if (!dataset) return null;
  const [members, figures, outlook] = await Promise.all([getMembers(dataset.id), getFigures(dataset.id), getOutlook(dataset.id)]);
  const publishedYears = figures.filter((f) => f.basis === "published" && f.key.startsWith("total:") && f.year !== null).map((f) => f.year!);
  const year = defaultYear(dataset, publishedYears);
  const resolved = resolveViewState(parsed.value, dataset, members, year);
  const { id, title, publisher, edition, unit, currency, historyTo, firstYear, lastYear, version, status } = dataset;
  return {
    dataset: { id, title, publisher, edition, unit, currency, historyTo, firstYear, lastYear, version, status },
    members,
    outlook,
    publishedYears,
    defaultYear: year,
    state: resolved.value,
    notices: [...parsed.notices, ...resolved.notices],
  };
}

/** Server-side answers keyed by their API query string: the client's first render reads these. */
export async function getInitialSeries(requests: SeriesApiParams[]): Promise<Record<string, SeriesView>> {
  const out: Record<string, SeriesView> = {};
  await Promise.all(
    requests.map(async (r) => {
      const key = seriesApiQuery(r);
      const { forecast, reconcile, ...query } = r;
      const result = await getSeriesView(query, forecast && forecast !== "none" ? { forecast, reconcile } : {});
      if (result.ok) out[key] = result.view;
    }),
  );
  return out;
}

/**
 * Whether a member exists in any dataset version. Slug pages check this in their layout, which
 * renders before their loading boundary: an unknown slug then answers a real 404 status.
 */
export async function memberExists(dimension: Dimension, slug: string): Promise<boolean> {
  const datasets = await getDatasets();
  for (const d of datasets) if ((await getMembers(d.id)).some((m) => m.dimension === dimension && m.slug === slug)) return true;
  return false;
}
