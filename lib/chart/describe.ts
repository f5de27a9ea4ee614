/**
 * Builders of chart descriptions from what a view shows. The screen charts draw from these
 * descriptions and the exports render from the very same objects (see ./description.ts).
 */
import type { StackedRow } from "@/lib/market/presentation/describe";
import { FORECAST_LEVELS, type ForecastedSeries } from "@/lib/market/series/forecast-series";
import { BASIS_LABEL, methodLabel } from "@/lib/market/presentation/labels";
import type { SeriesForecastInfo } from "@/lib/market/cube/forecast-cube";
import type { RankingRow } from "@/lib/market/series/series";
import type { ChartDescription } from "./description";
import { memberColor, othersLast, ROLE, STACK_OVERLAY } from "./palette";

export interface DescribeCommon {
  id: string;
  title: string;
  subtitle: string;
  historyTo: number;
  publisher: string;
  datasetId: string;
  currency: string;
  permalink: string;
}

/** Total with the publisher's outlook and our forecast; outlook, forecast and bands start at the last history year. */
export function describeTotal(
  c: DescribeCommon & { series: ForecastedSeries; showOutlook: boolean },
): ChartDescription {
  const { series } = c;
  const history = series.points.filter((p) => p.year <= c.historyTo);
  const joint = history.find((p) => p.year === c.historyTo);
  const fc = series.forecast;
  const fcPoints = fc?.points.filter((p) => p.year > c.historyTo) ?? [];
  return {
    id: c.id,
    title: c.title,
    subtitle: c.subtitle,
    kind: "total-forecast",
    unit: "US$ M",
    currency: c.currency,
    historyTo: c.historyTo,
    series: [{ key: series.key, label: series.label, color: ROLE.history, points: history }],
    outlook: c.showOutlook
      ? {
          label: series.points.some((p) => p.basis === "scenario")
            ? "Scenario (our assumptions)"
            : `${c.publisher} outlook`,
          color: ROLE.outlook,
          points: series.points.filter((p) => p.year >= c.historyTo),
        }
      : undefined,
    forecast: fcPoints.length
      ? {
          label: `Our forecast (${methodLabel(fc!.method)})`,
          color: ROLE.forecast,
          points: [
            ...(joint ? [{ year: joint.year, value: joint.value }] : []),
            ...fcPoints.map((p) => ({ year: p.year, value: p.mean })),
          ],
          bands: FORECAST_LEVELS.map((level) => ({
            level,
            points: [
              ...(joint ? [{ year: joint.year, lower: joint.value, upper: joint.value }] : []),
              ...fcPoints.map((p) => ({ year: p.year, lower: p.lower[String(level)], upper: p.upper[String(level)] })),
            ],
          })),
        }
      : undefined,
    source: {
      publisher: c.publisher,
      datasetId: c.datasetId,
      modelled: series.points.some((p) => p.basis === "modelled") || !!fc,
    },
    permalink: c.permalink,
  };
}

/** "Our forecast (auto: tempered past growth rate, split by share trend)": the legend's words for our forecast. */
export function forecastLabel(method: string): string {
  return `${BASIS_LABEL.forecast.charAt(0).toUpperCase()}${BASIS_LABEL.forecast.slice(1)} (${methodLabel(method)})`;
}

/** The level of the one band drawn over stacked bars (the wider one would hide the bars). */
export const OVERLAY_LEVEL = 80;

/**
 * Our forecast of a breakdown's total as an overlay of its stacked bars (which show the data:
 * history, then the publisher's outlook): the mean from the last history year on, joined to that
 * year's stack, with the 80% band. Only for values in US$ M: as shares every stack is 100%.
 */
function stackOverlay(
  rows: StackedRow[],
  keys: { key: string }[],
  historyTo: number,
  total: SeriesForecastInfo,
): ChartDescription["forecast"] {
  const shown = new Set(rows.map((r) => r.year));
  const pts = total.points.filter((p) => p.year > historyTo && shown.has(p.year));
  if (!pts.length) return undefined;
  const last = rows.find((r) => r.year === historyTo);
  const jointValue = last ? keys.reduce((a, k) => a + (Number(last[k.key]) || 0), 0) : undefined;
  const level = String(OVERLAY_LEVEL);
  return {
    label: forecastLabel(total.method),
    color: STACK_OVERLAY,
    points: [
      ...(jointValue !== undefined ? [{ year: historyTo, value: jointValue }] : []),
      ...pts.map((p) => ({ year: p.year, value: p.mean })),
    ],
    bands: pts.some((p) => p.lower[level] !== undefined)
      ? [
          {
            level: OVERLAY_LEVEL,
            points: [
              ...(jointValue !== undefined ? [{ year: historyTo, lower: jointValue, upper: jointValue }] : []),
              ...pts.map((p) => ({ year: p.year, lower: p.lower[level], upper: p.upper[level] })),
            ],
          },
        ]
      : [],
  };
}

/**
 * A breakdown as stacked bars, one segment per member, coloured by the member (see palette); with
 * `forecast` (our forecast of the breakdown's total), that forecast as an overlay.
 */
export function describeStacked(
  c: DescribeCommon & {
    rows: StackedRow[];
    keys: { key: string; label: string }[];
    share: boolean;
    memberOrder: readonly string[];
    forecast?: SeriesForecastInfo | null;
  },
): ChartDescription {
  return {
    id: c.id,
    title: c.title,
    subtitle: c.subtitle,
    kind: "stacked-bar",
    unit: c.share ? "share of market" : "US$ M",
    currency: c.currency,
    historyTo: c.historyTo,
    share: c.share || undefined,
    series: othersLast(c.keys).map((k) => ({
      key: k.key,
      label: k.label,
      color: memberColor(c.memberOrder, k.key),
      points: c.rows.map((r) => ({ year: r.year, value: Number(r[k.key] ?? 0), basis: "modelled" as const })),
    })),
    forecast: c.forecast && !c.share ? stackOverlay(c.rows, c.keys, c.historyTo, c.forecast) : undefined,
    source: { publisher: c.publisher, datasetId: c.datasetId, modelled: true },
    permalink: c.permalink,
  };
}

/** One member's share of the market over the years (modelled). */
export function describeShareLine(
  c: DescribeCommon & { key: string; label: string; points: { year: number; share: number }[] },
): ChartDescription {
  return {
    id: c.id,
    title: c.title,
    subtitle: c.subtitle,
    kind: "share-line",
    unit: "share of market",
    currency: c.currency,
    historyTo: c.historyTo,
    share: true,
    series: [
      {
        key: c.key,
        label: c.label,
        color: ROLE.history,
        points: c.points.map((p) => ({ year: p.year, value: p.share, basis: "modelled" as const })),
      },
    ],
    source: { publisher: c.publisher, datasetId: c.datasetId, modelled: true },
    permalink: c.permalink,
  };
}

/** Vendors ranked in one year: one bar each, in the vendor's colour; "Others" shown last, unranked. */
export function describeRanking(
  c: DescribeCommon & { year: number; rows: RankingRow[]; memberOrder: readonly string[] },
): ChartDescription {
  const entries = othersLast(c.rows).map((r) => ({
    key: r.key,
    label: r.label,
    color: memberColor(c.memberOrder, r.key),
    value: r.value,
    share: r.share,
    rank: r.rank,
  }));
  return {
    id: c.id,
    title: c.title,
    subtitle: c.subtitle,
    kind: "ranking-bar",
    unit: "US$ M",
    currency: c.currency,
    historyTo: c.historyTo,
    series: entries.map((e) => ({
      key: e.key,
      label: e.label,
      color: e.color,
      points: [{ year: c.year, value: e.value, basis: "modelled" as const }],
    })),
    ranking: { year: c.year, entries },
    source: { publisher: c.publisher, datasetId: c.datasetId, modelled: true },
    permalink: c.permalink,
  };
}
