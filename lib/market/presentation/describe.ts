/**
 * Words and rows derived from series: chart subtitles (active filters and years), one-sentence
 * summaries for screen readers, and the year-by-year rows that stacked charts and tables draw.
 */
import { cagr } from "../series/metrics";
import type { Filters } from "../query/filters";
import { formatApproxUsdM, formatByBasis, formatPercent } from "./format";
import type { ForecastedSeries } from "../series/forecast-series";
import { BASIS_LABEL, dimensionLabel, EXTENDED_AT_CAGR } from "./labels";
import { sharesInYear } from "../series/series";
import type { SeriesForecastInfo } from "../cube/forecast-cube";
import { DIMENSIONS, type MemberInfo, type Series } from "../types";

export function memberName(members: MemberInfo[], dim: string, slug: string): string {
  return members.find((m) => m.dimension === dim && m.slug === slug)?.name ?? slug;
}

/** "Sector: Healthcare, Finance · Region: Europe · 2021-2032", or "All segments · 2021-2032". */
export function describeFilters(filters: Filters, members: MemberInfo[], from: number, to: number): string {
  const parts = DIMENSIONS.filter((d) => filters[d].length).map(
    (d) => `${dimensionLabel(d)}: ${filters[d].map((s) => memberName(members, d, s)).join(", ")}`,
  );
  if (filters.group?.length) parts.push(`${dimensionLabel("group")}: ${filters.group.join(", ")}`);
  return [...(parts.length ? parts : ["All segments"]), from === to ? String(from) : `${from}-${to}`].join(" · ");
}

/** A short name for a compared slice: "Healthcare + Europe", or "Whole market". */
export function describeSlice(filters: Filters, members: MemberInfo[]): string {
  const names = [
    ...DIMENSIONS.flatMap((d) => filters[d].map((s) => memberName(members, d, s))),
    ...(filters.group ?? []),
  ];
  return names.length ? names.join(" + ") : "Whole market";
}

export type PointPhase = "history" | "outlook" | "forecast";

export interface StackedRow {
  year: number;
  phase: PointPhase;
  [key: string]: number | string;
}

/**
 * One row per year with a column per series. History years carry the data; later years carry the
 * series' forecast mean when there is one ("forecast"), else the data's outlook path ("outlook").
 * With `share`, each row is divided by its sum.
 */
export function stackedRows(
  series: ForecastedSeries[],
  historyTo: number,
  opts: { useForecast: boolean; share: boolean },
): StackedRow[] {
  const years = [...new Set(series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
  return years.map((year) => {
    const future = year > historyTo;
    let phase: PointPhase = future ? "outlook" : "history";
    const values = series.map((s) => {
      const f = future && opts.useForecast ? s.forecast?.points.find((p) => p.year === year) : undefined;
      if (f) phase = "forecast";
      return f ? f.mean : (s.points.find((p) => p.year === year)?.value ?? 0);
    });
    const sum = values.reduce((a, b) => a + b, 0);
    const row: StackedRow = { year, phase };
    series.forEach((s, i) => (row[s.key] = opts.share ? (sum > 0 ? values[i] / sum : 0) : values[i]));
    return row;
  });
}

/**
 * Our forecast of a breakdown's total: the members' forecasts summed year by year, means and
 * bounds alike (the one forecast cube makes the members add up to the slice exactly). Null when
 * no member carries a forecast.
 */
export function sumForecasts(series: ForecastedSeries[]): SeriesForecastInfo | null {
  const parts = series.map((s) => s.forecast).filter((f): f is SeriesForecastInfo => !!f && f.points.length > 0);
  if (!parts.length) return null;
  const byYear = new Map<number, SeriesForecastInfo["points"][number]>();
  for (const f of parts)
    for (const p of f.points) {
      const acc = byYear.get(p.year) ?? { year: p.year, mean: 0, lower: {}, upper: {} };
      acc.mean += p.mean;
      for (const [k, v] of Object.entries(p.lower)) acc.lower[k] = (acc.lower[k] ?? 0) + v;
      for (const [k, v] of Object.entries(p.upper)) acc.upper[k] = (acc.upper[k] ?? 0) + v;
      byYear.set(p.year, acc);
    }
  return { method: parts[0].method, points: [...byYear.values()].sort((a, b) => a.year - b.year) };
}

export function isEmpty(series: Series[]): boolean {
  return series.length === 0 || series.every((s) => s.points.every((p) => !p.value));
}

/**
 * "Healthcare is the largest application sector in 2024 with 18.2% (≈ US$ 1.63 B) of US$ 8,934 M; ..."
 * After the last history year the figures are the publisher's outlook, and the sentence says so. The
 * total prints exactly when it is a published figure (`publishedTotal`), else to three digits.
 */
export function summarizeBreakdown(
  series: Series[],
  year: number,
  dimension: string,
  historyTo = Infinity,
  publishedTotal = false,
): string {
  const all = sharesInYear(series, year);
  if (!all.length || all.every((r) => r.value === 0)) return `No data for ${year}.`;
  const total = all.reduce((a, r) => a + r.value, 0);
  // A catch-all "Others" is no single member: name the largest real ones.
  const named = all.filter((r) => r.key !== "others");
  const [top, second] = named.length ? named : all;
  const tail = second ? `, followed by ${second.label} with ${formatPercent(second.share)}` : "";
  // Under a scenario the years after the history carry its basis, and the sentence names it.
  const scenario = series.some((x) => x.points.some((p) => p.year === year && p.basis === "scenario"));
  const basis = year > historyTo ? ` (${scenario ? BASIS_LABEL.scenario : BASIS_LABEL.outlook})` : "";
  return `${top.label} is the largest ${dimension.toLowerCase()} in ${year}${basis} with ${formatPercent(top.share)} (${formatApproxUsdM(top.value)}) of ${formatByBasis(total, publishedTotal)}${tail}.`;
}

/**
 * "The market grows from ≈ US$ 6.08 B in 2021 to ≈ US$ 22.1 B in 2032 (extended at the published
 * CAGR) (12.4% a year; outlook after 2025). Our forecast for 2032: ≈ US$ 18.5 B." Each figure names
 * its basis, as the cards do: published figures exactly, modelled and forecast ones to three
 * significant digits; a year past the publisher's last outlook year says how it was made.
 */
export function summarizeTotal(
  series: ForecastedSeries,
  historyTo: number,
  subject = "The market",
  opts: { outlookYear?: number } = {},
): string {
  const pts = series.points.filter((p) => Number.isFinite(p.value));
  if (pts.length < 2 || pts.every((p) => !p.value)) return `No data for ${subject.toLowerCase()}.`;
  const a = pts[0];
  const b = pts[pts.length - 1];
  const rate = cagr(a.value, b.value, b.year - a.year);
  const verb = b.value >= a.value ? "grows" : "shrinks";
  // A scenario moves the outlook: its years say so, and are not the outlook extended at its CAGR.
  const scenario = b.basis === "scenario";
  const after = scenario ? BASIS_LABEL.scenario : BASIS_LABEL.outlook;
  const basis = b.year > historyTo ? `; ${after} after ${historyTo}` : "";
  const extended =
    !scenario && opts.outlookYear !== undefined && b.year > opts.outlookYear && b.year > historyTo
      ? ` (${EXTENDED_AT_CAGR})`
      : "";
  const fc = series.forecast?.points.find((p) => p.year === b.year);
  const ours = fc ? ` ${capitalise(BASIS_LABEL.forecast)} for ${b.year}: ${formatApproxUsdM(fc.mean)}.` : "";
  const value = (p: { value: number; basis: string }) => formatByBasis(p.value, p.basis === "published");
  return `${subject} ${verb} from ${value(a)} in ${a.year} to ${value(b)} in ${b.year}${extended} (${formatPercent(rate)} a year${basis}).${ours}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
