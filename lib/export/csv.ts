/**
 * CSV building for series data. Pure: no I/O. Cells that a spreadsheet would read as a formula
 * (starting with = + - @, or a tab/CR) are prefixed with a quote so they stay text.
 */

export function escapeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
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
      s.points.map((p) => [s.key, s.label, p.year, p.value, p.basis, p.year <= t.historyTo ? "history" : "outlook"]),
    ),
  };
}

export function seriesToCsv(t: SeriesTable): string {
  const { header, rows } = seriesToRows(t);
  return toCsv(header, rows);
}
