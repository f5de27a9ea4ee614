/**
 * The pages' URL state: the API's filter parameters (`by`, `type`, `sector`, `vendor`, `region`,
 * `from`, `to`, `dataset`) plus the view's own (`view`, `method`, `year`, `ca`, `cb`). The server
 * parses it here; the client parses the same fields through nuqs parsers built from the same zod
 * schemas (components/dashboard/view-parsers.ts). Invalid values fall back to defaults with a notice.
 */
import { reconcileQueryWithDataset } from "./dataset-bounds";
import type { Breakdown, DatasetBounds, Filters, QueryProblem, RawParams } from "./filters";
import { BREAKDOWN_CHOICES, check, enumOf, urlDatasetId, urlSliceItem, urlSlug, urlYear } from "./url-schema";
import { DIMENSIONS, type Dimension, type MemberInfo } from "../types";

export const VIEW_MODES = ["absolute", "share"] as const;
export type ViewMode = (typeof VIEW_MODES)[number];

/** Mirrors lib/forecast's METHODS (a unit test keeps them equal) without pulling the library into client code. */
export const FORECAST_METHODS = ["auto", "naive", "drift", "loglinear", "ses", "holt", "damped", "ets", "theta", "otm", "dotm", "comb"] as const;
export type ForecastMethod = (typeof FORECAST_METHODS)[number];
/** "outlook" shows the publisher's path only, without a forecast of ours. */
export const METHOD_CHOICES = ["outlook", ...FORECAST_METHODS] as const;
export type MethodChoice = (typeof METHOD_CHOICES)[number];

/** One schema per scalar field; list fields are validated item by item (an invalid item is dropped alone). */
export const viewScalarSchemas = {
  by: enumOf(BREAKDOWN_CHOICES),
  from: urlYear,
  to: urlYear,
  year: urlYear,
  dataset: urlDatasetId,
  view: enumOf(VIEW_MODES),
  method: enumOf(METHOD_CHOICES),
} as const;

export const viewListSchemas = {
  type: urlSlug,
  sector: urlSlug,
  vendor: urlSlug,
  region: urlSlug,
  ca: urlSliceItem,
  cb: urlSliceItem,
} as const;

export type ScalarKey = keyof typeof viewScalarSchemas;
export type ListKey = keyof typeof viewListSchemas;
export const VIEW_KEYS = [...(Object.keys(viewScalarSchemas) as ScalarKey[]), ...(Object.keys(viewListSchemas) as ListKey[])];

export interface ViewState extends Filters {
  by: Breakdown;
  from?: number;
  to?: number;
  year?: number;
  dataset?: string;
  view: ViewMode;
  method: MethodChoice;
  /** The two compared slices, as "dimension:member" items. */
  ca: string[];
  cb: string[];
}

export const VIEW_DEFAULTS: Pick<ViewState, "by" | "view" | "method"> = { by: "sector", view: "absolute", method: "auto" };

const MAX_LIST = 64;

function rawEntries(params: RawParams): [string, string][] {
  const out: [string, string][] = [];
  if (params instanceof URLSearchParams) params.forEach((v, k) => out.push([k, v]));
  else
    for (const [k, v] of Object.entries(params))
      for (const item of v === undefined ? [] : Array.isArray(v) ? v : [v]) out.push([k, item]);
  return out;
}

/** Lenient parse of a page URL: every invalid value or item is dropped, with a notice naming it. */
export function parseViewState(params: RawParams): { value: ViewState; notices: QueryProblem[] } {
  const notices: QueryProblem[] = [];
  const value: ViewState = { ...VIEW_DEFAULTS, type: [], sector: [], vendor: [], region: [], ca: [], cb: [] };
  const seen = new Set<string>();
  for (const [key, raw] of rawEntries(params)) {
    if (key in viewListSchemas) {
      const k = key as ListKey;
      for (const item of raw.split(",").map((s) => s.trim()).filter(Boolean)) {
        const r = check(viewListSchemas[k], item);
        if (!r.ok) notices.push({ param: k, message: `Ignored ${k} "${item}": ${r.message}` });
        else if (!value[k].includes(r.value) && value[k].length < MAX_LIST) value[k].push(r.value);
      }
    } else if (key in viewScalarSchemas && !seen.has(key)) {
      seen.add(key);
      const k = key as ScalarKey;
      const r = check<unknown>(viewScalarSchemas[k], raw.trim());
      if (r.ok) (value as unknown as Record<string, unknown>)[k] = r.value;
      else notices.push({ param: k, message: `Ignored ${k} "${raw}": ${r.message}` });
    }
  }
  return { value, notices };
}

export interface ResolvedView extends ViewState {
  from: number;
  to: number;
  year: number;
}

export interface DatasetContext extends DatasetBounds {
  id: string;
  historyTo: number;
}

/** The year KPIs and shares default to: the latest history year with a published total, else the last history year. */
export function defaultYear(dataset: DatasetContext, publishedYears: number[]): number {
  const inHistory = publishedYears.filter((y) => y >= dataset.firstYear && y <= dataset.historyTo);
  return inHistory.length ? Math.max(...inHistory) : dataset.historyTo;
}

/** Checks a parsed view against one dataset: unknown members are dropped, years clamped, with notices. */
export function resolveViewState(
  state: ViewState,
  dataset: DatasetContext,
  members: MemberInfo[],
  fallbackYear: number,
): { value: ResolvedView; notices: QueryProblem[] } {
  const r = reconcileQueryWithDataset({ ...state }, dataset, members);
  const notices = [...r.notices];
  let year = state.year ?? fallbackYear;
  if (year < dataset.firstYear || year > dataset.lastYear) {
    notices.push({ param: "year", message: `Ignored year ${year}: the data covers ${dataset.firstYear}-${dataset.lastYear}` });
    year = fallbackYear;
  }
  const known = new Set(members.map((m) => `${m.dimension}:${m.slug}`));
  const slice = (key: "ca" | "cb") => {
    const bad = state[key].filter((s) => !known.has(s));
    if (bad.length) notices.push({ param: key, message: `Ignored unknown ${key} ${bad.join(", ")}` });
    return state[key].filter((s) => known.has(s));
  };
  let dataset_ = state.dataset;
  if (dataset_ !== undefined && dataset_ !== dataset.id) {
    notices.push({ param: "dataset", message: `Ignored dataset "${dataset_}": not found, showing ${dataset.id}` });
    dataset_ = undefined;
  }
  return {
    value: { ...state, ...r.value, by: state.by, year, ca: slice("ca"), cb: slice("cb"), dataset: dataset_ },
    notices,
  };
}

/** Filters of one compared slice: "sector:healthcare" items grouped by dimension. */
export function sliceFilters(items: string[]): Filters {
  const f: Filters = { type: [], sector: [], vendor: [], region: [] };
  for (const item of items) {
    const [dim, slug] = item.split(":") as [Dimension, string];
    if ((DIMENSIONS as readonly string[]).includes(dim) && slug && !f[dim].includes(slug)) f[dim].push(slug);
  }
  return f;
}

export interface SeriesApiParams extends Filters {
  by: Breakdown;
  from?: number;
  to?: number;
  dataset?: string;
  /** A forecast method, or "none" (the API's default). */
  forecast?: ForecastMethod | "none";
  reconcile?: boolean;
}

/**
 * The `/api/v1/series` query string for a request, in a fixed order with sorted lists: it doubles
 * as the TanStack Query key and as the key of the server-rendered first answer.
 */
export function seriesApiQuery(p: SeriesApiParams): string {
  const q = new URLSearchParams();
  q.set("by", p.by);
  for (const d of DIMENSIONS) if (p[d].length) q.set(d, [...p[d]].sort().join(","));
  if (p.from !== undefined) q.set("from", String(p.from));
  if (p.to !== undefined) q.set("to", String(p.to));
  if (p.dataset) q.set("dataset", p.dataset);
  if (p.forecast && p.forecast !== "none") {
    q.set("forecast", p.forecast);
    if (p.reconcile) q.set("reconcile", "true");
  }
  return q.toString();
}

/** The forecast a view's method asks the API for. */
export function forecastParam(method: MethodChoice): ForecastMethod | "none" {
  return method === "outlook" ? "none" : method;
}

export function filtersOf(s: Filters): Filters {
  return { type: s.type, sector: s.sector, vendor: s.vendor, region: s.region };
}

export function hasFilters(f: Filters): boolean {
  return DIMENSIONS.some((d) => f[d].length > 0);
}

/** Adds a member to a dimension's filter, or removes it when already there (cross-filter clicks). */
export function toggleFilter(f: Filters, dim: Dimension, slug: string): Filters {
  const list = f[dim].includes(slug) ? f[dim].filter((s) => s !== slug) : [...f[dim], slug];
  return { ...filtersOf(f), [dim]: list };
}

/** A member page's filters: the URL's cross-filters, with the page's own member fixed in its dimension. */
export function memberFilters(f: Filters, dim: Dimension, slug: string): Filters {
  return { ...filtersOf(f), [dim]: [slug] };
}
