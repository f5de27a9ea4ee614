/**
 * A data set version written in the import format (CSV long or XLSX), so that an analyst can edit
 * it and import it back: an unchanged file previews as "no changes". Text cells follow the exports'
 * one formula rule (escapeFormula: a spreadsheet shows `=HYPERLINK(...)` in a publisher's name as
 * text); the importer takes the quote away again (readFormulaText), so the text round-trips.
 */
import ExcelJS from "exceljs";
import { escapeFormula, readFormulaText, toCsv } from "@/lib/export/csv";
import { toMicro } from "@/lib/market/cube/micro";
import { META_FIELDS, TABLES, cellKey, type DatasetTables, type ImportMeta, type Table } from "./types";

function rowsOf(t: DatasetTables, table: Table): { slug: string; name: string }[] {
  return table === "total" ? [{ slug: "total", name: "total" }] : t.members[table];
}

/**
 * A value as stored: whole micro-units written as an exact decimal (at most 6 decimals), never the
 * float noise of a database sum (`1965.479998000001`). Re-imported, it is the stored value.
 */
export function microText(value: number): string {
  const micro = toMicro(value);
  const sign = micro < 0 ? "-" : "";
  const digits = String(Math.abs(micro)).padStart(7, "0");
  const whole = digits.slice(0, -6);
  const fraction = digits.slice(-6).replace(/0+$/, "");
  return `${sign}${whole}${fraction ? `.${fraction}` : ""}`;
}

/** The double nearest that decimal: its shortest form (how CSV and XLSX write it) is the decimal itself. */
function microValue(value: number): number {
  return Number(microText(value));
}

export function tablesToCsv(t: DatasetTables): string {
  const header = ["table", "member", "year", "value", "basis"];
  const rows: (string | number)[][] = [];
  for (const field of META_FIELDS) {
    const v = t.meta[field];
    if (v !== undefined && v !== "") rows.push(["meta", field, "", v, ""]);
  }
  for (const table of TABLES) {
    for (const m of rowsOf(t, table)) {
      for (let year = t.firstYear; year <= t.lastYear; year++) {
        const cell = t.values.get(cellKey(table, m.slug, year));
        if (cell) rows.push([table, table === "total" ? "total" : m.slug, year, microValue(cell.value), cell.basis]);
      }
    }
  }
  // toCsv applies escapeFormula to every text cell; numbers are written as numbers.
  return toCsv(header, rows);
}

export async function tablesToXlsx(t: DatasetTables): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const meta = wb.addWorksheet("meta");
  meta.addRow(["field", "value"]);
  // Strings are written as typed text cells, never formulas; the same quote rule as the CSV keeps
  // them text when a cell is copied or the sheet is saved as CSV.
  for (const field of META_FIELDS) if (t.meta[field]) meta.addRow([field, escapeFormula(t.meta[field]!)]);
  const basis = [["table", "member", "year", "basis"]] as (string | number)[][];
  const years: number[] = [];
  for (let y = t.firstYear; y <= t.lastYear; y++) years.push(y);
  for (const table of TABLES) {
    const sheet = wb.addWorksheet(table);
    sheet.addRow(["member", ...years]);
    for (const m of rowsOf(t, table)) {
      const member = table === "total" ? "total" : m.slug;
      sheet.addRow([
        escapeFormula(member),
        ...years.map((y) => {
          const cell = t.values.get(cellKey(table, m.slug, y));
          if (cell?.basis === "modelled") basis.push([table, member, y, "modelled"]);
          return cell ? microValue(cell.value) : null;
        }),
      ]);
    }
    sheet.getColumn(1).width = 28;
  }
  const basisSheet = wb.addWorksheet("basis");
  for (const r of basis) basisSheet.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A file's meta text as the export meant it: the quote escapeFormula put before a formula sign is taken away. */
export function readExportedMeta(meta: ImportMeta): ImportMeta {
  return Object.fromEntries(
    Object.entries(meta).map(([k, v]) => [k, v === undefined ? v : readFormulaText(v)]),
  ) as ImportMeta;
}
