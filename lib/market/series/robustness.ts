/**
 * What our forecast of the market rests on, and how far a reader can lean on it: its value in the
 * publisher's outlook year beside the outlook, its 80% interval, how many history years it was fitted
 * to (and how many of those are published), and how much its value in that year moves when the last
 * history year is 5% higher. Computed from the same forecast call as every other surface. Pure.
 */
import { forecastHistory } from "./forecast-series";
import type { ForecastMethod } from "../query/schema";

/** The change applied to the last history year to measure how fragile the forecast is. */
export const SENSITIVITY_BUMP = 0.05;

export interface ForecastRobustness {
  /** The year the forecast is compared in: the publisher's outlook year (or the last year). */
  year: number;
  /** Our forecast's mean and 80% interval in `year`. */
  mean: number;
  lower80: number;
  upper80: number;
  /** The publisher's outlook for `year`, when it has one. */
  outlook: number | null;
  /** mean ÷ outlook − 1 (−0.12: 12% below the outlook); null without an outlook. */
  vsOutlook: number | null;
  historyFrom: number;
  historyTo: number;
  /** History years that are published figures (the rest are modelled). */
  publishedHistoryYears: number[];
  /** Relative change of `mean` when the last history year is raised by SENSITIVITY_BUMP. */
  sensitivity: number;
}

export function forecastRobustness(
  market: { year: number; value: number }[],
  opts: {
    historyTo: number;
    lastYear: number;
    method: ForecastMethod;
    year: number;
    outlook: number | null;
    publishedYears: number[];
  },
): ForecastRobustness | null {
  const { historyTo, lastYear, method, year, outlook } = opts;
  const history = market.filter((p) => p.year <= historyTo).sort((a, b) => a.year - b.year);
  if (!history.length || year <= historyTo || year > lastYear) return null;
  const base = forecastHistory(history, historyTo, lastYear, method);
  const at = base?.points.find((p) => p.year === year);
  if (!base || !at) return null;
  const bumped = history.map((p) => (p.year === historyTo ? { ...p, value: p.value * (1 + SENSITIVITY_BUMP) } : p));
  const moved = forecastHistory(bumped, historyTo, lastYear, method)?.points.find((p) => p.year === year);
  return {
    year,
    mean: at.mean,
    lower80: at.lower["80"],
    upper80: at.upper["80"],
    outlook,
    vsOutlook: outlook && outlook > 0 ? at.mean / outlook - 1 : null,
    historyFrom: history[0].year,
    historyTo,
    publishedHistoryYears: opts.publishedYears.filter((y) => y >= history[0].year && y <= historyTo).sort(),
    sensitivity: moved && at.mean > 0 ? moved.mean / at.mean - 1 : NaN,
  };
}
