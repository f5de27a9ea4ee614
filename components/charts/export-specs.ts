/** Export specs built from exactly what a chart shows (see lib/export/chart-spec.ts). */
import type { ChartExportSpec } from "@/lib/export/chart-spec";
import type { StackedRow } from "@/lib/market/presentation/describe";
import type { ForecastedSeries } from "@/lib/market/series/forecast-series";
import type { Series } from "@/lib/market/types";
import { methodLabel } from "@/lib/market/presentation/format";
import type { StackedKey } from "./stacked-labels";

interface Common {
  id: string;
  title: string;
  subtitle: string;
  historyTo: number;
  publisher: string;
  datasetId: string;
  currency: string;
  permalink: string;
}

export function forecastSpec(c: Common & { series: ForecastedSeries; showOutlook: boolean }): ChartExportSpec {
  const { series } = c;
  const history: Series = { key: series.key, label: series.label, points: series.points.filter((p) => p.year <= c.historyTo) };
  const fc = series.forecast;
  return {
    id: c.id,
    title: c.title,
    subtitle: c.subtitle,
    kind: "total-forecast",
    unit: "US$ M",
    currency: c.currency,
    historyTo: c.historyTo,
    series: [history],
    outlook: c.showOutlook
      ? { label: `${c.publisher} outlook`, points: series.points.filter((p) => p.year >= c.historyTo).map((p) => ({ year: p.year, value: p.value, basis: p.basis })) }
      : undefined,
    forecast: fc?.points.length
      ? {
          label: `Our forecast (${methodLabel(fc.method)})`,
          points: fc.points.map((p) => ({ year: p.year, value: p.mean })),
          bands: [80, 95].map((level) => ({
            level,
            points: fc.points.map((p) => ({ year: p.year, lower: p.lower[String(level)], upper: p.upper[String(level)] })),
          })),
        }
      : undefined,
    source: { publisher: c.publisher, datasetId: c.datasetId, modelled: series.points.some((p) => p.basis === "modelled") || !!fc },
    permalink: c.permalink,
  };
}

export function stackedSpec(c: Common & { rows: StackedRow[]; keys: StackedKey[]; share: boolean }): ChartExportSpec {
  return {
    id: c.id,
    title: c.title,
    subtitle: c.subtitle,
    kind: "stacked-area",
    unit: c.share ? "share of market" : "US$ M",
    currency: c.currency,
    historyTo: c.historyTo,
    share: c.share || undefined,
    series: c.keys.map((k) => ({
      key: k.key,
      label: k.label,
      points: c.rows.map((r) => ({ year: r.year, value: Number(r[k.key] ?? 0), basis: "modelled" as const })),
    })),
    source: { publisher: c.publisher, datasetId: c.datasetId, modelled: true },
    permalink: c.permalink,
  };
}
