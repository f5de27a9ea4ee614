/**
 * The pages' URL state: the API's filter parameters (`by`, `type`, `sector`, `vendor`, `region`,
 * `from`, `to`, `dataset`) plus the view's own (`view`, `method`, `year`, `ca`, `cb`). The server
 * parses it here; the client parses the same fields through nuqs parsers built from the same zod
 * schemas (components/dashboard/view-parsers.ts). Invalid values fall back to defaults with a notice.
 */
import {
  checkAgainstDataset,
  ignored,
  readParams,
  type DatasetBounds,
  type Filters,
  type QueryProblem,
  type RawParams,
  type SeriesQueryInput,
} from "./filters";
import { VIEW_KEYS, viewStateSchema, type ForecastChoice, type MethodChoice, type ViewState } from "./schema";
import { canonicalQueryKey } from "./key";
import { DIMENSIONS, type Dimension, type MemberInfo } from "../types";
import { resolveScenario } from "../scenario/resolve";
import type { Story } from "../story/types";

export { FORECAST_METHODS, METHOD_CHOICES, VIEW_MODES } from "./schema";
export type { ForecastMethod, MethodChoice, ViewMode } from "./schema";

export type { ViewState } from "./schema";

/** The defaults a page's URL leaves out, as the schema defines them. */
export const VIEW_DEFAULTS: Pick<ViewState, "by" | "view" | "method"> = (({ by, view, method }) => ({
  by,
  view,
  method,
}))(viewStateSchema.parse({}));

/** Lenient parse of a page URL (the same field rules as the API): every invalid value or item is dropped, with a notice naming it. */
export function parseViewState(params: RawParams): { value: ViewState; notices: QueryProblem[] } {
  const { values, problems } = readParams(params, VIEW_KEYS);
  const value: ViewState = viewStateSchema.parse(values);
  // Parameters the pages do not use (API-only ones such as format) are ignored without a notice.
  const known = new Set<string>(VIEW_KEYS);
  return { value, notices: problems.filter((p) => known.has(p.param)).map(ignored) };
}

/** A page's view checked against its dataset: its years resolved. */
export type ResolvedView = ViewState & Required<Pick<ViewState, "from" | "to" | "year">>;

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
  /** The group keys of the version's story (player groups). */
  groups: string[] = [],
  /** The version's drivers and trends: the scenario levers `levers` may move. */
  story: Pick<Story, "drivers" | "trends"> = { drivers: [], trends: [] },
): { value: ResolvedView; notices: QueryProblem[] } {
  const r = checkAgainstDataset({ ...state }, dataset, members, groups);
  const notices = r.problems.map(ignored);
  let year = state.year ?? fallbackYear;
  if (year < dataset.firstYear || year > dataset.lastYear) {
    notices.push({
      param: "year",
      message: `Ignored year ${year}: the data covers ${dataset.firstYear}-${dataset.lastYear}`,
    });
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
  // Levers in their one spelling (the levers' order, no zeros), so the URL and the requests agree.
  const scenario = resolveScenario(state.levers, story);
  if (!scenario.ok) notices.push({ param: "levers", message: `Ignored ${scenario.problem.message}` });
  const levers = scenario.ok ? scenario.value?.info.levers : undefined;
  // A saved scenario's id is kept only beside its levers (the page put them there when it opened it).
  if (state.scenario && !state.levers)
    notices.push({
      param: "scenario",
      message: `Ignored scenario "${state.scenario}": it does not exist or is not shared with you`,
    });
  return {
    value: {
      ...state,
      ...r.value,
      by: state.by,
      year,
      ca: slice("ca"),
      cb: slice("cb"),
      dataset: dataset_,
      levers,
      scenario: state.scenario && state.levers ? state.scenario : undefined,
    },
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

/** A series request as the pages build it (./filters SeriesQueryInput). */
export type SeriesApiParams = SeriesQueryInput;

/**
 * The `/api/v1/series` query string for a request: its canonical key (./key). It doubles as the
 * TanStack Query key and as the key of the server-rendered first answer.
 */
export function seriesApiQuery(p: SeriesApiParams): string {
  return canonicalQueryKey(p);
}

/** The forecast a view's method asks the API for. */
export function forecastParam(method: MethodChoice): ForecastChoice {
  return method === "outlook" ? "none" : method;
}

export function filtersOf(s: Filters): Filters {
  return { type: s.type, sector: s.sector, vendor: s.vendor, region: s.region, group: s.group ?? [] };
}

export function hasFilters(f: Filters): boolean {
  return DIMENSIONS.some((d) => f[d].length > 0) || (f.group?.length ?? 0) > 0;
}

/** What a filter can name: a member of a dimension, or a player group (a roll-up of vendors). */
export type FilterDimension = Dimension | "group";

/** Adds a member to a dimension's filter, or removes it when already there (cross-filter clicks). */
export function toggleFilter(f: Filters, dim: FilterDimension, slug: string): Filters {
  const now = f[dim] ?? [];
  const list = now.includes(slug) ? now.filter((s) => s !== slug) : [...now, slug];
  return { ...filtersOf(f), [dim]: list };
}

/** A member page's filters: the URL's cross-filters, with the page's own member fixed in its dimension. */
export function memberFilters(f: Filters, dim: Dimension, slug: string): Filters {
  return { ...filtersOf(f), [dim]: [slug] };
}
