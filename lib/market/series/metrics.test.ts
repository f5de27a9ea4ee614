import { describe, expect, it } from "vitest";
import { cagr, compound, shares } from "./metrics";

describe("cagr", () => {
  it.each([
    // The published figures: 2031 = 19,700 at 12.1% a year from 2025.
    [19_700 / Math.pow(1.121, 6), 19_700, 6, 0.121],
    [100, 200, 1, 1],
    [100, 100, 5, 0],
    [8_934, 19_700, 7, 0.119_593],
  ])("cagr(%d, %d, %d) = %d", (start, end, years, expected) => {
    expect(cagr(start, end, years)).toBeCloseTo(expected, 5);
  });
  it("is NaN for a non-positive start, and throws for non-positive years", () => {
    expect(cagr(0, 10, 3)).toBeNaN();
    expect(() => cagr(1, 2, 0)).toThrow(RangeError);
  });
  it("inverts compound()", () => {
    expect(cagr(50, compound(50, 0.37, 4), 4)).toBeCloseTo(0.37, 12);
  });
});

describe("shares", () => {
  it.each([
    [
      [1, 1, 2],
      [0.25, 0.25, 0.5],
    ],
    [
      [0, 0],
      [0, 0],
    ],
    [[5], [1]],
  ])("shares(%j) = %j", (values, expected) => {
    expect(shares(values)).toEqual(expected);
  });
  it("sum to 1", () => {
    const s = shares([3.3, 7.1, 0.2, 9.9]);
    expect(s.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});
