/**
 * Forecasts for the series a view shows: each series' history years go through lib/forecast, and
 * breakdowns can be reconciled to the forecast of their sum. Pure: no I/O.
 */
import { forecast, ForecastInputError } from "../../forecast";
import { reconcileByShareTrend, type SeriesForecastInfo } from "./reconcile";
import type { Series } from "../types";
import type { ForecastMethod } from "../query/schema";

export const FORECAST_LEVELS = [80, 95] as const;

/** A forecast of the years after `historyTo` up to `lastYear`; null when the history is too short to forecast. */
export function forecastHistory(
  history: { year: number; value: number }[],
  historyTo: number,
  lastYear: number,
  method: ForecastMethod,
): SeriesForecastInfo | null {
  const values = history.filter((p) => p.year <= historyTo).sort((a, b) => a.year - b.year).map((p) => p.value);
  const h = lastYear - historyTo;
  if (h < 1) return null;
  try {
    const f = forecast(values, { h, level: [...FORECAST_LEVELS], method });
    return {
      method: f.method,
      points: f.mean.map((mean, i) => ({
        year: historyTo + 1 + i,
        mean,
        lower: Object.fromEntries(FORECAST_LEVELS.map((l) => [String(l), f.lower[String(l)][i]])),
        upper: Object.fromEntries(FORECAST_LEVELS.map((l) => [String(l), f.upper[String(l)][i]])),
      })),
    };
  } catch (error) {
    // Too few history years for this slice: show the data without a forecast rather than fail.
    if (error instanceof ForecastInputError) return null;
    throw error;
  }
}

export interface ForecastedSeries extends Series {
  forecast?: SeriesForecastInfo | null;
}

export interface ForecastSetOptions {
  historyTo: number;
  lastYear: number;
  method: ForecastMethod;
  reconcile: boolean;
}

/**
 * Forecasts every series from its full history (not only the shown years); with `reconcile`, a
 * breakdown is forecast top-down: the forecast of its sum, split by projected shares.
 */
export function forecastSeriesSet(full: Series[], opts: ForecastSetOptions): ForecastedSeries[] {
  const fc = (points: { year: number; value: number }[]) => forecastHistory(points, opts.historyTo, opts.lastYear, opts.method);
  let parts = full.map((s) => fc(s.points));
  if (opts.reconcile && full.length > 1) {
    const sums = new Map<number, number>();
    for (const s of full) for (const p of s.points) sums.set(p.year, (sums.get(p.year) ?? 0) + p.value);
    const total = fc([...sums.entries()].map(([year, value]) => ({ year, value })));
    if (total) parts = reconcileByShareTrend(total, full.map((s) => s.points.filter((p) => p.year <= opts.historyTo)));
  }
  return full.map((s, i) => ({ ...s, forecast: parts[i] }));
}
