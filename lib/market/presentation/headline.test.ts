import { describe, expect, it } from "vitest";
import { formatSignedPercent, robustnessSentence, versusOutlook } from "./headline";
import type { ForecastRobustness } from "../series/robustness";

const r: ForecastRobustness = {
  year: 2031,
  mean: 17_336,
  lower80: 15_000,
  upper80: 19_900,
  outlook: 19_700,
  vsOutlook: 17_336 / 19_700 - 1,
  historyFrom: 2021,
  historyTo: 2025,
  publishedHistoryYears: [2024],
  sensitivity: 0.259,
};

describe("headline words", () => {
  it.each([
    [-0.12, "−12%"],
    [0.034, "+3.4%"],
    [0.0001, "±0%"],
    [Number.NaN, "–"],
  ])("formatSignedPercent(%d) = %s", (v, s) => expect(formatSignedPercent(v)).toBe(s));

  it("compares with the outlook in its own year", () => {
    expect(versusOutlook(r.vsOutlook, "QYResearch", 2031)).toBe("−12% vs QYResearch's 2031 outlook");
    expect(versusOutlook(null, "QYResearch", 2031)).toBeNull();
  });

  it("says what the forecast rests on and how far 5% moves it", () => {
    expect(robustnessSentence(r)).toBe(
      "Fitted to 5 history years (2021-2025), 1 of them published (2024); 5% more in 2025 moves its 2031 value by +26%.",
    );
    expect(robustnessSentence({ ...r, publishedHistoryYears: [] }, { slice: true })).toBe(
      "Split from our market forecast, which is fitted to 5 history years (2021-2025), none of them published; 5% more in 2025 moves its 2031 value by +26%.",
    );
  });
});
