/**
 * Short-series evaluation in the product's regime: 5-point histories forecast 6 years ahead.
 * Windows of n consecutive points followed by H = 6 points, taken ONLY from the M3 yearly
 * training parts (the M3 test years are never read): every start position, so each series gives
 * up to 36 windows. Candidates for the < 7-point path of `auto` are scored with sMAPE, MASE
 * (scaled by the window itself, as when only those points are known; and by the whole training
 * part), and the coverage of 80% and 95% intervals; also on the "recent" windows alone (the last
 * window of each series, the regime closest to a series cut to its last points).
 *
 * Everything fitted is cross-validated by series: windows of odd-numbered series are scored with
 * constants fitted on even-numbered series and vice versa, so no window is scored with a prior
 * that saw its series. The constants shipped in lib/forecast/short.ts (SHORT_MODEL) are the fit
 * on all series, printed at the end with the fold fits.
 *   npm run --silent bench:forecast-short
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { coverageCount, forecast, mase, naiveScale, smape } from "../lib/forecast";
import { growthStats, SHORT_MODEL, type ShortModel, shortBounds, shortPath } from "../lib/forecast/short";
import { fitTheta } from "../lib/forecast/theta";
import { fitPointModel, fitVarScale, fitVolatilityPrior, range, type Window } from "./forecast-short-fit";

const m3 = JSON.parse(readFileSync(path.join(__dirname, "data", "m3-yearly", "m3-yearly.json"), "utf8")) as {
  series: { train: number[] }[];
};
const H = 6;
const LEVELS = [80, 95];

function windows(n: number): Window[] {
  const out: Window[] = [];
  m3.series.forEach((s, i) => {
    const last = s.train.length - n - H;
    for (let st = 0; st <= last; st++) {
      const hist = s.train.slice(st, st + n);
      if (naiveScale(hist) === 0) continue;
      out.push({
        series: i,
        hist,
        future: s.train.slice(st + n, st + n + H),
        recent: st === last,
        partScale: naiveScale(s.train),
      });
    }
  });
  return out;
}

const byN = new Map([3, 4, 5, 6].map((n) => [n, windows(n)]));
const W5 = byN.get(5)!;
const other = (ws: Window[], fold: number) => ws.filter((w) => w.series % 2 !== fold);

// --- Cross-fitted constants (fold f = series index parity; fitted on the other fold) ---------
const volatility = [0, 1, null].map((f) => {
  const samples = [4, 5, 6]
    .flatMap((n) => byN.get(n)!.filter((w) => f === null || w.series % 2 !== f))
    .map((w) => growthStats(w.hist));
  const p = fitVolatilityPrior(samples);
  return { df: p.df, sd: p.sd };
});
const GRID = { mean: range(0, 0.05, 0.005), sd: range(0.005, 0.06, 0.005), damping: range(0.6, 1, 0.05) };
type Fit = { name: string; grid: typeof GRID; models: ShortModel[] };
const fits: Fit[] = [
  { name: "damped log growth (φ fitted, no shrinkage)", grid: { mean: [0], sd: [1e3], damping: GRID.damping } },
  { name: "log growth shrunk toward a prior (m0, τ fitted, no damping)", grid: { ...GRID, damping: [1] } },
  { name: "log growth shrunk toward a prior and damped (m0, τ, φ fitted)", grid: GRID },
].map((f) => ({
  ...f,
  models: [0, 1, null].map((fold, i) => {
    const ws = fold === null ? W5 : other(W5, fold);
    const point = fitPointModel(ws, { ...SHORT_MODEL, volatility: volatility[i] }, f.grid).model;
    return { ...point, varScale: fitVarScale(ws, point) };
  }),
}));
const CHOSEN = fits[2];
const modelFor = (fit: Fit, w: Window) => fit.models[w.series % 2];

// --- Candidates ----------------------------------------------------------------------------
interface Fc {
  mean: number[];
  lower?: Record<string, number[]>;
  upper?: Record<string, number[]>;
}
type Candidate = { name: string; run: (w: Window) => Fc };
const lib =
  (method: string) =>
  (w: Window): Fc =>
    forecast(w.hist, { h: H, level: LEVELS, method });
const last = (w: Window) => w.hist[w.hist.length - 1];
/** The former < 7-point auto: half the mean log growth, intervals with the former constants. */
const FORMER: ShortModel = {
  volatility: { df: 1.09, sd: 0.0371 },
  growth: { mean: 0, sd: 1e3 },
  damping: 1,
  varScale: 1,
};
const halfLog = (w: Window) =>
  Array.from({ length: H }, (_, k) => last(w) * Math.exp(0.5 * growthStats(w.hist).mu * (k + 1)));
const theta = (w: Window) => fitTheta(w.hist)(w.hist.length, H);
const drift = (w: Window) => lib("drift")(w).mean;
const naive = (w: Window) => new Array<number>(H).fill(last(w));
const chosenPath = (w: Window) => shortPath(w.hist, w.hist.length, H, modelFor(CHOSEN, w));
/** Intervals of the chosen model (its cross-fitted c) around another point path. */
const withBounds = (mean: number[], w: Window): Fc =>
  mean.every((v) => v > 0) ? { mean, ...shortBounds(w.hist, mean, LEVELS, modelFor(CHOSEN, w)) } : { mean };
const avg = (...paths: number[][]) => paths[0].map((_, k) => paths.reduce((s, p) => s + p[k], 0) / paths.length);
const geo = (ws: number[], paths: number[][]) =>
  paths[0].map((_, k) => Math.exp(paths.reduce((s, p, i) => s + ws[i] * Math.log(Math.max(p[k], 1e-9)), 0)));

/** Per-series weights from the window's own fit: inverse squared one-step log errors at origins 3..n−1. */
function fitWeighted(w: Window): number[] {
  const parts = [
    (y: number[]) => fitTheta(y)(y.length, 1)[0],
    (y: number[]) => y[y.length - 1],
    (y: number[]) => shortPath(y, y.length, 1, modelFor(CHOSEN, w))[0],
  ];
  const err = parts.map((f) => {
    let e = 1e-4;
    for (let t = 3; t < w.hist.length; t++) e += Math.log(w.hist[t] / Math.max(f(w.hist.slice(0, t)), 1e-9)) ** 2;
    return 1 / e;
  });
  const total = err.reduce((a, b) => a + b, 0);
  return geo(
    err.map((e) => e / total),
    [theta(w), naive(w), chosenPath(w)],
  );
}

const CANDIDATES: Candidate[] = [
  { name: "naive (library, own intervals)", run: lib("naive") },
  { name: "drift (library, own intervals)", run: lib("drift") },
  { name: "theta = R thetaf (library, own intervals)", run: lib("theta") },
  {
    name: "former auto: half log growth, EB-t intervals",
    run: (w) => ({ mean: halfLog(w), ...shortBounds(w.hist, halfLog(w), LEVELS, FORMER) }),
  },
  { name: "mean(theta, naive)", run: (w) => withBounds(avg(theta(w), naive(w)), w) },
  { name: "mean(theta, naive, drift)", run: (w) => withBounds(avg(theta(w), naive(w), drift(w)), w) },
  { name: "mean(theta, half log growth)", run: (w) => withBounds(avg(theta(w), halfLog(w)), w) },
  ...fits.map((f) => ({
    name: f.name,
    run: (w: Window) => {
      const m = modelFor(f, w);
      const mean = shortPath(w.hist, w.hist.length, H, m);
      return { mean, ...shortBounds(w.hist, mean, LEVELS, m) };
    },
  })),
  { name: "in use: auto (SHORT_MODEL, fitted on all series; not cross-validated)", run: lib("auto") },
  { name: "mean(theta, shrunk+damped)", run: (w) => withBounds(avg(theta(w), chosenPath(w)), w) },
  { name: "per-series weights from own fit: theta, naive, shrunk+damped", run: (w) => withBounds(fitWeighted(w), w) },
];
const CHOSEN_NAME = fits[2].name;

// --- Scoring ---------------------------------------------------------------------------------
function score(c: Candidate, ws: Window[]) {
  let sm = 0,
    ma = 0,
    mp = 0,
    c80 = 0,
    c95 = 0,
    withIv = 0;
  for (const w of ws) {
    const f = c.run(w);
    sm += smape(w.future, f.mean);
    ma += mase(w.hist, w.future, f.mean);
    mp += (mase(w.hist, w.future, f.mean) * naiveScale(w.hist)) / w.partScale;
    if (f.lower && f.upper) {
      withIv++;
      c80 += coverageCount(w.future, f.lower["80"], f.upper["80"]);
      c95 += coverageCount(w.future, f.lower["95"], f.upper["95"]);
    }
  }
  const k = ws.length;
  const cov = (x: number) => (withIv === k ? (100 * x) / (k * H) : NaN);
  return { smape: sm / k, mase: ma / k, masePart: mp / k, cov80: cov(c80), cov95: cov(c95) };
}

const fmt = (v: number, d: number) => (Number.isFinite(v) ? v.toFixed(d) : "-");
function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i])).join(" | ")} |`;
  console.log(line(header));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const r of rows) console.log(line(r));
}
const describe = (m: ShortModel) =>
  `m0 ${m.growth.mean}, τ ${m.growth.sd >= 1e3 ? "∞" : m.growth.sd}, φ ${m.damping}, c ${m.varScale}, ν0 ${m.volatility.df.toFixed(2)}, σ0 ${m.volatility.sd.toFixed(4)}`;

function main(): void {
  const recent5 = W5.filter((w) => w.recent);
  console.log(
    `M3 yearly TRAINING parts only: ${W5.length} windows of 5 points + h = ${H} (${recent5.length} recent), ${m3.series.length} series`,
  );
  console.log(
    "MASE: scaled by the 5-point window; MASE part: by the whole training part. Fitted rows: cross-validated by series (2 folds).",
  );
  const rows = CANDIDATES.map((c) => {
    const a = score(c, W5);
    const r = score(c, recent5);
    const name = c.name === CHOSEN_NAME ? `${c.name} (chosen)` : c.name;
    return [
      name,
      fmt(a.smape, 2),
      fmt(a.mase, 3),
      fmt(a.masePart, 3),
      fmt(a.cov80, 1),
      fmt(a.cov95, 1),
      fmt(r.smape, 2),
      fmt(r.mase, 3),
      fmt(r.cov80, 1),
      fmt(r.cov95, 1),
    ];
  });
  table(
    [
      "candidate (n = 5, h = 6)",
      "sMAPE",
      "MASE",
      "MASE part",
      "cov80",
      "cov95",
      "recent sMAPE",
      "recent MASE",
      "recent cov80",
      "recent cov95",
    ],
    rows,
  );
  console.log("\nOther history lengths (same constants):");
  const pick = CANDIDATES.filter((c) =>
    /^theta|^former|chosen|^log growth shrunk toward a prior and damped/.test(c.name),
  );
  const more = [3, 4, 6].flatMap((n) =>
    pick.map((c) => {
      const s = score(c, byN.get(n)!);
      return [
        c.name,
        String(n),
        String(byN.get(n)!.length),
        fmt(s.smape, 2),
        fmt(s.mase, 3),
        fmt(s.cov80, 1),
        fmt(s.cov95, 1),
      ];
    }),
  );
  table(["candidate", "n", "windows", "sMAPE", "MASE", "cov80", "cov95"], more);
  console.log("\nRobustness to another mix of series: 5-point windows reweighted by exp(λ·x), x = the window's own");
  console.log(
    "mean log growth μ̂ (toward fast growers), −μ̂ (decliners) or growth volatility s (jumpy series). Δ = candidate − theta (sMAPE), ratio to theta (MASE):",
  );
  const errs = [CANDIDATES[2], CANDIDATES[3], CANDIDATES.find((c) => c.name === CHOSEN_NAME)!].map((c) =>
    W5.map((w) => {
      const f = c.run(w).mean;
      return [smape(w.future, f), mase(w.hist, w.future, f)];
    }),
  );
  const feats: [string, (w: Window) => number][] = [
    ["μ̂", (w) => growthStats(w.hist).mu],
    ["−μ̂", (w) => -growthStats(w.hist).mu],
    ["s", (w) => Math.sqrt(growthStats(w.hist).s2)],
  ];
  const tilted = feats.flatMap(([x, f]) =>
    [5, 10, 20].map((lam) => {
      const wt = W5.map((w) => Math.exp(lam * Math.min(f(w), 0.5)));
      const total = wt.reduce((a, b) => a + b, 0);
      const m = errs.map((e) => [0, 1].map((j) => e.reduce((a, r, i) => a + wt[i] * r[j], 0) / total));
      return [
        `${x}, λ ${lam}`,
        `${fmt(m[0][0], 2)} / ${fmt(m[0][1], 3)}`,
        `${fmt(m[1][0] - m[0][0], 2)} / ${fmt(m[1][1] / m[0][1], 3)}`,
        `${fmt(m[2][0] - m[0][0], 2)} / ${fmt(m[2][1] / m[0][1], 3)}`,
      ];
    }),
  );
  table(["reweighting", "theta sMAPE / MASE", "former auto Δ / ratio", "chosen Δ / ratio"], tilted);
  console.log(
    "\nFitted constants (fold 0 = fitted on odd series, scores even ones; fold 1 the reverse; all = shipped):",
  );
  for (const f of fits)
    for (const [i, label] of ["fold 0", "fold 1", "all"].entries())
      console.log(`  ${f.name}, ${label}: ${describe(f.models[i])}`);
  console.log(`  in use (SHORT_MODEL): ${describe(SHORT_MODEL)}`);
  console.log(
    "\nRule: the lowest cross-validated sMAPE and MASE on the 5-point windows, with both coverages inside 75-85 / 90-97.",
  );
}

main();
