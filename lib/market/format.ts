/** Number formatting with units, used the same way everywhere (screen, tooltips, exports). */

const intFmt = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const oneDp = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A US$ million value: "US$ 8,934 M" below 100 B; "US$ 123.4 B" above. */
export function formatUsdM(valueM: number, opts: { compact?: boolean } = {}): string {
  if (!Number.isFinite(valueM)) return "–";
  if (opts.compact && Math.abs(valueM) >= 1_000) return `US$ ${oneDp.format(valueM / 1_000)} B`;
  if (Math.abs(valueM) >= 100_000) return `US$ ${oneDp.format(valueM / 1_000)} B`;
  if (Math.abs(valueM) < 10 && valueM !== 0) return `US$ ${oneDp.format(valueM)} M`;
  return `US$ ${intFmt.format(valueM)} M`;
}

/** Plain number of millions with thousands separators: "8,934". */
export function formatMillions(valueM: number): string {
  return Number.isFinite(valueM) ? intFmt.format(valueM) : "–";
}

export function formatPercent(ratio: number, digits = 1): string {
  if (!Number.isFinite(ratio)) return "–";
  return `${(ratio * 100).toFixed(digits)}%`;
}

/** Axis ticks: "US$ 5 B", "US$ 500 M". */
export function formatAxisUsdM(valueM: number): string {
  if (Math.abs(valueM) >= 1_000) return `${Number((valueM / 1_000).toFixed(1))} B`;
  return `${intFmt.format(valueM)} M`;
}
