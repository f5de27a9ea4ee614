/**
 * Import bounds in the parsers: rows over the limit refuse the file as a whole, and control
 * characters in any text (names, titles, meta) are errors at their row and column.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv";
import { IMPORT_LIMITS, textProblem } from "./limits";
import { readParts, writeZip } from "@/tests/support/zip";
import { parseXlsx } from "./xlsx";

const enc = (s: string) => new TextEncoder().encode(s);
const SMALL = { ...IMPORT_LIMITS, maxRows: 3 };

describe("row limit", () => {
  it("refuses a CSV with more data rows than the limit, naming it, without reading its figures", () => {
    const rows = ["table,member,year,value,basis", ...Array.from({ length: 5 }, (_, i) => `vendor,V${i},2024,1,`)];
    const parsed = parseCsv(enc(rows.join("\n")), SMALL);
    expect(parsed.tooLarge).toBe(true);
    expect(parsed.cells).toEqual([]);
    expect(parsed.errors).toEqual([{ row: 5, column: "table", message: expect.stringMatching(/more than 3 rows/) }]);
    expect(parseCsv(enc(rows.slice(0, 4).join("\n")), SMALL).tooLarge).toBeUndefined();
  });

  it("refuses a workbook with more figures than the limit", async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet("vendor");
    s.addRow(["member", 2023, 2024]);
    s.addRow(["a", 1, 2]);
    s.addRow(["b", 1, 2]);
    const parsed = await parseXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), SMALL);
    expect(parsed.tooLarge).toBe(true);
    expect(parsed.errors[0]).toMatchObject({ sheet: "vendor", row: 3, message: expect.stringMatching(/more than 3/) });
  });
});

describe("control characters in imported text", () => {
  it.each([
    ["A\u0000B", "U+0000"],
    ["bell\u0007", "U+0007"],
    ["esc\u001b[31m", "U+001B"],
    ["tab\tname", "U+0009"],
    ["del\u007f", "U+007F"],
    ["c1\u0085", "U+0085"],
    ["lone \ud800 surrogate", "U+D800"],
  ])("%j is refused (%s)", (text, code) => {
    expect(textProblem(text)).toContain(code);
  });

  it.each([["OpenAI"], ["Zhipu AI (智谱)"], ["Société Générale — €"], ["emoji 🚀"]])("%j is fine", (text) => {
    expect(textProblem(text)).toBeNull();
  });

  it("names the CSV row and column of a NUL in a member and of a BEL in a meta title", () => {
    const csv = [
      "table,member,year,value,basis",
      "meta,title,,Market\u0007 report,",
      "vendor,Bad\u0000Labs,2024,10,published",
      "vendor,Good Labs,2024,10,published",
    ].join("\n");
    const parsed = parseCsv(enc(csv));
    expect(parsed.errors).toEqual([
      { row: 2, column: "value", message: expect.stringMatching(/U\+0007/) },
      { row: 3, column: "member", message: expect.stringMatching(/^member contains the control character U\+0000/) },
    ]);
    expect(parsed.meta.title).toBeUndefined();
    expect(parsed.cells.map((c) => c.member)).toEqual(["Good Labs"]);
  });

  it("names the sheet, row and column of control characters a crafted workbook carries", async () => {
    const wb = new ExcelJS.Workbook();
    const meta = wb.addWorksheet("meta");
    meta.addRow(["field", "value"]);
    meta.addRow(["publisher", "Acme ESC Research"]);
    const v = wb.addWorksheet("vendor");
    v.addRow(["member", 2024]);
    v.addRow(["Evil BEL Labs", 3]);
    // ExcelJS drops control characters when writing; a file made elsewhere can carry them escaped.
    const parts = readParts(new Uint8Array(await wb.xlsx.writeBuffer()));
    const strings = parts.find((p) => p.name === "xl/sharedStrings.xml")!;
    strings.data = Buffer.from(strings.data.toString().replace(" ESC ", "_x001B_").replace(" BEL ", "_x0007_"));
    const parsed = await parseXlsx(writeZip(parts));
    expect(parsed.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: "meta", row: 2, column: "B", message: expect.stringMatching(/U\+001B/) }),
        expect.objectContaining({ sheet: "vendor", row: 2, column: "A", message: expect.stringMatching(/U\+0007/) }),
      ]),
    );
    expect(parsed.cells).toEqual([]);
  });
});
