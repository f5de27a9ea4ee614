/**
 * Value axes that read right: a domain from 0 to a "nice" maximum, ticks in even steps
 * (1, 2, 2.5 or 5 × 10^k), and ONE unit for every tick of an axis ("0 B, 1.5 B, 3 B", never
 * "0 M, 1.5 B"), with as many decimals as the step needs and no more.
 */

export type AxisUnit = "M" | "B" | "%";

export interface ValueAxis {
  /** Domain [0, max] for the chart library. */
  domain: [number, number];
  /** Tick values, from 0 to max in equal steps. */
  ticks: number[];
  step: number;
  unit: AxisUnit;
  /** Decimals every tick label shows. */
  decimals: number;
  /** The label of one tick: "1.5 B", "250 M", "0.05 M", "40%". */
  label: (value: number) => string;
}

const STEPS = [1, 2, 2.5, 5, 10];

/** The smallest step of 1, 2, 2.5 or 5 × 10^k that covers `max` in at most `count` steps. */
export function niceStep(max: number, count = 5): number {
  if (!(max > 0) || !Number.isFinite(max)) return 1;
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const m = STEPS.find((s) => s * mag >= raw * (1 - 1e-9)) ?? 10;
  return m * mag;
}

/** Decimals needed to write multiples of `step` exactly (2.5 → 1, 0.05 → 2, 500 → 0). */
export function decimalsFor(step: number): number {
  for (let d = 0; d <= 10; d++) {
    const scaled = step * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6 * Math.max(1, scaled)) return d;
  }
  return 10;
}

const formats = new Map<number, Intl.NumberFormat>();
const grouped = (v: number, decimals: number) => {
  let f = formats.get(decimals);
  if (!f)
    formats.set(
      decimals,
      (f = new Intl.NumberFormat("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals })),
    );
  return f.format(v);
};

/**
 * A US$ million axis for values up to `maxM` (≥ 0). Billions when the top tick is 1,000 M or more,
 * then every tick is in B.
 */
export function moneyAxis(maxM: number, count = 5): ValueAxis {
  const top = maxM > 0 && Number.isFinite(maxM) ? maxM : 1;
  const step = niceStep(top, count);
  const n = Math.max(1, Math.ceil(top / step - 1e-9));
  const max = step * n;
  const ticks = Array.from({ length: n + 1 }, (_, i) => round(i * step));
  const unit: AxisUnit = max >= 1_000 ? "B" : "M";
  const div = unit === "B" ? 1_000 : 1;
  const decimals = decimalsFor(step / div);
  return {
    domain: [0, round(max)],
    ticks,
    step,
    unit,
    decimals,
    label: (v) => `${grouped(v / div, decimals)} ${unit}`,
  };
}

/**
 * A share axis (0-1). A full stack runs 0-100% in 20-point steps; a single share runs to the
 * nice step above its maximum ("0, 2, 4, 6%").
 */
export function shareAxis(max = 1, count = 5): ValueAxis {
  const top = Math.min(1, max > 0 && Number.isFinite(max) ? max : 1);
  const step = top >= 0.75 ? 0.2 : niceStep(top, count);
  const n = Math.max(1, Math.ceil(top / step - 1e-9));
  const ticks = Array.from({ length: n + 1 }, (_, i) => round(i * step));
  const decimals = decimalsFor(step * 100);
  return {
    domain: [0, round(step * n)],
    ticks,
    step,
    unit: "%",
    decimals,
    label: (v) => `${(v * 100).toFixed(decimals)}%`,
  };
}

/** Removes float noise from multiples of a step (0.1 × 3 = 0.30000000000000004). */
function round(v: number): number {
  return Number(v.toPrecision(12));
}
