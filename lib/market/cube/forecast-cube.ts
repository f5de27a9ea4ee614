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
 * Intervals: a slice's bounds are its share of the market's bounds at the same level (slice bound =
 * slice mean / market mean × market bound). They carry the market's uncertainty in the same
 * relative width, lie between 0 and the market's bounds, and the members' bounds add up to their
 * parent's. They leave out the uncertainty of the share itself, which the data (modelled splits of
 * a few published totals) cannot measure.
 */
import { roundMicro } from "./micro";
import type { Cube } from "./cube-aggregate";
import { DIMENSIONS, type Dimension } from "../types";

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

export interface ForecastCube {
  /** The forecast years, in order (the market forecast's years). */
  years: number[];
  /** Per distinct cell (type × sector × vendor × region combination): member indexes into `slugs`. */
  member: Record<Dimension, Uint16Array>;
  slugs: Record<Dimension, string[]>;
  /** Cell means, year-major: mean[k * cells + c] is cell c's mean in years[k]. */
  mean: Float64Array;
  cells: number;
  market: SeriesForecastInfo;
}

/**
 * Splits the market forecast into every cell of `cube`, from the cells' history (years ≤ historyTo).
 * `cube` may hold any years; only history years are read.
 */
export function buildForecastCube(cube: Cube, historyTo: number, market: SeriesForecastInfo): ForecastCube {
  const sizes = DIMENSIONS.map((d) => cube.slugs[d].length);
  const cellOf = (i: number) => DIMENSIONS.reduce((acc, d, k) => acc * sizes[k] + cube.member[d][i], 0);
  const histYears = [...new Set(Array.from(cube.year).filter((y) => y <= historyTo))].sort((a, b) => a - b);
  const yearIndex = new Map(histYears.map((y, k) => [y, k]));
  // Dense cells × history years; cells that never appear keep no row.
  const index = new Map<number, number>();
  const ids: number[] = [];
  const values: number[][] = [];
  for (let i = 0; i < cube.value.length; i++) {
    const k = yearIndex.get(cube.year[i]);
    if (k === undefined) continue;
    const id = cellOf(i);
    let c = index.get(id);
    if (c === undefined) {
      c = ids.push(id) - 1;
      index.set(id, c);
      values.push(new Array(histYears.length).fill(0));
    }
    values[c][k] += cube.value[i];
  }
  const n = ids.length;
  const totals = histYears.map((_, k) => values.reduce((a, v) => a + v[k], 0));
  const last = histYears.length - 1;
  // Log-share now and its yearly trend (from the first year with a share to the last).
  const logNow = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  const slope = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    const share = (k: number) => (totals[k] > 0 ? values[c][k] / totals[k] : 0);
    if (last < 0 || !(share(last) > 0)) continue;
    logNow[c] = Math.log(share(last));
    let first = 0;
    while (first < last && !(share(first) > 0)) first++;
    if (last > first) slope[c] = (SHARE_TREND_PACE * (logNow[c] - Math.log(share(first)))) / (last - first);
  }
  const years = market.points.map((p) => p.year);
  const mean = new Float64Array(years.length * n);
  let carried = 0;
  years.forEach((_, k) => {
    carried += Math.pow(SHARE_TREND_DAMPING, k + 1);
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < n; c++) max = Math.max(max, logNow[c] + slope[c] * carried);
    let sum = 0;
    const row = mean.subarray(k * n, (k + 1) * n);
    for (let c = 0; c < n; c++) {
      const w = logNow[c] === Number.NEGATIVE_INFINITY ? 0 : Math.exp(logNow[c] + slope[c] * carried - max);
      row[c] = w;
      sum += w;
    }
    const m = market.points[k].mean;
    for (let c = 0; c < n; c++) row[c] = sum > 0 ? (row[c] / sum) * m : 0;
  });
  const member = Object.fromEntries(DIMENSIONS.map((d) => [d, new Uint16Array(n)])) as Record<Dimension, Uint16Array>;
  ids.forEach((id, c) => {
    let rest = id;
    for (let k = DIMENSIONS.length - 1; k >= 0; k--) {
      member[DIMENSIONS[k]][c] = rest % sizes[k];
      rest = Math.floor(rest / sizes[k]);
    }
  });
  return { years, member, slugs: cube.slugs, mean, cells: n, market };
}

export interface SliceQuery {
  by: "total" | Dimension;
  filters: Record<Dimension, string[]>;
}

/**
 * The forecast of a slice, per member of `by` (or "total"): means summed from the cells, bounds as
 * the slice's share of the market's bounds. Members with no cell in the slice get no entry.
 */
export function sliceForecast(fc: ForecastCube, q: SliceQuery): Map<string, SeriesForecastInfo> {
  const allowed = DIMENSIONS.map((d) => {
    if (!q.filters[d].length) return null;
    const set = new Set(q.filters[d]);
    return Uint8Array.from(fc.slugs[d], (s) => (set.has(s) ? 1 : 0));
  });
  const keys = q.by === "total" ? ["total"] : fc.slugs[q.by];
  const sums = keys.map(() => new Float64Array(fc.years.length));
  const seen = new Uint8Array(keys.length);
  const byMember = q.by === "total" ? null : fc.member[q.by];
  outer: for (let c = 0; c < fc.cells; c++) {
    for (let k = 0; k < DIMENSIONS.length; k++)
      if (allowed[k] && !allowed[k]![fc.member[DIMENSIONS[k]][c]]) continue outer;
    const j = byMember ? byMember[c] : 0;
    seen[j] = 1;
    for (let y = 0; y < fc.years.length; y++) sums[j][y] += fc.mean[y * fc.cells + c];
  }
  const out = new Map<string, SeriesForecastInfo>();
  keys.forEach((key, j) => {
    if (seen[j]) out.set(key, scaleMarket(fc.market, sums[j]));
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
