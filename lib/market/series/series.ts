/**
 * Shapes aggregated rows into the series the API and the charts use, and derives shares,
 * rankings and the breakdown-vs-total check from them.
 */
import type { Breakdown } from "../query/filters";
import { shares } from "./metrics";
import type { Basis, MemberInfo, Series } from "../types";

/** One aggregated row: the sum of the cube's cells for a year and (optionally) one member. */
export interface AggregateRow {
  year: number;
  /** Member slug, or "total" for an unbroken series. */
  key: string;
  value: number;
}

export interface ShapeOptions {
  by: Breakdown;
  from: number;
  to: number;
  members: MemberInfo[];
  /** Only these members (when the breakdown dimension is itself filtered). */
  only?: string[];
  /** Years whose value is a published figure, for an unfiltered total. */
  publishedYears?: number[];
  /** Years after this one are the publisher's outlook (basis "outlook" unless published). */
  historyTo?: number;
  /** Whether the slice is the whole market (no filter at all). */
  unfiltered: boolean;
  /** The total's label when it is a filtered slice ("Healthcare + Europe"); "Total market" otherwise. */
  totalLabel?: string;
  /** Under a scenario the years after the history are "scenario", a published outlook figure too. */
  scenario?: boolean;
}

export function years(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Series per member (in the members' order), one point per year; missing cells count as 0. */
export function shapeSeries(rows: AggregateRow[], opts: ShapeOptions): Series[] {
  const ys = years(opts.from, opts.to);
  const byKey = new Map<string, Map<number, number>>();
  for (const r of rows) {
    if (r.year < opts.from || r.year > opts.to) continue;
    const m = byKey.get(r.key) ?? new Map<number, number>();
    m.set(r.year, (m.get(r.year) ?? 0) + r.value);
    byKey.set(r.key, m);
  }
  const published = new Set(opts.publishedYears ?? []);
  const basisFor = (year: number): Basis =>
    opts.scenario && opts.historyTo !== undefined && year > opts.historyTo
      ? "scenario"
      : opts.by === "total" && opts.unfiltered && published.has(year)
        ? "published"
        : opts.historyTo !== undefined && year > opts.historyTo
          ? "outlook"
          : "modelled";
  const keys: { key: string; label: string }[] =
    opts.by === "total"
      ? [{ key: "total", label: opts.totalLabel ?? "Total market" }]
      : opts.members
          .filter((m) => m.dimension === opts.by && (!opts.only?.length || opts.only.includes(m.slug)))
          .sort((a, b) => a.sortOrder - b.sortOrder)
          .map((m) => ({ key: m.slug, label: m.name }));
  return keys.map(({ key, label }) => ({
    key,
    label,
    points: ys.map((year) => ({ year, value: byKey.get(key)?.get(year) ?? 0, basis: basisFor(year) })),
  }));
}

/** Sum of several series, year by year. */
export function sumSeries(series: Series[]): { year: number; value: number }[] {
  const totals = new Map<number, number>();
  for (const s of series) for (const p of s.points) totals.set(p.year, (totals.get(p.year) ?? 0) + p.value);
  return [...totals.entries()].sort((a, b) => a[0] - b[0]).map(([year, value]) => ({ year, value }));
}

/** The largest absolute gap between a breakdown's sum and the total, over all years. */
export function maxBreakdownGap(breakdown: Series[], total: Series): number {
  const sums = new Map(sumSeries(breakdown).map((p) => [p.year, p.value]));
  return Math.max(0, ...total.points.map((p) => Math.abs((sums.get(p.year) ?? 0) - p.value)));
}

export interface ShareRow {
  key: string;
  label: string;
  value: number;
  share: number;
}

/** The catch-all member ("Others") of a dimension: no single competitor, so it is listed last. */
export const CATCH_ALL = "others";

/** Each series' value and share in one year, largest first; the catch-all "Others" always last. */
export function sharesInYear(series: Series[], year: number): ShareRow[] {
  const values = series.map((s) => s.points.find((p) => p.year === year)?.value ?? 0);
  const sh = shares(values);
  return series
    .map((s, i) => ({ key: s.key, label: s.label, value: values[i], share: sh[i] }))
    .sort((a, b) => Number(a.key === CATCH_ALL) - Number(b.key === CATCH_ALL) || b.value - a.value);
}

export interface RankingRow extends ShareRow {
  /** Null for an unranked catch-all member such as "Others". */
  rank: number | null;
  /** Rank the year before; null when the year before is outside the data. */
  previousRank: number | null;
  /** Positive = moved up. */
  rankChange: number | null;
}

/**
 * Ranking of members by value in `year`, with the change against the year before. Members listed
 * in `unranked` (a catch-all like "Others" is no competitor) keep their share of the total but
 * take no rank, and come last.
 */
export function ranking(series: Series[], year: number, opts: { unranked?: string[] } = {}): RankingRow[] {
  const skip = new Set(opts.unranked ?? []);
  const now = sharesInYear(series, year);
  const hasPrev = series.some((s) => s.points.some((p) => p.year === year - 1));
  const prevRank = new Map(
    sharesInYear(series, year - 1)
      .filter((r) => !skip.has(r.key))
      .map((r, i) => [r.key, i + 1]),
  );
  const ranked = now.filter((r) => !skip.has(r.key));
  return [
    ...ranked.map((r, i) => {
      const previousRank = hasPrev ? (prevRank.get(r.key) ?? null) : null;
      return { ...r, rank: i + 1, previousRank, rankChange: previousRank === null ? null : previousRank - (i + 1) };
    }),
    ...now.filter((r) => skip.has(r.key)).map((r) => ({ ...r, rank: null, previousRank: null, rankChange: null })),
  ];
}
