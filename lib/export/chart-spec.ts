/**
 * Everything an export needs to draw a chart and stamp its provenance, independent of the screen:
 * exports render from this spec at a fixed size, never from the on-screen DOM, so a chart scrolled
 * out of view or shown on a narrow screen exports the same.
 */
import type { Basis, Series } from "@/lib/market/types";

export type ChartKind = "line" | "stacked-area" | "bar" | "total-forecast";

export interface ForecastBand {
  /** e.g. 80 or 95. */
  level: number;
  points: { year: number; lower: number; upper: number }[];
}

export interface ChartExportSpec {
  /** Stable id, used in file names: e.g. "overview-total". */
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
  series: Series[];
  /** Optional dashed publisher outlook and forecast bands (total-forecast charts). */
  /** `basis` per point (optional, default "modelled"): years the publisher itself stated are "published". */
  outlook?: { label: string; points: { year: number; value: number; basis?: Basis }[] };
  forecast?: { label: string; points: { year: number; value: number }[]; bands: ForecastBand[] };
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
