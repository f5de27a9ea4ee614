import { describe, expect, it } from "vitest";
import { SHORT_MODEL } from "./short";
import { ForecastInputError, forecast, METHODS } from "./index";

const growing = [120, 135, 149, 170, 188, 205, 231, 250, 262, 290, 318, 340, 365, 399];
const noisy = [52, 48, 55, 61, 57, 63, 70, 66, 72, 79, 75, 83];

describe("properties", () => {
  it.each(METHODS.map((m) => [m]))("%s: finite, nested intervals that widen with the horizon", (method) => {
    for (const y of [growing, noisy]) {
      const r = forecast(y, { h: 8, level: [50, 80, 95], method });
      expect(r.mean).toHaveLength(8);
      for (const lv of ["50", "80", "95"]) {
        expect(r.lower[lv].every(Number.isFinite) && r.upper[lv].every(Number.isFinite)).toBe(true);
      }
      for (let k = 0; k < 8; k++) {
        expect(r.lower["95"][k]).toBeLessThanOrEqual(r.lower["80"][k]);
        expect(r.lower["80"][k]).toBeLessThanOrEqual(r.lower["50"][k]);
        expect(r.lower["50"][k]).toBeLessThanOrEqual(r.mean[k]);
        expect(r.mean[k]).toBeLessThanOrEqual(r.upper["50"][k]);
        expect(r.upper["80"][k]).toBeLessThanOrEqual(r.upper["95"][k]);
        if (k > 0) {
          // On the log scale used for positive data the half-width grows with k.
          const w = (i: number) => Math.log(r.upper["95"][i] / r.lower["95"][i]);
          expect(w(k)).toBeGreaterThan(w(k - 1));
        }
      }
    }
  });

  it("does not mutate the input and is deterministic", () => {
    const y = [...growing];
    const a = forecast(y, { h: 6 });
    expect(y).toEqual(growing);
    expect(forecast(y, { h: 6 })).toEqual(a);
  });

  it("defaults: auto method and levels 80 and 95", () => {
    const r = forecast(growing, { h: 3 });
    expect(r.method).toMatch(/^auto:/);
    expect(Object.keys(r.lower).sort()).toEqual(["80", "95"]);
  });

  it("a trending series is forecast to keep rising", () => {
    const r = forecast(growing, { h: 5 });
    expect(r.mean[0]).toBeGreaterThan(growing.at(-1)!);
    expect(r.mean[4]).toBeGreaterThan(r.mean[0]);
  });

  it("a strong exponential trend stays finite and positive", () => {
    const y = Array.from({ length: 15 }, (_, i) => 10 * 1.6 ** i);
    const r = forecast(y, { h: 50 });
    expect(r.mean.every((v) => Number.isFinite(v) && v > y.at(-1)!)).toBe(true);
    expect(r.upper["95"].every(Number.isFinite)).toBe(true);
  });
});

describe("edge cases", () => {
  it("short series (3–6 points) use the documented fallback", () => {
    const r = forecast([10, 12, 15, 17, 20], { h: 4 });
    expect(r.method).toBe("auto:loggrowth(shrunk,damped)");
    // Own mean log growth ln(2)/4, shrunk toward the prior mean by the empirical-Bayes weight.
    const d = [12 / 10, 15 / 12, 17 / 15, 20 / 17].map(Math.log);
    const mu = Math.log(2) / 4;
    const s2 = d.reduce((a, x) => a + (x - mu) ** 2, 0) / 3;
    const { volatility: v, growth } = SHORT_MODEL;
    const scale2 = (v.df * v.sd ** 2 + 3 * s2) / (v.df + 3);
    const w = growth.sd ** 2 / (growth.sd ** 2 + scale2 / 4);
    expect(r.mean[0]).toBeCloseTo(20 * Math.exp(growth.mean + w * (mu - growth.mean)), 10);
    expect(r.mean[0]).toBeGreaterThan(20 * Math.exp(growth.mean));
    expect(r.mean[0]).toBeLessThan(20 * Math.exp(mu));
    expect(r.lower["95"][0]).toBeLessThan(r.mean[0]);
  });

  it("three points are enough", () => {
    const r = forecast([1, 2, 3], { h: 2 });
    expect(r.mean.every(Number.isFinite)).toBe(true);
  });

  it("a constant series forecasts the constant with zero-width intervals", () => {
    const r = forecast([7, 7, 7, 7, 7, 7, 7, 7, 7], { h: 3 });
    expect(r.mean).toEqual([7, 7, 7]);
    expect(r.lower["95"]).toEqual([7, 7, 7]);
    expect(r.upper["80"]).toEqual([7, 7, 7]);
  });

  it("zeros and negatives: additive forms only, finite output; non-negative data stays ≥ 0", () => {
    const withZeros = [0, 3, 0, 5, 2, 0, 4, 6, 0, 3];
    const r = forecast(withZeros, { h: 4 });
    expect(r.method).not.toMatch(/M,/);
    expect(r.lower["95"].every((v) => v >= 0)).toBe(true);
    const neg = [-5, -3, 2, -1, 4, 6, 3, 8, 7, 10];
    const s = forecast(neg, { h: 4, method: "ets" });
    expect(s.method).toMatch(/^ets\(A,/);
    expect([...s.mean, ...s.lower["95"], ...s.upper["95"]].every(Number.isFinite)).toBe(true);
  });

  it("a steadily falling positive series never forecasts below zero", () => {
    const y = [100, 80, 62, 45, 30, 18, 9, 4];
    const r = forecast(y, { h: 10, method: "drift" });
    expect([...r.mean, ...r.lower["95"]].every((v) => v >= 0)).toBe(true);
  });
});

describe("input errors", () => {
  const cases: [string, () => unknown, string][] = [
    ["too few points", () => forecast([1, 2], { h: 1 }), "values"],
    ["NaN value", () => forecast([1, Number.NaN, 3, 4], { h: 1 }), "values.1"],
    ["Infinity value", () => forecast([1, 2, Infinity, 4], { h: 1 }), "values.2"],
    ["h = 0", () => forecast([1, 2, 3, 4], { h: 0 }), "h"],
    ["h = 51", () => forecast([1, 2, 3, 4], { h: 51 }), "h"],
    ["fractional h", () => forecast([1, 2, 3, 4], { h: 1.5 }), "h"],
    ["level 100", () => forecast([1, 2, 3, 4], { h: 1, level: [80, 100] }), "level.1"],
    ["level 0", () => forecast([1, 2, 3, 4], { h: 1, level: [0] }), "level.0"],
    ["unknown method", () => forecast([1, 2, 3, 4], { h: 1, method: "prophet" }), "method"],
  ];
  it.each(cases)("%s → ForecastInputError naming the field", (_, run, field) => {
    try {
      run();
      expect.unreachable("should throw");
    } catch (err) {
      expect(err).toBeInstanceOf(ForecastInputError);
      expect((err as ForecastInputError).field).toBe(field);
      expect((err as Error).message).toContain(field);
    }
  });
});
