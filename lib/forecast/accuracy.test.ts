import { describe, expect, it } from "vitest";
import { coverage, mape, mase, msis, naiveScale, rollingOrigin, smape } from "./index";
import { qnorm, qt } from "./stats";

describe("accuracy measures (hand-computed values)", () => {
  const train = [10, 12, 11, 13];
  const actual = [14, 16];
  const fc = [13, 17];
  it("sMAPE", () => {
    expect(smape(actual, fc)).toBeCloseTo((200 / 27 + 200 / 33) / 2, 12);
    expect(smape([0, 0], [0, 0])).toBe(0);
  });
  it("MAPE", () => expect(mape(actual, fc)).toBeCloseTo((100 / 14 + 100 / 16) / 2, 12));
  it("MASE uses the in-sample naive MAE", () => {
    expect(naiveScale(train)).toBeCloseTo(5 / 3, 12);
    expect(mase(train, actual, fc)).toBeCloseTo(1 / (5 / 3), 12);
  });
  it("coverage counts inclusive bounds", () => expect(coverage([1, 2, 3, 4], [1, 0, 4, 0], [1, 5, 5, 3])).toBe(0.5));
  it("MSIS adds 2/alpha per miss", () => {
    // widths 2 and 2; second point misses above by 1 → penalty 2/0.05 = 40.
    expect(msis(train, [14, 18], [13, 15], [15, 17], 0.05)).toBeCloseTo((2 + 2 + 40) / 2 / (5 / 3), 12);
  });
  it("mismatched lengths throw", () => expect(() => smape([1], [1, 2])).toThrow(RangeError));
});

describe("quantiles", () => {
  it("qnorm and qt match R (qnorm(0.975), qt(0.975, 10), qt(0.9, 3))", () => {
    expect(qnorm(0.975)).toBeCloseTo(1.959964, 6);
    expect(qt(0.975, 10)).toBeCloseTo(2.228139, 2);
    expect(qt(0.9, 3)).toBeCloseTo(1.637744, 1);
  });
});

describe("rolling-origin backtest", () => {
  const y = [100, 104, 109, 113, 118, 124, 129, 133, 140, 146, 151, 157, 164, 170];
  it("scores every origin with training data only", () => {
    const r = rollingOrigin(y, { h: 3, minTrain: 8, method: "drift" });
    expect(r.origins.map((o) => o.origin)).toEqual([8, 9, 10, 11, 12, 13]);
    expect(r.origins.at(-1)!.actual).toEqual([170]);
    // Origin 8: drift from the first 8 points only.
    const slope = (133 - 100) / 7;
    expect(r.origins[0].mean[0]).toBeCloseTo(133 + slope, 10);
    expect(r.smape).toBeGreaterThan(0);
    // Coverage is the share of all 15 scored points (3+3+3+3+2+1) inside each origin's interval.
    for (const level of ["80", "95"]) {
      const points = r.origins.flatMap((o) => o.actual.map((a, i) => a >= o.lower[level][i] && a <= o.upper[level][i]));
      expect(points).toHaveLength(15);
      expect(r.coverage[level]).toBeCloseTo(points.filter(Boolean).length / 15, 12);
    }
    // The 95% intervals hold the 80% ones, so they cover at least as many points.
    expect(r.coverage["95"]).toBeGreaterThanOrEqual(r.coverage["80"]);
    expect(Number.isFinite(r.msis["95"])).toBe(true);
  });
});
