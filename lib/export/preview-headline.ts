/**
 * The one figure line a link preview carries, so a pasted link shows a number and its year:
 * "US$ 8,934 M in 2024 → US$ 19,700 M in 2031 (outlook)". Published figures print exactly,
 * modelled ones to three significant digits, as on the page. Pure.
 */
import { formatByBasis } from "@/lib/market/presentation/format";
import type { ChartExportSpec } from "./chart-spec";

type Point = { year: number; value: number; basis: string };

const shown = (p: Point) => `${formatByBasis(p.value, p.basis === "published")} in ${p.year}`;

export function previewHeadline(spec: ChartExportSpec): string | null {
  const history = (spec.series[0]?.points ?? []).filter((p) => p.year <= spec.historyTo) as Point[];
  if (spec.kind === "total-forecast") {
    const now = history.filter((p) => p.basis === "published").at(-1) ?? history.at(-1);
    const ahead = (spec.outlook?.points ?? []).filter((p) => p.year > spec.historyTo) as Point[];
    const later = ahead.filter((p) => p.basis === "published").at(-1) ?? ahead.at(-1);
    if (!now) return null;
    return later ? `${shown(now)} → ${shown(later)} (outlook)` : shown(now);
  }
  // A breakdown: the slice's total in the last history year, summed over its members.
  const year = spec.historyTo;
  const total = spec.series.reduce((a, s) => a + (s.points.find((p) => p.year === year)?.value ?? 0), 0);
  return total > 0 ? shown({ year, value: total, basis: "modelled" }) : null;
}
