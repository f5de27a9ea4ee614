import { describe, expect, it } from "vitest";
import { formatApproxUsdM, formatAxisUsdM, formatByBasis, formatPercent, formatUsdM } from "./format";

describe("number formats", () => {
  it.each([
    [8_934, "US$ 8,934 M"],
    [19_700, "US$ 19,700 M"],
    [150_000, "US$ 150.0 B"],
    [2.5, "US$ 2.5 M"],
    [0.04, "US$ 0.04 M"],
    [0.0437, "US$ 0.044 M"],
    [0.35, "US$ 0.35 M"],
    [0, "US$ 0 M"],
    [Number.NaN, "–"],
  ])("formatUsdM(%d) = %s", (v, s) => expect(formatUsdM(v)).toBe(s));
  it("compacts to billions on request, and formats shares and axes", () => {
    expect(formatUsdM(19_700, { compact: true })).toBe("US$ 19.7 B");
    expect(formatPercent(0.121)).toBe("12.1%");
    expect(formatPercent(0.00042)).toBe("0.042%");
    expect(formatPercent(0)).toBe("0.0%");
    expect(formatAxisUsdM(22_500)).toBe("22.5 B");
    expect(formatAxisUsdM(750)).toBe("750 M");
  });

  it.each([
    [3_313.2, "≈ US$ 3.31 B"],
    [17_336.4, "≈ US$ 17.3 B"],
    [812.4, "≈ US$ 812 M"],
    [45.67, "≈ US$ 45.7 M"],
    [0.04231, "≈ US$ 0.0423 M"],
    [0, "US$ 0 M"],
    [Number.NaN, "–"],
  ])("formatApproxUsdM(%d) = %s: three significant digits", (v, s) => expect(formatApproxUsdM(v)).toBe(s));
  it("prints published figures exactly and modelled ones approximately", () => {
    expect(formatByBasis(8_934, true)).toBe("US$ 8,934 M");
    expect(formatByBasis(8_934, false)).toBe("≈ US$ 8.93 B");
  });
});
