/**
 * The series requests each panel makes, named and defined once. Pages answer the same list on the
 * server (so the first render needs no `/api/v1/series` call), the cross-filter prefetch starts it
 * on click, and the panels read their own entry: the three can no longer drift apart.
 */
import type { Filters, SeriesQuery } from "./filters";
import type { Dimension } from "../types";
import { memberFilters, type FilterDimension, type SeriesApiParams } from "./view-state";

/** Years, pinned dataset and scenario levers shared by every panel of a page (the series query's own fields). */
export type PanelScope = Required<Pick<SeriesQuery, "from" | "to">> & Pick<SeriesQuery, "dataset" | "levers">;
/** A panel's share of the scope: its years and pinned dataset (the levers come from the page's URL). */
export type PanelYears = Omit<PanelScope, "levers">;

export const panelRequest = {
  /** A slice's total with our forecast (total chart, headline cards, member facts). */
  total: (filters: Filters, scope: PanelScope, forecast: SeriesQuery["forecast"] = "auto"): SeriesApiParams => ({
    by: "total",
    ...filters,
    ...scope,
    forecast,
  }),
  /**
   * A breakdown. Its own dimension's filter is left out: the chart keeps every member and
   * highlights the selected ones (cross-filtering as BI tools do); the other charts filter.
   */
  breakdown: (
    by: FilterDimension,
    filters: Filters,
    scope: PanelScope,
    forecast: SeriesQuery["forecast"] = "none",
  ): SeriesApiParams => ({
    by,
    ...filters,
    [by]: [],
    ...scope,
    forecast,
  }),
  /**
   * One line of the scenario panel's comparison: a slice's total under `levers` ("" = the
   * publisher's outlook, the base), with no forecast.
   */
  scenarioTotal: (filters: Filters, scope: PanelScope, levers: string): SeriesApiParams => ({
    ...panelRequest.total(filters, scope, "none"),
    levers,
  }),
  /** The vendor ranking reads the vendor breakdown's answer. */
  ranking: (filters: Filters, scope: PanelScope): SeriesApiParams => panelRequest.breakdown("vendor", filters, scope),
} as const;

/** The overview: total with forecast (also the headline cards), four breakdowns (one is the ranking's). */
export function overviewRequests(
  filters: Filters,
  scope: PanelScope,
  dimensions: readonly FilterDimension[],
): SeriesApiParams[] {
  return [
    panelRequest.total(filters, scope),
    ...dimensions.map((by) => panelRequest.breakdown(by, filters, scope)),
    ...scenarioPanelRequests(filters, scope),
  ];
}

/** The scenario panel's first lines: the base, and the page's scenario when it has one. */
export function scenarioPanelRequests(filters: Filters, scope: PanelScope): SeriesApiParams[] {
  const base = { from: scope.from, to: scope.to, dataset: scope.dataset };
  return ["", ...(scope.levers ? [scope.levers] : [])].map((l) => panelRequest.scenarioTotal(filters, base, l));
}

/**
 * A member page's slice (its member fixed, the URL's other filters applied) and the market it is
 * a part of (the same filters without the member), for the facts and the share.
 */
export function memberRequests(dimension: Dimension, slug: string, filters: Filters, scope: PanelScope) {
  const slice = memberFilters(filters, dimension, slug);
  const market = { ...slice, [dimension]: [] };
  return {
    slice,
    total: panelRequest.total(slice, scope),
    market: panelRequest.total(market, scope, "none"),
  };
}

/** Every request of a member page's first render. */
export function memberPageRequests(
  dimension: Dimension,
  slug: string,
  filters: Filters,
  scope: PanelScope,
  splits: readonly Dimension[],
): SeriesApiParams[] {
  const m = memberRequests(dimension, slug, filters, scope);
  return [m.total, m.market, ...splits.map((by) => panelRequest.breakdown(by, m.slice, scope))];
}
