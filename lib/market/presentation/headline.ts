/**
 * The words of the headline: how our forecast compares with the publisher's outlook, and what it
 * rests on. Pure, so the cards, the deck and tests say the same thing.
 */
import type { ForecastRobustness } from "../series/robustness";
import { SENSITIVITY_BUMP } from "../series/robustness";

/** "−12%" / "+3.4%": a signed relative difference, with a true minus sign. */
export function formatSignedPercent(ratio: number): string {
  if (!Number.isFinite(ratio)) return "–";
  const pct = ratio * 100;
  const digits = Math.abs(pct) < 10 ? 1 : 0;
  const text = Math.abs(pct).toFixed(digits);
  if (Number(text) === 0) return "±0%";
  return `${pct < 0 ? "−" : "+"}${text}%`;
}

/** "−12% vs QYResearch's 2031 outlook" */
export function versusOutlook(ratio: number | null, publisher: string, year: number): string | null {
  return ratio === null || !Number.isFinite(ratio)
    ? null
    : `${formatSignedPercent(ratio)} vs ${publisher}'s ${year} outlook`;
}

/**
 * "Fitted to 5 history years (2021-2025), 1 of them published (2024); 5% more in 2025 moves its
 * 2031 value by +26%." A slice's forecast is split from the market's, so it says so first.
 */
export function robustnessSentence(r: ForecastRobustness, opts: { slice?: boolean } = {}): string {
  const years = r.historyTo - r.historyFrom + 1;
  const published = r.publishedHistoryYears;
  const pub =
    published.length === 0
      ? "none of them published"
      : `${published.length === years ? "all" : published.length} of them published (${published.join(", ")})`;
  const bump = `${Math.round(SENSITIVITY_BUMP * 100)}%`;
  const moves = Number.isFinite(r.sensitivity)
    ? `; ${bump} more in ${r.historyTo} moves its ${r.year} value by ${formatSignedPercent(r.sensitivity)}`
    : "";
  const subject = opts.slice ? "Split from our market forecast, which is fitted" : "Fitted";
  return `${subject} to ${years} history year${years === 1 ? "" : "s"} (${r.historyFrom}-${r.historyTo}), ${pub}${moves}.`;
}
