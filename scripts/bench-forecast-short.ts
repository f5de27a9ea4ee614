/**
 * Short-series evaluation: n = 3..8 consecutive points taken from the M3 yearly TRAINING
 * parts only, each followed by h = 7 points that are still inside the training part (the
 * M3 test years are never read). Up to three windows per series and n (first, middle and
 * last possible origin). Candidate point/interval schemes for the < 7-point path of `auto`
 * are scored with sMAPE, MASE, 80%/95% coverage and MSIS(95).
 *
 * The volatility prior of the empirical-Bayes schemes is cross-fitted: the windows of
 * odd-numbered series are scored with the prior fitted on even-numbered series and vice
 * versa, so no window is scored with a prior that saw it. The prior used in production
 * (SHORT_PRIOR in lib/forecast/short.ts) is the fit on all series, printed at the end.
 *   npm run --silent bench:forecast-short
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { coverageCount, forecast, mase, msis, naiveScale, smape } from "../lib/forecast";
import { intervals } from "../lib/forecast/intervals";
import { combine } from "../lib/forecast/methods";
import {
  growthStats,
  SHORT_PRIOR,
  type ShortScheme,
  shortForecast,
  type VolatilityPrior,
} from "../lib/forecast/short";
import { fitDrift, fitNaive } from "../lib/forecast/simple";
import { fitVolatilityPrior } from "./forecast-short-fit";

interface M3Series {
  id: string;
  train: number[];
}

const m3 = JSON.parse(readFileSync(path.join(__dirname, "data", "m3-yearly", "m3-yearly.json"), "utf8")) as { series: M3Series[] };
const H = 7;
const NS = [3, 4, 5, 6, 7, 8];
const LEVELS = [80, 95];

interface Window {
  series: number;
  /** MASE/MSIS scale: mean absolute yearly change over the whole training part. */
  scale: number;
  hist: number[];
  future: number[];
}

function windows(n: number): Window[] {
  const out: Window[] = [];
  m3.series.forEach((s, i) => {
    const last = s.train.length - n - H;
    if (last < 0) return;
    const starts = [...new Set([0, Math.round(last / 2), last])];
    for (const st of starts) {
      const hist = s.train.slice(st, st + n);
      if (naiveScale(hist) === 0) continue;
      out.push({ series: i, scale: naiveScale(s.train), hist, future: s.train.slice(st + n, st + n + H) });
    }
  });
  return out;
}

interface Fc {
  mean: number[];
  lower: Record<string, number[]>;
  upper: Record<string, number[]>;
}

type Candidate = { name: string; run: (w: Window) => Fc };

/** The previous < 7-point auto: mean(drift at full slope, naive) with ./intervals widths. */
function legacyShort(y: number[]): Fc {
  const fitted = combine("mean", [
    { label: "drift", forecastFrom: fitDrift(y), nParams: 1, honest: true },
    { label: "naive", forecastFrom: fitNaive(y), nParams: 0, honest: true },
  ]);
  const mean = fitted.forecastFrom(y.length, H);
  const b = intervals(y, fitted, mean, LEVELS);
  const clamp = (a: number[]) => a.map((v) => Math.max(0, v));
  for (const k of Object.keys(b.lower)) {
    b.lower[k] = clamp(b.lower[k]);
    b.upper[k] = clamp(b.upper[k]);
  }
  return { mean: clamp(mean), ...b };
}

// Cross-fitted priors: fold f is scored with the prior fitted on the other fold.
function priorSamples(fold: number | null) {
  const out: { s2: number; k: number }[] = [];
  for (const n of [4, 5, 6]) {
    for (const w of windows(n)) if (fold === null || w.series % 2 !== fold) out.push(growthStats(w.hist));
  }
  return out;
}
const foldPrior: VolatilityPrior[] = [0, 1].map((f) => fitVolatilityPrior(priorSamples(f)));
const eb = (scheme: Omit<ShortScheme, "prior">) => (w: Window) =>
  shortForecast(w.hist, H, LEVELS, { ...scheme, prior: foldPrior[w.series % 2] });

/** Mean interval score of the 80% and 95% intervals on the log scale (a proper score). */
function logIntervalScore(ws: Window[], scheme: ShortScheme): number {
  let s = 0;
  for (const w of ws) {
    const f = shortForecast(w.hist, H, LEVELS, scheme);
    for (const [lv, a] of [["80", 0.2], ["95", 0.05]] as const) {
      for (let k = 0; k < H; k++) {
        const y = Math.log(w.future[k]);
        const lo = Math.log(f.lower[lv][k]);
        const hi = Math.log(f.upper[lv][k]);
        s += hi - lo + (2 / a) * (Math.max(0, lo - y) + Math.max(0, y - hi));
      }
    }
  }
  return s / ws.length;
}

/** Pooled variance multiplier minimising the log interval score on the given windows. */
function fitVarScale(ws: Window[], scheme: ShortScheme): number {
  let best = { c: 1, v: Infinity };
  for (let a = -1; a <= 2; a += 0.05) {
    const v = logIntervalScore(ws, { ...scheme, varScale: Math.exp(a) });
    if (v < best.v) best = { c: Math.exp(a), v };
  }
  return best.c;
}
const fitWindows = (fold: number | null) => [4, 5, 6].flatMap((n) => windows(n).filter((w) => fold === null || w.series % 2 !== fold));
const calibrated = (scheme: Omit<ShortScheme, "prior" | "varScale">) => {
  const c = [0, 1].map((f) => fitVarScale(fitWindows(f), { ...scheme, prior: foldPrior[f] }));
  varScales.push(`${scheme.growth}: ${c.map((x) => x.toFixed(2)).join(" / ")}`);
  return (w: Window) => shortForecast(w.hist, H, LEVELS, { ...scheme, prior: foldPrior[w.series % 2], varScale: c[w.series % 2] });
};
const varScales: string[] = [];

const CANDIDATES: Candidate[] = [
  { name: "current: mean(drift,naive) + in-sample widths", run: (w) => legacyShort(w.hist) },
  { name: "drift + in-sample widths", run: (w) => forecast(w.hist, { h: H, level: LEVELS, method: "drift" }) },
  { name: "log RW drift, own sd, normal, sd²h", run: (w) => shortForecast(w.hist, H, LEVELS, { growth: 1, driftError: false, normal: true }) },
  { name: "log RW drift, own sd, t(n-2), sd²h(1+h/(n-1))", run: (w) => shortForecast(w.hist, H, LEVELS, { growth: 1, driftError: true }) },
  { name: "log RW drift, EB sd, t, sd²h", run: eb({ growth: 1, driftError: false }) },
  { name: "log RW drift, EB sd, t, sd²h(1+h/(n-1))", run: eb({ growth: 1, driftError: true }) },
  { name: "log RW half drift, EB sd, t, sd²h(1+h/(n-1))", run: eb({ growth: 0.5, driftError: true }) },
  { name: "log RW 0.75 drift, EB sd, t, sd²h(1+h/(n-1))", run: eb({ growth: 0.75, driftError: true }) },
  {
    name: "current point + EB t log intervals",
    run: (w) => {
      const mean = legacyShort(w.hist).mean;
      return shortForecast(w.hist, H, LEVELS, { growth: 1, driftError: true, prior: foldPrior[w.series % 2] }, mean);
    },
  },
  { name: "log RW drift, EB sd, t, c·sd²h(1+h/(n-1))", run: calibrated({ growth: 1, driftError: true }) },
  { name: "log RW half drift, EB sd, t, c·sd²h(1+h/(n-1))", run: calibrated({ growth: 0.5, driftError: true }) },
];
const AUTO7: Candidate = { name: "auto (n >= 7 path, unchanged)", run: (w) => forecast(w.hist, { h: H, level: LEVELS }) };

interface Row {
  name: string;
  n: string;
  count: number;
  smape: number;
  mase: number;
  cov80: number;
  cov95: number;
  msis95: number;
  msisMed: number;
  logIs: number;
  ratio95: number;
}

function score(c: Candidate, ws: Window[], n: string): Row {
  let sm = 0, ma = 0, c80 = 0, c95 = 0, is = 0;
  const ratios: number[] = [];
  const scores: number[] = [];
  let logIs = 0;
  for (const w of ws) {
    const f = c.run(w);
    sm += smape(w.future, f.mean);
    ma += mase(w.hist, w.future, f.mean) * (naiveScale(w.hist) / w.scale);
    c80 += coverageCount(w.future, f.lower["80"], f.upper["80"]);
    c95 += coverageCount(w.future, f.lower["95"], f.upper["95"]);
    const sc = msis(w.hist, w.future, f.lower["95"], f.upper["95"], 0.05) * (naiveScale(w.hist) / w.scale);
    is += sc;
    scores.push(sc);
    for (let j = 0; j < H; j++) {
      const y = Math.log(w.future[j]);
      const lo = Math.log(Math.max(f.lower["95"][j], 1e-300));
      const hi = Math.log(f.upper["95"][j]);
      logIs += (100 * (hi - lo + 40 * (Math.max(0, lo - y) + Math.max(0, y - hi)))) / H;
    }
    const lo = f.lower["95"][H - 1];
    ratios.push(lo > 0 ? f.upper["95"][H - 1] / lo : Infinity);
  }
  ratios.sort((a, b) => a - b);
  scores.sort((a, b) => a - b);
  const k = ws.length;
  return { name: c.name, n, count: k, smape: sm / k, mase: ma / k, cov80: (100 * c80) / (k * H), cov95: (100 * c95) / (k * H), msis95: is / k, msisMed: scores[k >> 1], logIs: logIs / k, ratio95: ratios[k >> 1] };
}

const fmt = (v: number, d: number) => (Number.isFinite(v) ? v.toFixed(d) : "inf");

function main(): void {
  const byN = new Map(NS.map((n) => [n, windows(n)]));
  const rows: Row[] = [];
  for (const c of CANDIDATES) {
    for (const n of NS) rows.push(score(c, byN.get(n)!, String(n)));
  }
  for (const n of [7, 8]) rows.push(score(AUTO7, byN.get(n)!, String(n)));
  // Pooled n = 4..6 summary, the range the product uses (5 history points).
  const pooled = [4, 5, 6].flatMap((n) => byN.get(n)!);
  const summary = CANDIDATES.map((c) => score(c, pooled, "4-6"));

  const header = ["scheme", "n", "windows", "sMAPE", "MASE", "cov80%", "cov95%", "MSIS95", "median MSIS95", "log IS95", "med hi/lo95 h7"];
  const cells = (r: Row) => [r.name, r.n, String(r.count), fmt(r.smape, 2), fmt(r.mase, 3), fmt(r.cov80, 1), fmt(r.cov95, 1), fmt(r.msis95, 2), fmt(r.msisMed, 2), fmt(r.logIs, 1), fmt(r.ratio95, 2)];
  const table = [...rows.map(cells), ...summary.map(cells)];
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i])).join(" | ")} |`;
  console.log(`M3 yearly training parts only: windows of n points + h = ${H} following training points (up to 3 per series and n)`);
  console.log(`cross-fitted EB priors: ${foldPrior.map((p) => `df ${p.df.toFixed(2)}, sd ${p.sd.toFixed(4)}`).join(" / ")}`);
  console.log(`pooled variance multipliers c (growth share: fold 0 / fold 1): ${varScales.join("; ")}`);
  console.log(line(header));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const r of table) console.log(line(r));
  const all = fitVolatilityPrior(priorSamples(null));
  console.log(`prior fitted on all series (n = 4..6 windows): df ${all.df.toFixed(2)}, sd ${all.sd.toFixed(4)}; in use: df ${SHORT_PRIOR.df}, sd ${SHORT_PRIOR.sd}`);
}

main();
