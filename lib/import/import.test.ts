import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseCsv, splitCsv } from "./csv";
import { decodeText } from "./decode";
import { parseNumber } from "./numbers";
import { parseXlsx } from "./xlsx";
import { checkZip } from "./zip-limits";
import { cellKey, type DatasetTables } from "./types";
import { validateImport } from "./validate";
import { previewImport } from "./diff";

const enc = (s: string) => new TextEncoder().encode(s);

const base: DatasetTables = {
  meta: { title: "T", publisher: "P", edition: "E", unit: "US$ M", currency: "USD" },
  firstYear: 2021,
  lastYear: 2024,
  historyTo: 2023,
  members: {
    type: [
      { slug: "llm", name: "Large language" },
      { slug: "vision", name: "Vision" },
    ],
    sector: [],
    vendor: [{ slug: "openai", name: "OpenAI" }],
    region: [],
  },
  values: new Map([
    [cellKey("total", "total", 2024), { value: 100, basis: "published" as const }],
    [cellKey("type", "llm", 2024), { value: 60, basis: "modelled" as const }],
    [cellKey("type", "vision", 2024), { value: 40, basis: "modelled" as const }],
  ]),
};

describe("numbers are parsed explicitly, never by locale", () => {
  it("reads plain decimals and refuses separators with the reason", () => {
    expect(parseNumber("18500.00")).toEqual({ ok: true, value: 18500 });
    expect(parseNumber("1e3")).toEqual({ ok: true, value: 1000 });
    expect(parseNumber("")).toEqual({ ok: true, value: null });
    expect(parseNumber("18,500")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/thousands separators: write it as 18500/),
    });
    expect(parseNumber("18,5")).toMatchObject({ ok: false, message: expect.stringMatching(/comma for decimals/) });
    expect(parseNumber("1.234,5")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/European format: write it as 1234.5/),
    });
    expect(parseNumber("12%")).toMatchObject({ ok: false, message: expect.stringMatching(/share/) });
    expect(parseNumber("-3")).toMatchObject({ ok: false });
  });
});

describe("text decoding", () => {
  it("drops a UTF-8 byte-order mark and reads Latin-1 when the bytes are not UTF-8", () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ text: "a", encoding: "utf-8-bom" });
    expect(decodeText(new Uint8Array([0x4e, 0x6f, 0xe9]))).toEqual({ text: "Noé", encoding: "latin-1" });
    expect(decodeText(enc("北京"))).toEqual({ text: "北京", encoding: "utf-8" });
  });
});

describe("CSV", () => {
  it("keeps quoted commas, doubled quotes and line breaks, numbering rows as in the file", () => {
    const recs = splitCsv('a,b\r\n"x, y","say ""hi"""\n"multi\nline",z\n', ",");
    expect(recs).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["x, y", 'say "hi"'] },
      { line: 3, fields: ["multi\nline", "z"] },
    ]);
  });

  it("reports every bad cell, not the first", () => {
    const file = parseCsv(enc("table,member,year,value,basis\ntotal,,2024,1.000,5\ntotal,,20x4,abc,guess\n"));
    expect(file.errors.map((e) => `${e.row}:${e.column}`)).toEqual(["2:basis", "3:year", "3:value", "3:basis"]);
  });

  it("names a wrong header", () => {
    expect(parseCsv(enc("kind,name,value\n")).errors[0]).toMatchObject({
      row: 1,
      message: expect.stringMatching(/missing table, member, year/),
    });
  });
});

describe("validation against the data set", () => {
  it("matches members by slug or label, adds new ones, and previews the changes", () => {
    const file = parseCsv(
      enc(
        "table,member,year,value,basis\nmeta,publisher,,P,\ntotal,total,2024,100,published\ntype,Large language,2024,70,\nvendor,Brand New,2024,5,\n",
      ),
    );
    const v = validateImport(file, base, { newDataset: false });
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.value.newMembers).toEqual([{ table: "vendor", slug: "brand-new", name: "Brand New" }]);
    const p = previewImport(v.value, base, {
      newDataset: false,
      datasetKey: "k",
      baseId: "k-v1",
      publisher: "P",
      title: "T",
    });
    expect(p.changes.map((c) => [c.table, c.member, c.from, c.to])).toEqual([
      ["type", "llm", 60, 70],
      ["vendor", "brand-new", null, 5],
    ]);
    expect(p.summary.unchanged).toBe(1);
  });

  it("a full breakdown that misses its total by more than 0.1% names table, year and gap", () => {
    const file = parseCsv(enc("table,member,year,value,basis\ntype,llm,2024,60,\ntype,vision,2024,40.2,\n"));
    const v = validateImport(file, base, { newDataset: false });
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.errors).toEqual([
      {
        row: 2,
        column: "value",
        message: "type 2024: the members sum to 100.2 but the total is 100 (gap +0.2, 0.20%)",
      },
    ]);
    const within = validateImport(
      parseCsv(enc("table,member,year,value,basis\ntype,llm,2024,60,\ntype,vision,2024,40.05,\n")),
      base,
      { newDataset: false },
    );
    expect(within.ok).toBe(true);
  });

  it("refuses years outside the data set, duplicates and unknown tables, all at once", () => {
    const file = parseCsv(
      enc("table,member,year,value,basis\ntotal,,2030,1,\ntotal,,2024,1,\ntotal,,2024,2,\nfoo,bar,2024,1,\n"),
    );
    const v = validateImport(file, base, { newDataset: false });
    expect(v.ok ? [] : v.errors.map((e) => e.row)).toEqual([2, 4, 5]);
  });
});

describe("XLSX", () => {
  async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    build(wb);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it("reads members × years, formulas by their saved value, and names sheet and cell of each error", async () => {
    const bytes = await workbook((wb) => {
      const meta = wb.addWorksheet("meta");
      meta.addRow(["field", "value"]);
      meta.addRow(["publisher", "P"]);
      const total = wb.addWorksheet("total");
      total.addRow(["member", 2023, 2024]);
      total.addRow(["total", 90, { formula: "60+40", result: 100 }]);
      const type = wb.addWorksheet("type");
      type.addRow(["member", 2024]);
      type.addRow(["llm", "6O"]);
      type.addRow(["vision", { formula: "A1*2" }]);
    });
    const file = await parseXlsx(bytes);
    expect(file.meta.publisher).toBe("P");
    expect(file.cells.filter((c) => !c.broken).map((c) => [c.table, c.member, c.year, c.value])).toEqual([
      ["total", "total", 2023, 90],
      ["total", "total", 2024, 100],
    ]);
    expect(file.errors).toEqual([
      { sheet: "type", row: 2, column: "B", message: '"6O" is not a number (use digits with a dot for decimals)' },
      {
        sheet: "type",
        row: 3,
        column: "B",
        message: "formula without a saved value: open and save the file in Excel first",
      },
    ]);
  });

  it("refuses archives that inflate too much or have too many parts before reading them", async () => {
    const bytes = await workbook((wb) => wb.addWorksheet("total").addRow(["member", 2024]));
    expect(checkZip(bytes)).toBeNull();
    expect(checkZip(bytes, { maxEntries: 2, maxInflatedBytes: 1e9, maxRatio: 200 })).toMatch(/parts; at most 2/);
    expect(checkZip(bytes, { maxEntries: 1000, maxInflatedBytes: 100, maxRatio: 200 })).toMatch(
      /inflates to more than/,
    );
    expect(checkZip(enc("table,member\n"))).toMatch(/not an XLSX/);
  });
});
