/**
 * Top-down split of a forecast into parts by their share trends. The cube's cells are split this
 * way in ../cube/forecast-cube; this version works on a few aggregated parts, for data sets too large
 * to hold their cube in memory.
 */

import { SHARE_TREND_DAMPING, SHARE_TREND_PACE, type SeriesForecastInfo } from "../cube/forecast-cube";

export type { ForecastPoint, SeriesForecastInfo } from "../cube/forecast-cube";

/**
 * Top-down reconciliation for a breakdown: the total's forecast is split by each part's share,
 * and the shares are projected, not the parts' levels. Forecasting each part's level on its own
 * lets a fast riser from a small base (a few history years of hypergrowth) compound into most of
 * the market; shares instead move along a damped trend in logit space, at half the historical
 * pace (the same restraint the forecast library applies to short series' growth), and always add
 * up to 1. Each part's bounds are its share of the total's bounds: they carry the total's
 * uncertainty, not the uncertainty of the share itself.
 */
export function reconcileByShareTrend(
  total: SeriesForecastInfo,
  histories: { year: number; value: number }[][],
): SeriesForecastInfo[] {
  const years = [...new Set(histories.flatMap((h) => h.map((p) => p.year)))].sort((a, b) => a - b);
  const sums = years.map((y) => histories.reduce((acc, h) => acc + (h.find((p) => p.year === y)?.value ?? 0), 0));
  const clip = (s: number) => Math.min(1 - 1e-9, Math.max(1e-9, s));
  const logit = (s: number) => Math.log(clip(s) / (1 - clip(s)));
  const trends = histories.map((h) => {
    const shares = years.map((y, i) => (sums[i] > 0 ? (h.find((p) => p.year === y)?.value ?? 0) / sums[i] : 0));
    const last = shares[shares.length - 1] ?? 0;
    if (last <= 0 || shares.length < 2) return { last, logitLast: Number.NEGATIVE_INFINITY, slope: 0 };
    const first = shares.findIndex((s) => s > 0);
    const span = shares.length - 1 - first;
    const slope = span > 0 ? (SHARE_TREND_PACE * (logit(last) - logit(shares[first]))) / span : 0;
    return { last, logitLast: logit(last), slope };
  });
  const projected = total.points.map((_, k) => {
    let carried = 0;
    for (let j = 1; j <= k + 1; j++) carried += Math.pow(SHARE_TREND_DAMPING, j);
    const raw = trends.map((t) => (t.last <= 0 ? 0 : 1 / (1 + Math.exp(-(t.logitLast + t.slope * carried)))));
    const sum = raw.reduce((a, b) => a + b, 0);
    return raw.map((r) => (sum > 0 ? r / sum : 0));
  });
  const scale = (r: Record<string, number>, f: number) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v * f]));
  return histories.map((_, i) => ({
    method: `${total.method}+share-trend`,
    points: total.points.map((t, k) => {
      const s = projected[k][i];
      return { year: t.year, mean: t.mean * s, lower: scale(t.lower, s), upper: scale(t.upper, s) };
    }),
  }));
}
