/**
 * Automatic ETS: every admissible non-seasonal model is fitted by maximum likelihood and
 * the one with the lowest AICc wins (Hyndman et al. 2002; R's forecast::ets defaults,
 * i.e. no multiplicative trend). Multiplicative errors only for strictly positive data.
 */
import { type EtsFit, type EtsSpec, nParams } from "./ets";
import { fitEts } from "./ets-fit";

const ALL_SPECS: EtsSpec[] = [
  { error: "A", trend: "N" },
  { error: "A", trend: "A" },
  { error: "A", trend: "Ad" },
  { error: "M", trend: "N" },
  { error: "M", trend: "A" },
  { error: "M", trend: "Ad" },
];

export interface AutoEtsOptions {
  /** Restrict the trend (e.g. ["Ad"] for the damped-only family). */
  trends?: EtsSpec["trend"][];
  errors?: EtsSpec["error"][];
}

export function autoEts(y: readonly number[], opts: AutoEtsOptions = {}): EtsFit {
  const positive = y.every((v) => v > 0);
  const n = y.length;
  let best: EtsFit | undefined;
  // Additive fits seed the multiplicative ones with the same trend (ALL_SPECS lists A first).
  const seeds = new Map<string, EtsFit>();
  for (const spec of ALL_SPECS) {
    if (opts.trends && !opts.trends.includes(spec.trend)) continue;
    if (opts.errors && !opts.errors.includes(spec.error)) continue;
    if (spec.error === "M" && !positive) continue;
    // AICc needs n > k + 1; R also refuses models with too few points per parameter.
    if (n <= nParams(spec) + 2) continue;
    const fit = fitEts(y, spec, seeds.get(spec.trend)?.params);
    if (spec.error === "A") seeds.set(spec.trend, fit);
    if (!Number.isFinite(fit.aicc)) continue;
    if (!best || fit.aicc < best.aicc) best = fit;
  }
  // Short series: the simplest model always fits (n ≥ 3 is guaranteed by validation).
  return best ?? fitEts(y, { error: "A", trend: "N" });
}

export function etsLabel(spec: EtsSpec): string {
  return `${spec.error},${spec.trend},N`;
}
