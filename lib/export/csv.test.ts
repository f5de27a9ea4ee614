import { describe, expect, it } from "vitest";
import { escapeFormula, readFormulaText, seriesToCsv, toCsv } from "./csv";

describe("escapeFormula", () => {
  it.each([
    ["=SUM(A1)", "'=SUM(A1)"],
    ["+1", "'+1"],
    ["-2", "'-2"],
    ["@cmd", "'@cmd"],
    ["OpenAI", "OpenAI"],
    ["", ""],
  ])("%s → %s", (input, output) => expect(escapeFormula(input)).toBe(output));
});

describe("readFormulaText", () => {
  it("gives back exactly what escapeFormula was given, also for text that already starts with quotes", () => {
    const texts = ["=SUM(A1)", "'=SUM(A1)", "''+1", "'plain", "'", "-", "@", "\tcmd", "OpenAI", "", "a'=b"];
    for (const t of texts) expect(readFormulaText(escapeFormula(t))).toBe(t);
    // A quote before a formula sign is doubled, so a reader that drops one never turns it into a formula.
    expect(escapeFormula("'=1+1")).toBe("''=1+1");
    expect(readFormulaText("'plain")).toBe("'plain");
  });
});

describe("toCsv", () => {
  it("quotes separators and keeps numbers at full precision", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ["x,y", 1 / 3],
          ['say "hi"', -2],
        ],
      ),
    ).toBe(`a,b\r\n"x,y",0.3333333333333333\r\n"say ""hi""",-2\r\n`);
  });
  it("writes long-format series with the unit in the header and the basis flagged", () => {
    const csv = seriesToCsv({
      unit: "US$ M",
      historyTo: 2025,
      series: [
        {
          key: "total",
          label: "Total market",
          points: [
            { year: 2025, value: 9927.33, basis: "modelled" },
            { year: 2026, value: 11128.5, basis: "modelled" },
          ],
        },
      ],
    });
    expect(csv.split("\r\n")).toEqual([
      "series_key,series,year,value (US$ M),basis,phase",
      "total,Total market,2025,9927.33,modelled,history",
      "total,Total market,2026,11128.5,modelled,outlook",
      "",
    ]);
  });
});

describe("forecast rows", () => {
  it("leave out the joining point at the last history year: it is history, drawn only to join the lines", async () => {
    const { chartRows } = await import("./csv");
    const { totalSpec } = await import("./test-fixtures");
    const f = totalSpec.forecast!;
    const joined = {
      ...totalSpec,
      forecast: {
        ...f,
        points: [{ year: 2025, value: 1 }, ...f.points],
        bands: f.bands.map((b) => ({ ...b, points: [{ year: 2025, lower: 1, upper: 1 }, ...b.points] })),
      },
    };
    const years = chartRows(joined)
      .rows.filter((r) => String(r[0]).startsWith("forecast"))
      .map((r) => r[2] as number);
    expect(years.length).toBeGreaterThan(0);
    expect(Math.min(...years)).toBe(2026);
  });
});
