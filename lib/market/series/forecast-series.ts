/**
 * Our forecast of a series' history through lib/forecast (used for the market total: every slice is
 * split from it, see ../cube/forecast-cube). Pure: no I/O.
 */
// The two modules, not the package's index: the index also carries the batch request schema (Zod),
// which the browser (the dashboard forecasts its cube locally) has no use for.
import { forecast } from "../../forecast/forecast";
import { ForecastInputError } from "../../forecast/errors";
import type { SeriesForecastInfo } from "../cube/forecast-cube";
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
  const values = history
    .filter((p) => p.year <= historyTo)
    .sort((a, b) => a.year - b.year)
    .map((p) => p.value);
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
