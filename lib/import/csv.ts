/**
 * The long CSV format: `table,member,year,value,basis`, one figure per row; `meta` rows carry the
 * data set's description (`meta,publisher,,Acme Research,`). RFC 4180 quoting (quoted commas,
 * doubled quotes, line breaks in quotes); the delimiter is read from the header (comma, semicolon
 * or tab). Rows are numbered as in the file, the header being row 1.
 */
import { decodeText } from "./decode";
import { formatCount, IMPORT_LIMITS, textProblem } from "./limits";
import { parseNumber, parseYear } from "./numbers";
import { META_FIELDS, type ImportError, type ImportMeta, type MetaField, type ParsedFile, type RawCell } from "./types";

export const CSV_COLUMNS = ["table", "member", "year", "value", "basis"] as const;

interface Record_ {
  line: number;
  fields: string[];
}

/** Splits text into records, each with the line it starts on; stops after `maxRecords`. */
export function splitCsv(text: string, delimiter: string, maxRecords = Infinity): Record_[] {
  const records: Record_[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  let any = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === "\n") line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === "") {
      quoted = true;
      any = true;
    } else if (c === delimiter) {
      fields.push(field);
      field = "";
      any = true;
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      fields.push(field);
      if (any || field !== "") records.push({ line: start, fields });
      if (records.length > maxRecords) return records;
      fields = [];
      field = "";
      any = false;
      line++;
      start = line;
    } else {
      field += c;
      any = true;
    }
  }
  if (any || field !== "") {
    fields.push(field);
    records.push({ line: start, fields });
  }
  return records;
}

function detectDelimiter(text: string): string {
  const first = text.slice(0, text.search(/\r|\n|$/));
  for (const d of [",", ";", "\t"]) if (first.split(d).length >= 4) return d;
  return ",";
}

export function parseCsv(bytes: Uint8Array, limits = IMPORT_LIMITS): ParsedFile {
  const { text, encoding } = decodeText(bytes);
  const errors: ImportError[] = [];
  const cells: RawCell[] = [];
  const meta: ImportMeta = {};
  const delimiter = detectDelimiter(text);
  // Header + the row limit + one more, to know the limit is passed without splitting the rest.
  const records = splitCsv(text, delimiter, limits.maxRows + 2);
  const dataRows = records.slice(1).filter((r) => !r.fields.every((f) => f.trim() === "")).length;
  if (dataRows > limits.maxRows) {
    return {
      format: "csv",
      cells,
      meta,
      errors: [
        {
          row: records[limits.maxRows + 1]?.line ?? 0,
          column: "table",
          message: `the file has more than ${formatCount(limits.maxRows)} rows: split it into files of at most ${formatCount(limits.maxRows)}`,
        },
      ],
      tooLarge: true,
      encoding,
    };
  }
  const header = records[0]?.fields.map((h) => h.trim().toLowerCase()) ?? [];
  const index = Object.fromEntries(CSV_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<
    (typeof CSV_COLUMNS)[number],
    number
  >;
  const missing = CSV_COLUMNS.filter((c) => c !== "basis" && index[c] < 0);
  if (records.length === 0)
    return {
      format: "csv",
      cells,
      meta,
      errors: [{ row: 1, column: "table", message: "the file is empty" }],
      encoding,
    };
  if (missing.length) {
    errors.push({
      row: 1,
      column: missing[0],
      message: `the header must be table,member,year,value,basis; missing ${missing.join(", ")} (found: ${header.join(",") || "nothing"})`,
    });
    return { format: "csv", cells, meta, errors, encoding };
  }
  const get = (r: Record_, c: (typeof CSV_COLUMNS)[number]) => (index[c] >= 0 ? (r.fields[index[c]] ?? "").trim() : "");

  for (const r of records.slice(1)) {
    if (r.fields.every((f) => f.trim() === "")) continue;
    const bad = CSV_COLUMNS.map((c) => ({ c, problem: index[c] >= 0 ? textProblem(r.fields[index[c]] ?? "") : null }));
    const first = bad.find((b) => b.problem);
    if (first) {
      errors.push({ row: r.line, column: first.c, message: `${first.c} ${first.problem}` });
      continue;
    }
    const table = get(r, "table").toLowerCase();
    if (table === "meta") {
      const field = get(r, "member").toLowerCase() as MetaField;
      if (!META_FIELDS.includes(field)) {
        errors.push({
          row: r.line,
          column: "member",
          message: `unknown meta field "${get(r, "member")}" (one of ${META_FIELDS.join(", ")})`,
        });
      } else meta[field] = r.fields[index.value]?.trim() ?? "";
      continue;
    }
    const year = parseYear(get(r, "year"));
    if (!year.ok) errors.push({ row: r.line, column: "year", message: year.message });
    const value = parseNumber(get(r, "value"));
    if (!value.ok) errors.push({ row: r.line, column: "value", message: value.message });
    const basisText = get(r, "basis").toLowerCase() || "published";
    if (basisText !== "published" && basisText !== "modelled") {
      errors.push({
        row: r.line,
        column: "basis",
        message: `basis "${get(r, "basis")}" must be published or modelled`,
      });
    }
    // A row with a bad year or value is still checked for its table and member.
    cells.push({
      table,
      member: get(r, "member"),
      year: year.ok ? year.value : 0,
      value: value.ok ? value.value : null,
      basis: basisText === "modelled" ? "modelled" : "published",
      at: { row: r.line, column: "value" },
      broken: !year.ok || !value.ok,
    });
  }
  return { format: "csv", cells, meta, errors, encoding };
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** Writes rows as CSV (UTF-8, no BOM, LF line ends). */
export function writeCsv(rows: (string | number)[][]): string {
  return rows.map((r) => r.map((f) => quote(String(f))).join(",")).join("\n") + "\n";
}
