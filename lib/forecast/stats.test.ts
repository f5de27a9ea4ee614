import { describe, expect, it } from "vitest";
import { lgamma, ptDist, qnorm, qtSmall } from "./stats";

describe("qtSmall", () => {
  it("matches closed forms and the normal limit", () => {
    expect(qtSmall(0.975, 1)).toBeCloseTo(12.7062, 3);
    expect(qtSmall(0.975, 2)).toBeCloseTo(4.3027, 3);
    expect(qtSmall(0.975, 3)).toBeCloseTo(3.1824, 2);
    expect(qtSmall(0.9, 1e6)).toBeCloseTo(qnorm(0.9), 4);
    // Between 2 and 3 df: inverse of the CDF, monotone in df.
    const q = qtSmall(0.975, 2.5);
    expect(ptDist(q, 2.5)).toBeCloseTo(0.975, 8);
    expect(q).toBeLessThan(4.3027);
    expect(q).toBeGreaterThan(3.1824);
  });
});

describe("lgamma", () => {
  it("matches log factorials and Γ(1/2) = √π", () => {
    expect(lgamma(1)).toBeCloseTo(0, 10);
    expect(lgamma(5)).toBeCloseTo(Math.log(24), 10);
    expect(lgamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 10);
  });
});
