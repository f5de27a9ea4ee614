/** Number formatting with units, used the same way everywhere (screen, tooltips, exports). */

const intFmt = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const oneDp = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

const twoSig = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 2 });

/**
 * A US$ million value: "US$ 8,934 M" below 100 B; "US$ 123.4 B" above; small slices keep two
 * significant digits below 1 M ("US$ 0.04 M", never "US$ 0.0 M").
 */
export function formatUsdM(valueM: number, opts: { compact?: boolean } = {}): string {
  if (!Number.isFinite(valueM)) return "–";
  const abs = Math.abs(valueM);
  if (opts.compact && abs >= 1_000) return `US$ ${oneDp.format(valueM / 1_000)} B`;
  if (abs >= 100_000) return `US$ ${oneDp.format(valueM / 1_000)} B`;
  if (abs < 1 && valueM !== 0) return `US$ ${twoSig.format(valueM)} M`;
  if (abs < 10 && valueM !== 0) return `US$ ${oneDp.format(valueM)} M`;
  return `US$ ${intFmt.format(valueM)} M`;
}

const threeSig = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 3 });

/**
 * A modelled or forecast value, to the precision a model has: three significant digits, marked
 * approximate ("≈ US$ 3.31 B", "≈ US$ 812 M"). Published figures use formatUsdM (exact); tables and
 * data exports keep full values.
 */
export function formatApproxUsdM(valueM: number): string {
  if (!Number.isFinite(valueM)) return "–";
  if (valueM === 0) return "US$ 0 M";
  const abs = Math.abs(valueM);
  return abs >= 1_000 ? `≈ US$ ${threeSig.format(valueM / 1_000)} B` : `≈ US$ ${threeSig.format(valueM)} M`;
}

/** A value as its basis allows: published figures exactly, anything modelled or forecast approximately. */
export function formatByBasis(valueM: number, published: boolean): string {
  return published ? formatUsdM(valueM) : formatApproxUsdM(valueM);
}

/** "12.1%"; a small non-zero share keeps two significant digits ("0.042%", never "0.0%"). */
export function formatPercent(ratio: number, digits = 1): string {
  if (!Number.isFinite(ratio)) return "–";
  const pct = ratio * 100;
  if (pct !== 0 && Math.abs(pct) < 10 ** -digits) return `${twoSig.format(pct)}%`;
  return `${pct.toFixed(digits)}%`;
}

/** Axis ticks: "US$ 5 B", "US$ 500 M". */
export function formatAxisUsdM(valueM: number): string {
  if (Math.abs(valueM) >= 1_000) return `${Number((valueM / 1_000).toFixed(1))} B`;
  return `${intFmt.format(valueM)} M`;
}
