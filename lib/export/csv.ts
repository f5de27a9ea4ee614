/**
 * CSV building for series data. Pure: no I/O. Cells that a spreadsheet would read as a formula
 * (starting with = + - @, or a tab/CR) are prefixed with a quote so they stay text.
 */
import type { ChartExportSpec } from "./chart-spec";
import type { Series } from "@/lib/market/types";

// Text already made of quotes before a formula sign gets one more, so that readFormulaText can
// take exactly one away: the two are inverse for every string.
const FORMULA = /^'*[=+\-@\t\r]/;

/** The one rule for every text cell of every export (CSV and XLSX, charts and data sets). */
export function escapeFormula(value: string): string {
  return FORMULA.test(value) ? `'${value}` : value;
}

/** Undoes escapeFormula: what an importer reads from a cell an export wrote. */
export function readFormulaText(value: string): string {
  return value.startsWith("'") && FORMULA.test(value) ? value.slice(1) : value;
}

function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = escapeFormula(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

export interface SeriesTable {
  unit: string;
  historyTo: number;
  series: { key: string; label: string; points: { year: number; value: number; basis: string }[] }[];
}

/** Long format: one row per series and year, full precision, unit in the header, basis flagged. */
export function seriesToRows(t: SeriesTable): { header: string[]; rows: (string | number)[][] } {
  return {
    header: ["series_key", "series", "year", `value (${t.unit})`, "basis", "phase"],
    rows: t.series.flatMap((s) =>
      s.points.map((p) => [
        s.key,
        s.label,
        p.year,
        p.value,
        p.basis,
        p.year <= t.historyTo ? "history" : p.basis === "scenario" ? "scenario" : "outlook",
      ]),
    ),
  };
}

export function seriesToCsv(t: SeriesTable): string {
  const { header, rows } = seriesToRows(t);
  return toCsv(header, rows);
}

/** What a data export needs from a chart: its numbers and the provenance stamped beside them. */
export type DataExportInput = Pick<
  ChartExportSpec,
  "title" | "subtitle" | "unit" | "currency" | "historyTo" | "share" | "source" | "permalink"
> & {
  series: Series[];
  outlook?: { label: string; points: Series["points"] };
  forecast?: Omit<NonNullable<ChartExportSpec["forecast"]>, "color">;
};

/**
 * Every number the chart draws, in the API's long format: the series rows come first and are
 * exactly the API's rows for the same view; the outlook, forecast and interval bounds follow.
 */
export function chartRows(spec: DataExportInput): { header: string[]; rows: (string | number)[][] } {
  const { header, rows } = seriesToRows({ unit: spec.unit, historyTo: spec.historyTo, series: spec.series });
  if (spec.outlook)
    for (const p of spec.outlook.points)
      rows.push([
        p.basis === "scenario" ? "scenario" : "outlook",
        spec.outlook.label,
        p.year,
        p.value,
        p.basis,
        p.basis === "scenario" ? "scenario" : "outlook",
      ]);
  if (spec.forecast) {
    const f = spec.forecast;
    // The forecast line and bands start at the last history year only to join the history line
    // on the chart: that point is history, not forecast, and the data rows leave it out.
    for (const p of f.points.filter((q) => q.year > spec.historyTo))
      rows.push(["forecast", f.label, p.year, p.value, "modelled", "forecast"]);
    for (const band of f.bands)
      for (const p of band.points.filter((q) => q.year > spec.historyTo)) {
        rows.push([
          `forecast-lower-${band.level}`,
          `${f.label}, lower ${band.level}% bound`,
          p.year,
          p.lower,
          "modelled",
          "forecast",
        ]);
        rows.push([
          `forecast-upper-${band.level}`,
          `${f.label}, upper ${band.level}% bound`,
          p.year,
          p.upper,
          "modelled",
          "forecast",
        ]);
      }
  }
  return { header, rows };
}

export function chartToCsv(spec: DataExportInput): string {
  const { header, rows } = chartRows(spec);
  return toCsv(header, rows);
}
