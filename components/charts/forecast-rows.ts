/** Year rows of a forecast chart and its table: history, the data's outlook path, our forecast and bands. */
import type { ForecastedSeries } from "@/lib/market/series/forecast-series";
import type { Basis } from "@/lib/market/types";
export { forecastScale } from "@/lib/market/presentation/forecast-scale";

export interface ForecastRow {
  year: number;
  basis: Basis;
  value: number;
  /** The value again when it is a published figure: marked on the chart. */
  published: number | null;
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
      published: p.basis === "published" ? p.value : null,
      history: p.year <= historyTo ? p.value : null,
      outlook: p.year >= historyTo ? p.value : null,
      mean: f ? f.mean : join ? p.value : null,
      band80: f ? [f.lower["80"], f.upper["80"]] : join ? [p.value, p.value] : null,
      band95: f ? [f.lower["95"], f.upper["95"]] : join ? [p.value, p.value] : null,
    };
  });
}
