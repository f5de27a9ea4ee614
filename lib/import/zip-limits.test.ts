/**
 * The zip guard counts the bytes entries really inflate to: a workbook whose central directory
 * claims a 1,000-byte sheet that inflates to many megabytes is refused before the workbook reader
 * inflates it.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readParts, writeZip } from "@/tests/support/zip";
import { parseXlsx } from "./xlsx";
import { checkZip, checkZipInflation, ZIP_LIMITS } from "./zip-limits";

async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const total = wb.addWorksheet("total");
  total.addRow(["member", 2024]);
  total.addRow(["total", 9500]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const SMALL = { ...ZIP_LIMITS, maxInflatedBytes: 8 * 1024 * 1024 };

describe("zip limits count the bytes really inflated", () => {
  it("a sheet claiming 1,000 bytes that inflates to 24 MB is refused, though the directory looks harmless", async () => {
    const parts = readParts(await workbook());
    const sheet = parts.find((p) => /worksheets\/sheet1\.xml$/.test(p.name))!;
    const xml = sheet.data.toString().replace("<sheetData>", `<sheetData>${" ".repeat(24 * 1024 * 1024)}`);
    sheet.data = Buffer.from(xml);
    sheet.declared = 1_000;
    const bomb = writeZip(parts);
    expect(bomb.length).toBeLessThan(100_000);
    const parsed = await parseXlsx(bomb, undefined, SMALL);
    expect(parsed.cells).toEqual([]);
    expect(parsed.errors).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/inflates to more than 8 MB/) }),
    ]);
    expect(checkZip(bomb, SMALL)).toBeNull();
    expect(await checkZipInflation(bomb, SMALL)).toMatch(/inflates to more than 8 MB/);
  });

  it("an honest workbook (rewritten by the same zip writer) still reads", async () => {
    const honest = writeZip(readParts(await workbook()));
    expect(await checkZipInflation(honest, SMALL)).toBeNull();
    const parsed = await parseXlsx(honest, undefined, SMALL);
    expect(parsed.errors).toEqual([]);
    expect(parsed.cells).toEqual([expect.objectContaining({ table: "total", year: 2024, value: 9500 })]);
  });

  it("a part that does not inflate is named as damaged", async () => {
    const bytes = Buffer.from(writeZip([{ name: "xl/workbook.xml", data: Buffer.from("x".repeat(5000)) }]));
    bytes.fill(0xff, 40, 60);
    expect(await checkZipInflation(new Uint8Array(bytes))).toMatch(/damaged/);
  });
});
