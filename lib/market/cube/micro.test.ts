import { describe, expect, it } from "vitest";
import { fromMicro, pinToTotal, roundMicro, toMicro } from "./micro";

describe("micro-units", () => {
  it("pins rounded values to an exact total", () => {
    const values = [8934 / 3, 8934 / 3, 8934 / 3];
    const pinned = pinToTotal(values, 8934);
    expect(pinned.reduce((a, b) => a + b, 0)).toBe(8_934_000_000);
    expect([...pinned].every((v, i) => Math.abs(v - values[i] * 1e6) < 1)).toBe(true);
  });
  it("sums in integers without float noise", () => {
    const cells = [0.1, 0.2, 0.3];
    expect(cells.reduce((a, b) => a + b, 0)).not.toBe(0.6);
    expect(fromMicro(cells.reduce((a, b) => a + toMicro(b), 0))).toBe(0.6);
    expect(roundMicro(19699.999999999956)).toBe(19700);
  });
  it("refuses values that do not add up to the total", () => {
    expect(() => pinToTotal([1, 2], 10)).toThrow(RangeError);
  });
});
