/**
 * XLSX workbook for a chart: sheet "Data" holds exactly the numbers the chart draws (full
 * precision, unit in the header, basis flagged), sheet "Sources and notes" the provenance.
 * exceljs runs in node (the API) and in the browser (the export menu, loaded on click).
 */
import ExcelJS from "exceljs";
import { chartRows, escapeFormula, type DataExportInput } from "./csv";
import { provenanceNotes } from "./provenance";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// Text cells are escaped like the CSV's: a value that reads as a formula in one program stays
// inert when the sheet is re-saved or copied into another.
const cell = (v: string | number) => (typeof v === "string" ? escapeFormula(v) : v);

export async function buildWorkbook(spec: DataExportInput, exportedOn: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = spec.source.publisher;
  wb.title = spec.title;
  // The export date, not the clock, so the workbook's metadata matches its stamp.
  wb.created = wb.modified = new Date(`${exportedOn}T00:00:00Z`);

  const data = wb.addWorksheet("Data", { views: [{ state: "frozen", ySplit: 1 }] });
  const { header, rows } = chartRows(spec);
  data.addRow(header.map(cell)).font = { bold: true };
  const basisCol = header.indexOf("basis") + 1;
  for (const r of rows) {
    const row = data.addRow(r.map(cell));
    if (row.getCell(basisCol).value === "modelled") row.font = { italic: true };
  }
  data.columns.forEach((col, i) => {
    col.width = [18, 40, 8, 18, 12, 10][i] ?? 14;
  });
  // Shows thousands separators without rounding the stored value.
  data.getColumn(header.findIndex((h) => h.startsWith("value")) + 1).numFmt = spec.share ? "0.0000%" : "#,##0.0###";

  const notes = wb.addWorksheet("Sources and notes");
  notes.addRow(["Field", "Value"]).font = { bold: true };
  for (const [k, v] of provenanceNotes(spec, exportedOn)) notes.addRow([cell(k), cell(v)]);
  notes.addRow([]);
  notes.addRow(["Note", "Values are stored at full precision; the format only controls how they display."]);
  notes.addRow([
    "Note",
    'Rows whose basis is "modelled" (shown in italics) are model estimates, not published figures.',
  ]);
  notes.getColumn(1).width = 20;
  notes.getColumn(2).width = 100;

  const out = await wb.xlsx.writeBuffer();
  return new Uint8Array(out as ArrayBuffer);
}
