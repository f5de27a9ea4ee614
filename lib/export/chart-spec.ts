/**
 * Exports render from the chart's description at a fixed size, never from the on-screen DOM, so a
 * chart scrolled out of view or shown on a narrow screen exports the same. The description is the
 * one the screen draws from (lib/chart/description.ts): same kind, series order and colours.
 */
export type { ChartDescription as ChartExportSpec, ChartKind, ForecastBand } from "@/lib/chart/description";
