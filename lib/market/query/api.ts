/**
 * The `/api/v1/series` answer and the other shapes the server hands to pages and components. They
 * live here, in the pure library, so client components and lib/export import nothing from lib/server.
 */
import type { OutlookDefinition } from "../cube/definition";
import type { ForecastedSeries } from "../series/forecast-series";
import type { DatasetInfo, OUR_FORECAST } from "../types";
import type { Filters, SeriesQuery } from "./filters";
import type { ForecastMethod } from "./schema";

/**
 * A dataset version as the API and the pages describe it: only what never changes, so an answer
 * pinned to a version (cached as immutable) stays true after any activation. Whether it is the
 * active version is in the version list (/api/v1/datasets, the header), not here.
 */
export type SeriesDataset = Pick<
  DatasetInfo,
  "id" | "title" | "publisher" | "edition" | "unit" | "currency" | "historyTo" | "firstYear" | "lastYear"
> & { version: number };

/** What `/api/v1/series` returns, and what pages render: one code path, two entrances. */
export interface SeriesView extends Pick<SeriesQuery, "by">, Required<Pick<SeriesQuery, "from" | "to">> {
  dataset: SeriesDataset;
  unit: string;
  filters: Filters;
  /** With a forecast requested, each series carries `forecast` for the shown years after historyTo. */
  series: ForecastedSeries[];
  /**
   * Our forecast, when requested: the market is forecast with `method`, and every slice's forecast
   * is the sum of its cells' paths split from it (always coherent; `reconcile` is a no-op).
   */
  forecast?: { basis: typeof OUR_FORECAST; method: ForecastMethod; levels: number[] };
  /** Under a scenario: its levers (the years after the history then have the basis "scenario"). */
  scenario?: ScenarioInfo;
}

/** The scenario an answer was made under: the levers moved, in the levers' order. */
export interface ScenarioInfo {
  basis: "scenario";
  /** `KEY:LEVEL,...`, levels ≠ 0 only. */
  levers: string;
  levels: Record<string, number>;
  /** The levers in words: "From general to specialised models +2". */
  description: string;
}

/** The publisher's outlook for the market: a target year's value and the CAGR leading to it. */
export interface OutlookInfo extends Omit<OutlookDefinition, "source"> {
  /** The source's title, with its address and date beside it. */
  source: string;
  url: string | null;
  publishedOn: string | null;
}

/** One figure behind the dataset: published by a source, or modelled by us (with its method). */
export interface FigureInfo {
  key: string;
  label: string;
  year: number | null;
  value: number | null;
  unit: string;
  basis: "published" | "modelled";
  source: string | null;
  url: string | null;
  publishedOn: string | null;
  method: string | null;
  assumptions: string | null;
}
