/**
 * A data set version written in the import format (CSV long or XLSX), so that an analyst can edit
 * it and import it back: an unchanged file previews as "no changes".
 */
import ExcelJS from "exceljs";
import { writeCsv } from "./csv";
import { META_FIELDS, TABLES, cellKey, type DatasetTables, type Table } from "./types";

function rowsOf(t: DatasetTables, table: Table): { slug: string; name: string }[] {
  return table === "total" ? [{ slug: "total", name: "total" }] : t.members[table];
}

/** Numbers are written in full (shortest round-trip form), never rounded. */
export function tablesToCsv(t: DatasetTables): string {
  const rows: (string | number)[][] = [["table", "member", "year", "value", "basis"]];
  for (const field of META_FIELDS) {
    const v = t.meta[field];
    if (v !== undefined && v !== "") rows.push(["meta", field, "", v, ""]);
  }
  for (const table of TABLES) {
    for (const m of rowsOf(t, table)) {
      for (let year = t.firstYear; year <= t.lastYear; year++) {
        const cell = t.values.get(cellKey(table, m.slug, year));
        if (cell) rows.push([table, table === "total" ? "total" : m.slug, year, String(cell.value), cell.basis]);
      }
    }
  }
  return writeCsv(rows);
}

export async function tablesToXlsx(t: DatasetTables): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const meta = wb.addWorksheet("meta");
  meta.addRow(["field", "value"]);
  for (const field of META_FIELDS) if (t.meta[field]) meta.addRow([field, t.meta[field]]);
  const basis = [["table", "member", "year", "basis"]] as (string | number)[][];
  const years: number[] = [];
  for (let y = t.firstYear; y <= t.lastYear; y++) years.push(y);
  for (const table of TABLES) {
    const sheet = wb.addWorksheet(table);
    sheet.addRow(["member", ...years]);
    for (const m of rowsOf(t, table)) {
      const member = table === "total" ? "total" : m.slug;
      sheet.addRow([
        member,
        ...years.map((y) => {
          const cell = t.values.get(cellKey(table, m.slug, y));
          if (cell?.basis === "modelled") basis.push([table, member, y, "modelled"]);
          return cell ? cell.value : null;
        }),
      ]);
    }
    sheet.getColumn(1).width = 28;
  }
  const basisSheet = wb.addWorksheet("basis");
  for (const r of basis) basisSheet.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
