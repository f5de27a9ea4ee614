/**
 * Forecast reconciliation: segment forecasts are made one by one, so they need not add up to the
 * forecast of their total. Proportional top-down scaling keeps each segment's forecast shape and
 * makes the sum equal the total's forecast, year by year.
 */

export interface ForecastPoint {
  year: number;
  mean: number;
  /** Keyed by level: lower["80"], lower["95"]. */
  lower: Record<string, number>;
  upper: Record<string, number>;
}

export interface SeriesForecastInfo {
  /** The method actually used, e.g. "auto:mean(drift,naive)"; "+reconciled" when scaled to the total. */
  method: string;
  points: ForecastPoint[];
}

/**
 * Scales each part so that, in every year, the parts' means add up to the total's mean. The
 * interval bounds are scaled by the same factor: a segment keeps its relative uncertainty.
 * Parts without a forecast (null) are left out of the sum and returned as null.
 */
export function reconcileProportional(
  total: SeriesForecastInfo,
  parts: (SeriesForecastInfo | null)[],
): (SeriesForecastInfo | null)[] {
  const factor = new Map<number, number>();
  for (const t of total.points) {
    const sum = parts.reduce((acc, p) => acc + (p?.points.find((q) => q.year === t.year)?.mean ?? 0), 0);
    // Nothing to scale when every part forecasts zero: the parts stay at zero.
    factor.set(t.year, sum > 0 ? t.mean / sum : 1);
  }
  const scale = (r: Record<string, number>, f: number) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v * f]));
  return parts.map((p) =>
    p === null
      ? null
      : {
          method: p.method.endsWith("+reconciled") ? p.method : `${p.method}+reconciled`,
          points: p.points.map((q) => {
            const f = factor.get(q.year) ?? 1;
            return { year: q.year, mean: q.mean * f, lower: scale(q.lower, f), upper: scale(q.upper, f) };
          }),
        },
  );
}

/** The largest gap, over the forecast years, between the parts' summed means and the total's mean. */
export function maxForecastGap(total: SeriesForecastInfo, parts: (SeriesForecastInfo | null)[]): number {
  return Math.max(
    0,
    ...total.points.map((t) => Math.abs(parts.reduce((a, p) => a + (p?.points.find((q) => q.year === t.year)?.mean ?? 0), 0) - t.mean)),
  );
}
