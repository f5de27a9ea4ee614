/**
 * One forecast for the whole cube. The market total is forecast once (by lib/forecast, outside this
 * module); every cell's path is that forecast times the cell's projected share of the market. So
 * any slice's forecast is the sum of its cells', members of a breakdown add up to their parent, and
 * no slice can pass the market. Pure and framework-free: it runs on the server and in the browser.
 *
 * Shares: each cell's log-share moves along a damped trend at half its historical pace (the
 * restraint lib/forecast applies to short series' growth), then all cells are normalised to sum to
 * 1 (a multinomial-logit share trend). A fast riser from a small base therefore gains share, but
 * ever more slowly, and never more than the whole market.
 *
 * This log-share trend is the one share-trend method: the server and the browser split every slice's
 * forecast with it, whatever the version's size. Cells' shares are normalised together, so a
 * breakdown's members add up to their parent and a slice's share is the sum of its cells' (a
 * logit trend per part, renormalised, depends on how the parts are cut).
 *
 * Memory: one share per cell (type × sector × vendor × region) and forecast year, the same for
 * every forecast method; a slice's forecast is summed from them on demand.
 *
 * Intervals: a slice's bounds are its share of the market's bounds at the same level (slice bound =
 * slice mean / market mean × market bound). They carry the market's uncertainty in the same
 * relative width, lie between 0 and the market's bounds, and the members' bounds add up to their
 * parent's. They leave out the uncertainty of the share itself, which the data (modelled splits of
 * a few published totals) cannot measure.
 */
import { fromMicro, roundMicro } from "./micro";
import { blockSize, sliceOf, type SliceFilters } from "./engine";
import type { DenseCube } from "./packed";
import type { Dimension } from "../types";

/** How much of each year's share trend carries into the next forecast year (damped trend). */
export const SHARE_TREND_DAMPING = 0.8;
/** The share trend runs at this fraction of its historical pace. */
export const SHARE_TREND_PACE = 0.5;

export interface ForecastPoint {
  year: number;
  mean: number;
  /** Keyed by level: lower["80"], lower["95"]. */
  lower: Record<string, number>;
  upper: Record<string, number>;
}

export interface SeriesForecastInfo {
  /** The method the market was forecast with, e.g. "auto:loggrowth(shrunk,damped)"; "+share-trend" for a slice. */
  method: string;
  points: ForecastPoint[];
}

/** Every cell's projected share of the market, per forecast year: independent of the forecast method. */
export interface ShareTrend {
  /** The grid the shares are laid over (the cube's, without its years). */
  shape: DenseCube["shape"];
  slugs: Record<Dimension, string[]>;
  /** The first forecast year (the year after the history) and the number of forecast years. */
  firstYear: number;
  years: number;
  /** Year-major: share[k · cells + c] is cell c's share of the market in firstYear + k. */
  share: Float64Array;
}

/** The market's forecast with every cell's share of it: what any slice's forecast is summed from. */
export interface ForecastCube {
  trend: ShareTrend;
  market: SeriesForecastInfo;
}

/**
 * Every cell's share trend from its history (the cube's years ≤ historyTo), projected over the
 * years after historyTo up to `lastYear` (the cube's last year unless given).
 */
export function buildShareTrend(
  cube: DenseCube,
  historyTo: number,
  lastYear: number = cube.firstYear + cube.shape[0] - 1,
): ShareTrend {
  const n = blockSize(cube);
  const histYears = Math.max(0, Math.min(historyTo, cube.firstYear + cube.shape[0] - 1) - cube.firstYear + 1);
  const last = histYears - 1;
  // The market in each history year, summed in the data set's unit as the cells' shares are read.
  const totals = new Float64Array(Math.max(histYears, 0));
  for (let k = 0; k < histYears; k++) {
    let sum = 0;
    const base = k * n;
    for (let c = 0; c < n; c++) sum += fromMicro(cube.micro[base + c]);
    totals[k] = sum;
  }
  const share = (k: number, c: number) => (totals[k] > 0 ? fromMicro(cube.micro[k * n + c]) / totals[k] : 0);
  // Log-share now and its yearly trend (from the first year with a share to the last).
  const logNow = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  const slope = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    if (last < 0 || !(share(last, c) > 0)) continue;
    logNow[c] = Math.log(share(last, c));
    let first = 0;
    while (first < last && !(share(first, c) > 0)) first++;
    if (last > first) slope[c] = (SHARE_TREND_PACE * (logNow[c] - Math.log(share(first, c)))) / (last - first);
  }
  const years = Math.max(0, lastYear - historyTo);
  const out = new Float64Array(years * n);
  let carried = 0;
  for (let k = 0; k < years; k++) {
    carried += Math.pow(SHARE_TREND_DAMPING, k + 1);
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < n; c++) max = Math.max(max, logNow[c] + slope[c] * carried);
    let sum = 0;
    const row = out.subarray(k * n, (k + 1) * n);
    for (let c = 0; c < n; c++) {
      const w = logNow[c] === Number.NEGATIVE_INFINITY ? 0 : Math.exp(logNow[c] + slope[c] * carried - max);
      row[c] = w;
      sum += w;
    }
    for (let c = 0; c < n; c++) row[c] = sum > 0 ? row[c] / sum : 0;
  }
  return { shape: cube.shape, slugs: cube.slugs, firstYear: historyTo + 1, years, share: out };
}

/** The market forecast split over the cube's cells. */
export function buildForecastCube(cube: DenseCube, historyTo: number, market: SeriesForecastInfo): ForecastCube {
  return { trend: buildShareTrend(cube, historyTo, market.points.at(-1)?.year ?? historyTo), market };
}

export interface SliceQuery {
  by: "total" | Dimension;
  filters: SliceFilters;
}

/**
 * The forecast of a slice, per member of `by` (or "total"): means summed from the cells' shares of
 * the market's mean, bounds as the slice's share of the market's bounds. Members with no cell in
 * the slice get no entry.
 */
export function sliceForecast(fc: ForecastCube, q: SliceQuery): Map<string, SeriesForecastInfo> {
  const { trend, market } = fc;
  const { start, length, part, step, runs, keys, present } = sliceOf(trend, q.by, q.filters);
  const cells = blockSize(trend);
  const years = market.points.length;
  const sums = new Float64Array(keys.length * years);
  const share = trend.share;
  for (let k = 0; k < years; k++) {
    const t = market.points[k].year - trend.firstYear;
    if (t < 0 || t >= trend.years) continue;
    const m = market.points[k].mean;
    const base = t * cells;
    // Each cell's mean is added in turn, in the grid's order, to its member's sum.
    for (let i = 0; i < runs; i++) {
      const b = base + start[i];
      const n = length[i];
      if (step[i]) {
        for (let j = 0; j < n; j++) sums[(part[i] + j) * years + k] += share[b + j] * m;
      } else {
        const at = part[i] * years + k;
        let acc = sums[at];
        for (let j = 0; j < n; j++) acc += share[b + j] * m;
        sums[at] = acc;
      }
    }
  }
  const out = new Map<string, SeriesForecastInfo>();
  keys.forEach((key, j) => {
    if (present[j]) out.set(key, scaleMarket(market, sums.subarray(j * years, (j + 1) * years)));
  });
  return out;
}

/** A slice's forecast from its summed means: the market's bounds times the slice's share. */
export function scaleMarket(market: SeriesForecastInfo, means: ArrayLike<number>): SeriesForecastInfo {
  const scale = (r: Record<string, number>, f: number) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, roundMicro(v * f)]));
  return {
    method: `${market.method}+share-trend`,
    points: market.points.map((p, k) => {
      const share = p.mean > 0 ? Math.min(1, means[k] / p.mean) : 0;
      return { year: p.year, mean: roundMicro(means[k]), lower: scale(p.lower, share), upper: scale(p.upper, share) };
    }),
  };
}
