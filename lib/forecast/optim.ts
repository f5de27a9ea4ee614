/**
 * Derivative-free minimisers. The likelihoods we fit have a handful of parameters and
 * kinks at the admissible-region boundary (we return +Infinity outside it), so a plain,
 * deterministic Nelder–Mead is more robust here than anything gradient based.
 */

export interface NelderMeadOptions {
  /** Initial step per coordinate (absolute). */
  step: number[];
  maxIter?: number;
  /** Stop when the spread of function values in the simplex falls below this. */
  tol?: number;
}

export interface MinimumResult {
  x: number[];
  value: number;
}

export function nelderMead(
  f: (x: number[]) => number,
  x0: number[],
  { step, maxIter = 400, tol = 1e-8 }: NelderMeadOptions,
): MinimumResult {
  const n = x0.length;
  const g = safe(f);
  const pts: number[][] = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    p[i] += step[i];
    pts.push(p);
  }
  const vals = pts.map(g);
  // Scratch vectors reused across iterations: this loop runs millions of times per batch.
  const centroid = new Array<number>(n).fill(0);
  let xr = new Array<number>(n).fill(0);
  let xe = new Array<number>(n).fill(0);
  let xc = new Array<number>(n).fill(0);
  const along = (t: number, out: number[], worst: number[]) => {
    for (let j = 0; j < n; j++) out[j] = centroid[j] + t * (worst[j] - centroid[j]);
  };
  const replaceWorst = (x: number[], v: number): number[] => {
    const old = pts[n];
    pts[n] = x;
    vals[n] = v;
    return old; // recycled as the next scratch vector
  };
  for (let iter = 0; iter < maxIter; iter++) {
    // Insertion sort: the simplex has at most ~6 vertices and is nearly sorted.
    for (let i = 1; i <= n; i++) {
      const v = vals[i];
      const p = pts[i];
      let j = i - 1;
      while (j >= 0 && vals[j] > v) {
        vals[j + 1] = vals[j];
        pts[j + 1] = pts[j];
        j--;
      }
      vals[j + 1] = v;
      pts[j + 1] = p;
    }
    if (Math.abs(vals[n] - vals[0]) <= tol * (Math.abs(vals[0]) + tol)) break;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += pts[i][j];
      centroid[j] = s / n;
    }
    const worst = pts[n];
    along(-1, xr, worst);
    const fr = g(xr);
    if (fr < vals[0]) {
      along(-2, xe, worst);
      const fe = g(xe);
      if (fe < fr) xe = replaceWorst(xe, fe);
      else xr = replaceWorst(xr, fr);
    } else if (fr < vals[n - 1]) {
      xr = replaceWorst(xr, fr);
    } else {
      along(fr < vals[n] ? -0.5 : 0.5, xc, worst);
      const fc = g(xc);
      if (fc < Math.min(fr, vals[n])) {
        xc = replaceWorst(xc, fc);
      } else {
        // Shrink towards the best vertex.
        for (let i = 1; i <= n; i++) {
          for (let j = 0; j < n; j++) pts[i][j] = pts[0][j] + 0.5 * (pts[i][j] - pts[0][j]);
          vals[i] = g(pts[i]);
        }
      }
    }
  }
  let best = 0;
  for (let i = 1; i <= n; i++) if (vals[i] < vals[best]) best = i;
  return { x: pts[best].slice(), value: vals[best] };
}

/** Golden-section search on [lo, hi] for one-parameter fits (e.g. SES alpha). */
export function goldenSection(
  f: (x: number) => number,
  lo: number,
  hi: number,
  tol = 1e-6,
): { x: number; value: number } {
  const r = (Math.sqrt(5) - 1) / 2;
  let a = lo;
  let b = hi;
  let c = b - r * (b - a);
  let d = a + r * (b - a);
  let fc = f(c);
  let fd = f(d);
  while (b - a > tol) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - r * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + r * (b - a);
      fd = f(d);
    }
  }
  const x = (a + b) / 2;
  return { x, value: f(x) };
}

function safe(f: (x: number[]) => number): (x: number[]) => number {
  return (x) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Number.MAX_VALUE;
  };
}
