/**
 * One chart description drives the chart on screen, every export of it (PNG, SVG, PDF, the deck)
 * and the link-preview image: the kind of chart, its series in order with their colours and
 * labels, the publisher's outlook, our forecast with its bands (starting at the last history year,
 * so they join the history line), and the published points to mark. Pure data: no framework.
 */
import type { Basis } from "@/lib/market/types";

/**
 * - stacked-bar: one stacked bar per year, one segment per member (breakdowns).
 * - total-forecast: history line and area, publisher outlook (dashed), our forecast and its bands.
 * - share-line: one share (0-1) over the years.
 * - ranking-bar: one horizontal bar per member in one year, ranked.
 */
export type ChartKind = "stacked-bar" | "total-forecast" | "share-line" | "ranking-bar";

export interface DescribedPoint {
  year: number;
  value: number;
  basis: Basis;
}

export interface DescribedSeries {
  key: string;
  label: string;
  color: string;
  points: DescribedPoint[];
}

export interface ForecastBand {
  /** e.g. 80 or 95. */
  level: number;
  points: { year: number; lower: number; upper: number }[];
}

export interface RankingEntry {
  key: string;
  label: string;
  color: string;
  value: number;
  share: number;
  /** null: shown but not ranked ("Others"). */
  rank: number | null;
}

export interface ChartDescription {
  /** Stable id, used in file names and tests: e.g. "overview-total". */
  id: string;
  title: string;
  /** Active filters and the year range, already worded: "Sector: Healthcare · Region: Europe · 2021-2032". */
  subtitle: string;
  kind: ChartKind;
  /** "US$ M" or "share of market". */
  unit: string;
  currency: string;
  /** Last history year: later years are outlook/forecast. */
  historyTo: number;
  /** In drawing order (first at the bottom of a stack), each with its colour from lib/chart/palette. */
  series: DescribedSeries[];
  /** The publisher's outlook path from the last history year on (total-forecast). */
  outlook?: { label: string; color: string; points: DescribedPoint[] };
  /** Our forecast from the last history year on: its first point is the last history point. */
  forecast?: { label: string; color: string; points: { year: number; value: number }[]; bands: ForecastBand[] };
  /** ranking-bar: the ranked members of `year`. */
  ranking?: { year: number; entries: RankingEntry[] };
  /** Values are shares (0-1) rather than US$ M. */
  share?: boolean;
  source: {
    publisher: string;
    datasetId: string;
    /** True when any shown number is modelled rather than published. */
    modelled: boolean;
  };
  /** Absolute URL of the view (the page's URL with its search params). */
  permalink: string;
}

/** What must be the same on screen and in every export: kind, series keys in order, colours. */
export interface ChartSignature {
  kind: ChartKind;
  series: { key: string; color: string }[];
}

export function chartSignature(d: ChartDescription): ChartSignature {
  const series =
    d.kind === "ranking-bar"
      ? (d.ranking?.entries ?? []).map((e) => ({ key: e.key, color: e.color.toLowerCase() }))
      : d.series.map((s) => ({ key: s.key, color: s.color.toLowerCase() }));
  if (d.outlook) series.push({ key: "outlook", color: d.outlook.color.toLowerCase() });
  if (d.forecast) series.push({ key: "forecast", color: d.forecast.color.toLowerCase() });
  return { kind: d.kind, series };
}

/** Points the publisher itself stated: marked on screen and in exports. */
export function publishedPoints(d: ChartDescription): { year: number; value: number }[] {
  const pts = [...d.series.flatMap((s) => s.points), ...(d.outlook?.points ?? [])].filter(
    (p) => p.basis === "published",
  );
  const seen = new Set<number>();
  return pts.filter((p) => (seen.has(p.year) ? false : (seen.add(p.year), true)));
}
