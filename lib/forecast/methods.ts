/**
 * The method registry. Every method is fitted once on the full series and returns a
 * `Fitted`, whose forecastFrom(t, h) gives the forecasts it would make after the first t
 * values (with the full-sample parameters). The point forecast is forecastFrom(n, h); the
 * earlier origins feed the empirical interval calibration in ./intervals.
 */
import { type EtsSpec, etsForecastFrom, nParams } from "./ets";
import { autoEts, etsLabel } from "./ets-auto";
import { fitEts } from "./ets-fit";
import type { Bounds } from "./intervals";
import { shortBounds, shortPath } from "./short";
import { type ForecastFrom, fitDrift, fitLogLinear, fitNaive } from "./simple";
import { fitOptTheta, fitTheta } from "./theta";

export const METHODS = [
  "auto",
  "naive",
  "drift",
  "loglinear",
  "ses",
  "holt",
  "damped",
  "ets",
  "theta",
  "otm",
  "dotm",
  "comb",
] as const;

export type MethodName = (typeof METHODS)[number];

export interface Fitted {
  /** What was actually used, e.g. "ets(M,Ad,N)" or "auto:median(ets(A,A,N),dotm,drift)". */
  label: string;
  forecastFrom: ForecastFrom;
  /** Parameters estimated from the data (smoothing, initial states, slopes...). */
  nParams: number;
  /**
   * True when forecastFrom(t) uses only the first t values (closed-form methods refit at
   * each origin), so its in-sample errors are honest and need no optimism correction.
   */
  honest?: boolean;
  /**
   * Model-based intervals around the point path `mean`, replacing the empirical ones of
   * ./intervals (used by the short-series path, whose history is too short for them).
   */
  bounds?: (mean: readonly number[], levels: readonly number[]) => Bounds;
}

/** Below this many points auto switches to the short-series fallback (see fitShort). */
export const SHORT_SERIES = 7;

function ets(y: readonly number[], spec?: EtsSpec): Fitted {
  const fit = spec ? fitEts(y, spec) : autoEts(y);
  return {
    label: `ets(${etsLabel(fit.spec)})`,
    forecastFrom: (t, h) => etsForecastFrom(fit, t, h),
    nParams: nParams(fit.spec),
  };
}

/** Point-wise median (mean for two) of component forecasts: robust to one component going astray. */
export function combine(kind: "median" | "mean", parts: Fitted[]): Fitted {
  return {
    label: `${kind}(${parts.map((p) => p.label).join(",")})`,
    // A combination is as flexible as its most flexible part (conservative for intervals).
    nParams: Math.max(...parts.map((p) => p.nParams)),
    honest: parts.every((p) => p.honest),
    forecastFrom: (t, h) => {
      const paths = parts.map((p) => p.forecastFrom(t, h));
      return Array.from({ length: h }, (_, k) => {
        const v = paths.map((p) => p[k]).sort((a, b) => a - b);
        if (kind === "mean" || v.length < 3) return v.reduce((s, x) => s + x, 0) / v.length;
        const m = v.length >> 1;
        return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
      });
    },
  };
}

/**
 * Short series (< SHORT_SERIES points): too few to select among ETS models, optimise
 * Theta or calibrate intervals on the series' own errors. Positive data: damped log growth
 * shrunk toward a pooled prior, with Student-t intervals on the log scale (./short).
 * Otherwise: mean of drift and naive with ./intervals widths. Both choices were made on
 * short windows of the M3 yearly training parts (README).
 */
function fitShort(y: readonly number[]): Fitted {
  if (y.every((v) => v > 0)) {
    return {
      label: "loggrowth(shrunk,damped)",
      forecastFrom: (t, h) => shortPath(y, t, h),
      nParams: 1,
      honest: true,
      bounds: (mean, levels) => shortBounds(y, mean, levels),
    };
  }
  return combine("mean", [
    { label: "drift", forecastFrom: fitDrift(y), nParams: 1, honest: true },
    { label: "naive", forecastFrom: fitNaive(y), nParams: 0, honest: true },
  ]);
}

export function fitMethod(y: readonly number[], method: MethodName): Fitted {
  const positive = y.every((v) => v > 0);
  switch (method) {
    case "naive":
      return { label: "naive", forecastFrom: fitNaive(y), nParams: 0, honest: true };
    case "drift":
      return { label: "drift", forecastFrom: fitDrift(y), nParams: 1, honest: true };
    case "loglinear":
      // Constant growth is undefined for non-positive data; fall back to the linear drift.
      return positive
        ? { label: "loglinear", forecastFrom: fitLogLinear(y), nParams: 1, honest: true }
        : { label: "drift", forecastFrom: fitDrift(y), nParams: 1, honest: true };
    case "ses":
      return ets(y, { error: "A", trend: "N" });
    case "holt":
      return ets(y, { error: "A", trend: "A" });
    case "damped":
      return ets(y, { error: "A", trend: "Ad" });
    case "ets":
      return ets(y);
    case "theta":
      return { label: "theta", forecastFrom: fitTheta(y), nParams: 3 };
    case "otm":
      return { label: "otm", forecastFrom: fitOptTheta(y, false).forecastFrom, nParams: 5 };
    case "dotm":
      return { label: "dotm", forecastFrom: fitOptTheta(y, true).forecastFrom, nParams: 3 };
    case "comb":
      // Comb S-H-D, the M3 benchmark: mean of SES, Holt and damped trend.
      return combine("mean", [fitMethod(y, "ses"), fitMethod(y, "holt"), fitMethod(y, "damped")]);
    case "auto": {
      if (y.length < SHORT_SERIES) return prefix(fitShort(y));
      return prefix(combine("median", [ets(y), fitMethod(y, "dotm"), fitMethod(y, "drift")]));
    }
  }
}

function prefix(f: Fitted): Fitted {
  return { ...f, label: `auto:${f.label}` };
}
