import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { chartRows, chartToCsv, escapeFormula } from "./csv";
import { totalSpec, vendorSpec } from "./test-fixtures";
import { parseCsv } from "../../tests/support/parse-csv";
import { buildWorkbook } from "./xlsx";
import { seriesViewExport } from "./api-export";

describe("escapeFormula", () => {
  it.each([
    ['=HYPERLINK("x")', `'=HYPERLINK("x")`],
    ["+1", "'+1"],
    ["-2", "'-2"],
    ["@x", "'@x"],
    ["\tcmd", "'\tcmd"],
    ["OpenAI", "OpenAI"],
  ])("%s → %s", (input, out) => expect(escapeFormula(input)).toBe(out));
});

describe("CSV of a chart", () => {
  it("holds every drawn number at full precision, the unit in the header and the basis", () => {
    const rows = parseCsv(chartToCsv(totalSpec));
    expect(rows[0]).toEqual(["series_key", "series", "year", "value (US$ M)", "basis", "phase"]);
    const totals = rows.filter((r) => r[0] === "total");
    expect(totals.map((r) => Number(r[3]))).toEqual(totalSpec.series[0].points.map((p) => p.value));
    expect(totals.find((r) => r[2] === "2024")?.[4]).toBe("published");
    expect(totals.find((r) => r[2] === "2023")?.[4]).toBe("modelled");
    expect(rows.filter((r) => r[0] === "forecast").map((r) => Number(r[3]))).toEqual(
      totalSpec.forecast!.points.map((p) => p.value),
    );
    expect(rows.filter((r) => r[0] === "forecast-upper-95")).toHaveLength(7);
    expect(rows.filter((r) => r[0] === "outlook").map((r) => Number(r[3]))).toEqual([10015.2, 19700]);
  });

  it("escapes labels that a spreadsheet would run as formulas", () => {
    const csv = chartToCsv(vendorSpec);
    const labels = new Set(
      parseCsv(csv)
        .slice(1)
        .map((r) => r[1]),
    );
    expect(labels).toContain(`'=HYPERLINK("https://evil.example","click")`);
    expect(labels).toContain("'+1 Tencent Hunyuan");
    expect(labels).toContain("'-2 iFlytek Spark");
    expect(labels).toContain("'@x Huawei Cloud Pangu");
    for (const l of labels) expect(l).not.toMatch(/^[=+\-@]/);
  });
});

describe("XLSX of a chart", () => {
  it("reads back to the same numbers, with a sources sheet and escaped labels", async () => {
    const bytes = await buildWorkbook(vendorSpec, "2026-01-31");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Data", "Sources and notes"]);
    const data = wb.getWorksheet("Data")!;
    const values = data
      .getSheetValues()
      .slice(1)
      .map((r) => (r as unknown[]).slice(1));
    const { header, rows } = chartRows(vendorSpec);
    expect(values[0]).toEqual(header);
    expect(values.slice(1)).toEqual(rows.map((r) => r.map((v) => (typeof v === "string" ? escapeFormula(v) : v))));
    expect(values.slice(1).map((r) => r[3])).toEqual(vendorSpec.series.flatMap((s) => s.points.map((p) => p.value)));
    expect(values.some((r) => r[1] === `'=HYPERLINK("https://evil.example","click")`)).toBe(true);
    for (let r = 1; r <= data.rowCount; r++)
      data.getRow(r).eachCell((c) => expect(c.formula, `row ${r}`).toBeUndefined());

    const notes = wb.getWorksheet("Sources and notes")!;
    const text = JSON.stringify(notes.getSheetValues());
    for (const s of ["QYResearch", "qyr-2025-1", "Modelled", vendorSpec.permalink, "2026-01-31", "US$ M"])
      expect(text).toContain(s);
  });
});

describe("API data exports", () => {
  const view = {
    dataset: { id: "qyr-2025-1", publisher: "QYResearch", currency: "USD", historyTo: 2025 },
    unit: "US$ M",
    by: "vendor" as const,
    filters: { type: [], sector: ["healthcare"], vendor: [], region: ["europe"] },
    from: 2021,
    to: 2032,
    series: vendorSpec.series,
  };

  it("gives the XLSX the CSV's rows and a subtitle naming the filters", async () => {
    const input = seriesViewExport(view, "https://market.example.com/api/v1/series?by=vendor&format=xlsx");
    expect(input.subtitle).toBe("Application sector: healthcare · Region: europe · 2021-2032");
    const { rows } = chartRows(input);
    expect(rows).toHaveLength(16 * 12);
    const wb = new ExcelJS.Workbook();
    const bytes = await buildWorkbook(input, "2026-01-31");
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const values = wb
      .getWorksheet("Data")!
      .getSheetValues()
      .slice(2)
      .map((r) => (r as unknown[]).slice(1));
    expect(values.map((r) => r[3])).toEqual(rows.map((r) => r[3]));
  });
});
