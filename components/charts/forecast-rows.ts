/** Year rows of a forecast chart and its table: history, the data's outlook path, our forecast and bands. */
import type { ForecastedSeries } from "@/lib/market/series/forecast-series";
import type { Basis } from "@/lib/market/types";

export interface ForecastRow {
  year: number;
  basis: Basis;
  value: number;
  history: number | null;
  outlook: number | null;
  mean: number | null;
  band80: [number, number] | null;
  band95: [number, number] | null;
}

/** Rows for a series with history, the data's outlook path and (optionally) our forecast with its bands. */
export function forecastRows(series: ForecastedSeries, historyTo: number): ForecastRow[] {
  const fc = new Map((series.forecast?.points ?? []).map((p) => [p.year, p]));
  return series.points.map((p) => {
    const f = fc.get(p.year);
    // The forecast starts at the last history year so its line and bands join the history line.
    const join = p.year === historyTo && fc.size > 0;
    return {
      year: p.year,
      basis: p.basis,
      value: p.value,
      history: p.year <= historyTo ? p.value : null,
      outlook: p.year >= historyTo ? p.value : null,
      mean: f ? f.mean : join ? p.value : null,
      band80: f ? [f.lower["80"], f.upper["80"]] : join ? [p.value, p.value] : null,
      band95: f ? [f.lower["95"], f.upper["95"]] : join ? [p.value, p.value] : null,
    };
  });
}

export const basisWord = (b: Basis) => (b === "published" ? "published" : "modelled");

/**
 * Wide 95% bands on short histories would flatten everything else: the axis stops above the 80%
 * band and the 95% band is clipped (the legend says so; the table has every number).
 */
export function forecastScale(data: ForecastRow[], historyTo: number) {
  const hasForecast = data.some((d) => d.year > historyTo && d.mean !== null);
  const visibleMax = Math.max(0, ...data.flatMap((d) => [d.value, d.mean ?? 0, d.band80?.[1] ?? 0]));
  const clipped = data.some((d) => (d.band95?.[1] ?? 0) > visibleMax * 1.15);
  return { hasForecast, visibleMax, clipped };
}
