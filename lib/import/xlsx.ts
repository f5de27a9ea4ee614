/**
 * The XLSX format: one sheet per table (total, type, sector, vendor, region) with members as rows
 * and years as columns (header row: `member`, 2021, 2022, …); a `meta` sheet (field, value); and
 * an optional `basis` sheet (table, member, year, basis) listing the modelled figures, every other
 * figure being published. Formula cells count with their cached value. Errors name sheet, row and
 * column as Excel shows them.
 */
import ExcelJS from "exceljs";
import { formatCount, IMPORT_LIMITS, textProblem } from "./limits";
import { parseNumber, parseYear } from "./numbers";
import { checkZip, checkZipInflation, ZIP_LIMITS } from "./zip-limits";
import {
  META_FIELDS,
  TABLES,
  type ImportError,
  type ImportMeta,
  type MetaField,
  type ParsedFile,
  type RawCell,
} from "./types";

type CellValue = ExcelJS.CellValue;

/** A cell as text, formulas by their cached result; `{error}` for formulas without one. */
function cellText(v: CellValue): { text: string } | { error: string } {
  if (v === null || v === undefined) return { text: "" };
  if (typeof v === "number") return { text: String(v) };
  if (typeof v === "string") return { text: v };
  if (typeof v === "boolean") return { error: `a true/false value is not a number` };
  if (v instanceof Date) return { error: `a date is not a number` };
  if (typeof v === "object") {
    if ("formula" in v || "sharedFormula" in v) {
      const result = (v as { result?: unknown }).result;
      if (result === undefined || result === null)
        return { error: "formula without a saved value: open and save the file in Excel first" };
      if (typeof result === "object" && result && "error" in result)
        return { error: `formula gives ${(result as { error: string }).error}` };
      return cellText(result as CellValue);
    }
    if ("richText" in v) return { text: v.richText.map((r) => r.text).join("") };
    if ("error" in v) return { error: `cell shows ${v.error}` };
    if ("text" in v) return { text: String((v as { text: unknown }).text) };
  }
  return { error: "unreadable cell" };
}

function columnLetter(n: number): string {
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export async function parseXlsx(
  bytes: Uint8Array,
  limits = IMPORT_LIMITS,
  zipLimits = ZIP_LIMITS,
): Promise<ParsedFile> {
  let tooLarge = false;
  const errors: ImportError[] = [];
  const cells: RawCell[] = [];
  const meta: ImportMeta = {};
  const zip = checkZip(bytes, zipLimits) ?? (await checkZipInflation(bytes, zipLimits));
  // Over a size limit (parts, inflated bytes, ratio) is a file too large (413); a damaged one is not.
  if (zip)
    return {
      format: "xlsx",
      cells,
      meta,
      errors: [{ row: 0, column: "", message: zip }],
      tooLarge: !/damaged|not an XLSX|method/.test(zip),
    };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (error) {
    return {
      format: "xlsx",
      cells,
      meta,
      errors: [{ row: 0, column: "", message: `not a readable XLSX file (${(error as Error).message})` }],
    };
  }

  const modelled = new Set<string>();
  const basisSheet = wb.worksheets.find((s) => s.name.trim().toLowerCase() === "basis");
  basisSheet?.eachRow((row, r) => {
    if (r === 1) return;
    const t = (i: number) => {
      const c = cellText(row.getCell(i).value);
      return "text" in c ? c.text.trim() : "";
    };
    const year = parseYear(t(3));
    const basis = t(4).toLowerCase();
    if (!year.ok) errors.push({ sheet: basisSheet.name, row: r, column: "C", message: year.message });
    else if (basis !== "modelled" && basis !== "published") {
      errors.push({
        sheet: basisSheet.name,
        row: r,
        column: "D",
        message: `basis "${t(4)}" must be published or modelled`,
      });
    } else if (basis === "modelled") modelled.add(`${t(1).toLowerCase()}|${t(2).toLowerCase()}|${year.value}`);
  });

  const metaSheet = wb.worksheets.find((s) => s.name.trim().toLowerCase() === "meta");
  metaSheet?.eachRow((row, r) => {
    const key = cellText(row.getCell(1).value);
    const value = cellText(row.getCell(2).value);
    const field = ("text" in key ? key.text : "").trim().toLowerCase() as MetaField;
    if (r === 1 && (field as string) === "field") return;
    if (!field) return;
    if (textProblem(field)) {
      errors.push({ sheet: metaSheet.name, row: r, column: "A", message: `meta field ${textProblem(field)}` });
    } else if (!META_FIELDS.includes(field)) {
      errors.push({
        sheet: metaSheet.name,
        row: r,
        column: "A",
        message: `unknown meta field "${field}" (one of ${META_FIELDS.join(", ")})`,
      });
    } else if ("error" in value) errors.push({ sheet: metaSheet.name, row: r, column: "B", message: value.error });
    else if (textProblem(value.text))
      errors.push({ sheet: metaSheet.name, row: r, column: "B", message: `${field} ${textProblem(value.text)}` });
    else meta[field] = value.text.trim();
  });

  for (const sheet of wb.worksheets) {
    const name = sheet.name.trim().toLowerCase();
    if (name === "meta" || name === "basis") continue;
    if (!(TABLES as readonly string[]).includes(name)) {
      errors.push({
        sheet: sheet.name,
        row: 1,
        column: "A",
        message: `unknown sheet "${sheet.name}": sheets are ${TABLES.join(", ")}, meta, basis`,
      });
      continue;
    }
    const header = sheet.getRow(1);
    const years = new Map<number, number>();
    header.eachCell((cell, col) => {
      if (col === 1) return;
      const c = cellText(cell.value);
      const y = "text" in c ? parseYear(c.text) : { ok: false as const, message: c.error };
      if (!y.ok) errors.push({ sheet: sheet.name, row: 1, column: columnLetter(col), message: y.message });
      else years.set(col, y.value);
    });
    sheet.eachRow((row, r) => {
      if (r === 1) return;
      const label = cellText(row.getCell(1).value);
      const member = "text" in label ? label.text.trim() : "";
      if (!member && row.actualCellCount === 0) return;
      if (tooLarge) return;
      const bad = textProblem(member);
      if (bad) {
        errors.push({ sheet: sheet.name, row: r, column: "A", message: `member ${bad}` });
        return;
      }
      if (cells.length + years.size > limits.maxRows) {
        tooLarge = true;
        errors.length = 0;
        errors.push({
          sheet: sheet.name,
          row: r,
          column: "A",
          message: `the workbook has more than ${formatCount(limits.maxRows)} figures: split it into files of at most ${formatCount(limits.maxRows)}`,
        });
        return;
      }
      for (const [col, year] of years) {
        const c = cellText(row.getCell(col).value);
        const at = { sheet: sheet.name, row: r, column: columnLetter(col) };
        if ("error" in c) {
          errors.push({ ...at, message: c.error });
          continue;
        }
        const v = parseNumber(c.text);
        if (!v.ok) errors.push({ ...at, message: v.message });
        if (v.ok && v.value === null) continue;
        const basis = modelled.has(`${name}|${member.toLowerCase()}|${year}`) ? "modelled" : "published";
        cells.push({ table: name, member, year, value: v.ok ? v.value : null, basis, at, broken: !v.ok });
      }
    });
  }
  if (tooLarge) return { format: "xlsx", cells: [], meta, errors, tooLarge };
  if (!wb.worksheets.some((s) => (TABLES as readonly string[]).includes(s.name.trim().toLowerCase()))) {
    errors.push({ row: 0, column: "", message: `no table sheets: name sheets ${TABLES.join(", ")}` });
  }
  return { format: "xlsx", cells, meta, errors };
}
