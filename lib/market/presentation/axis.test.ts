import { describe, expect, it } from "vitest";
import { decimalsFor, moneyAxis, niceStep, shareAxis } from "./axis";

const evenSteps = (ticks: number[]) => ticks.slice(1).map((t, i) => Number((t - ticks[i]).toPrecision(10)));

describe("moneyAxis", () => {
  it("steps evenly to a nice maximum just above the data, in one unit", () => {
    const a = moneyAxis(4_700);
    expect(a.ticks.map(a.label)).toEqual(["0 B", "1 B", "2 B", "3 B", "4 B", "5 B"]);
    expect(new Set(evenSteps(a.ticks)).size).toBe(1);
    expect(a.domain).toEqual([0, 5_000]);
  });

  it("never mixes M and B on one axis, the origin included", () => {
    for (const max of [1_050, 2_900, 7_000, 18_473, 21_925, 45_000]) {
      const labels = moneyAxis(max).ticks.map(moneyAxis(max).label);
      expect(labels.every((l) => l.endsWith(" B"))).toBe(true);
    }
    const small = moneyAxis(499);
    expect(small.ticks.map(small.label)).toEqual(["0 M", "100 M", "200 M", "300 M", "400 M", "500 M"]);
  });

  it("shows the decimals the step needs, the same on every tick", () => {
    const a = moneyAxis(1_200); // step 250 M = 0.25 B
    expect(a.ticks.map(a.label)).toEqual(["0.00 B", "0.25 B", "0.50 B", "0.75 B", "1.00 B", "1.25 B"]);
    const tiny = moneyAxis(0.18);
    expect(tiny.ticks.map(tiny.label)).toEqual(["0.00 M", "0.05 M", "0.10 M", "0.15 M", "0.20 M"]);
  });

  it("fits the series: the top tick is less than one step above the maximum", () => {
    for (const max of [0.3, 3.7, 42, 499, 1_161, 8_934, 30_378]) {
      const a = moneyAxis(max);
      expect(a.domain[1]).toBeGreaterThanOrEqual(max);
      expect(a.domain[1] - max).toBeLessThan(a.step);
      expect(a.ticks.length).toBeGreaterThanOrEqual(3);
      expect(a.ticks.length).toBeLessThanOrEqual(7);
    }
  });

  it("survives an empty or invalid maximum", () => {
    expect(moneyAxis(0).domain[1]).toBeGreaterThan(0);
    expect(moneyAxis(Number.NaN).ticks.length).toBeGreaterThan(1);
  });
});

describe("shareAxis", () => {
  it("runs a full stack 0-100% in even 20-point steps (never 0, 30, 60, 90, 100%)", () => {
    const a = shareAxis(1);
    expect(a.ticks.map(a.label)).toEqual(["0%", "20%", "40%", "60%", "80%", "100%"]);
  });
  it("fits a small share", () => {
    const a = shareAxis(0.071);
    expect(a.ticks.map(a.label)).toEqual(["0%", "2%", "4%", "6%", "8%"]);
    const b = shareAxis(0.0042);
    expect(b.ticks.map(b.label)).toEqual(["0.0%", "0.1%", "0.2%", "0.3%", "0.4%", "0.5%"]);
  });
});

describe("niceStep / decimalsFor", () => {
  it("picks 1, 2, 2.5 or 5 × 10^k", () => {
    expect(niceStep(1_000)).toBe(200);
    expect(niceStep(1_200)).toBe(250);
    expect(niceStep(22_000)).toBe(5_000);
    expect(niceStep(0.3)).toBeCloseTo(0.1);
  });
  it("counts the decimals of a step", () => {
    expect(decimalsFor(500)).toBe(0);
    expect(decimalsFor(2.5)).toBe(1);
    expect(decimalsFor(0.05)).toBe(2);
  });
});
