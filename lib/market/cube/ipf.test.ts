import { describe, expect, it } from "vitest";
import { ipf, marginalsOf } from "./ipf";

/** Small deterministic PRNG (mulberry32) so the random fits are reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomTargets(shape: number[], total: number, next: () => number): number[][] {
  return shape.map((n) => {
    const raw = Array.from({ length: n }, () => 0.1 + next());
    const sum = raw.reduce((a, b) => a + b, 0);
    return raw.map((x) => (x / sum) * total);
  });
}

describe("ipf: known answers", () => {
  it("fits a uniform 2×3 seed to the independence table r_i·c_j/T", () => {
    const rows = [30, 70];
    const cols = [20, 30, 50];
    const fit = ipf(new Float64Array(6).fill(1), [2, 3], [rows, cols]);
    expect(fit.converged).toBe(true);
    rows.forEach((r, i) => cols.forEach((c, j) => expect(fit.values[i * 3 + j]).toBeCloseTo((r * c) / 100, 12)));
  });

  it("keeps the seed's odds ratio in a 2×2 table (closed-form answer)", () => {
    // Seed [[1,2],[3,4]] has odds ratio 2/3. With all margins 1 the fit is [[x,1-x],[1-x,x]]
    // and x/(1-x) = sqrt(2/3).
    const s = Math.sqrt(2 / 3);
    const x = s / (1 + s);
    const fit = ipf(
      Float64Array.from([1, 2, 3, 4]),
      [2, 2],
      [
        [1, 1],
        [1, 1],
      ],
      { tolerance: 1e-14 },
    );
    expect(fit.converged).toBe(true);
    [x, 1 - x, 1 - x, x].forEach((v, i) => expect(fit.values[i]).toBeCloseTo(v, 12));
    expect(fit.iterations).toBeGreaterThan(1);
  });

  it("keeps structural zeros of the seed", () => {
    const fit = ipf(
      Float64Array.from([0, 1, 1, 1]),
      [2, 2],
      [
        [3, 7],
        [4, 6],
      ],
      { tolerance: 1e-14 },
    );
    expect(fit.values[0]).toBe(0);
    // With a zero at (0,0): a(0,1)=3, so a(1,1)=3, a(1,0)=4.
    expect(Array.from(fit.values)).toEqual([0, 3, 4, 3].map((v) => expect.closeTo(v, 9)));
  });

  it("returns zeros when every target is zero", () => {
    const fit = ipf(
      Float64Array.from([1, 2, 3, 4]),
      [2, 2],
      [
        [0, 0],
        [0, 0],
      ],
    );
    expect(Array.from(fit.values)).toEqual([0, 0, 0, 0]);
    expect(fit.converged).toBe(true);
  });
});

describe("ipf: random seeds honour every marginal", () => {
  it.each([
    { shape: [4, 5, 6], seed: 1 },
    { shape: [3, 9, 16, 5], seed: 2 },
    { shape: [2, 2, 2, 2, 3], seed: 3 },
    { shape: [7], seed: 4 },
  ])("shape $shape", ({ shape, seed }) => {
    const next = rng(seed);
    const size = shape.reduce((a, b) => a * b, 1);
    // Skewed seeds (spread over two orders of magnitude) make the fit do real work.
    const seedValues = Float64Array.from({ length: size }, () => Math.exp(4 * next()));
    const total = 1000;
    const targets = randomTargets(shape, total, next);
    const before = Array.from(seedValues);
    const fit = ipf(seedValues, shape, targets);
    expect(fit.converged).toBe(true);
    expect(fit.maxError).toBeLessThanOrEqual(1e-9);
    marginalsOf(fit.values, shape).forEach((sums, k) =>
      sums.forEach((s, i) => expect(Math.abs(s - targets[k][i]) / total).toBeLessThanOrEqual(1e-9)),
    );
    expect(Array.from(fit.values).every((v) => v >= 0)).toBe(true);
    expect(Array.from(seedValues)).toEqual(before); // the input is not modified
  });

  it("stops at the iteration cap and reports it did not converge", () => {
    const next = rng(9);
    const shape = [6, 6, 6];
    const seedValues = Float64Array.from({ length: 216 }, () => Math.exp(6 * next()));
    const fit = ipf(seedValues, shape, randomTargets(shape, 1, next), { maxIterations: 1, tolerance: 1e-15 });
    expect(fit.iterations).toBe(1);
    expect(fit.converged).toBe(false);
    expect(fit.maxError).toBeGreaterThan(1e-15);
  });
});

describe("ipf: errors", () => {
  const ones = new Float64Array(4).fill(1);
  it.each([
    {
      name: "target sums differ",
      seed: ones,
      shape: [2, 2],
      targets: [
        [1, 1],
        [1, 2],
      ],
      message: /inconsistent/,
    },
    {
      name: "negative target",
      seed: ones,
      shape: [2, 2],
      targets: [
        [3, -1],
        [1, 1],
      ],
      message: /negative/,
    },
    {
      name: "negative seed",
      seed: Float64Array.from([1, -1, 1, 1]),
      shape: [2, 2],
      targets: [
        [1, 1],
        [1, 1],
      ],
      message: /negative/,
    },
    {
      name: "NaN target",
      seed: ones,
      shape: [2, 2],
      targets: [
        [NaN, 1],
        [1, 1],
      ],
      message: /finite/,
    },
    {
      name: "zero seed row with positive target",
      seed: Float64Array.from([0, 0, 1, 1]),
      shape: [2, 2],
      targets: [
        [1, 1],
        [1, 1],
      ],
      message: /all zero along axis 0 at index 0/,
    },
    {
      name: "seed size mismatch",
      seed: ones,
      shape: [2, 3],
      targets: [
        [1, 1],
        [1, 1, 0],
      ],
      message: /needs 6/,
    },
    { name: "missing axis target", seed: ones, shape: [2, 2], targets: [[1, 1]], message: /one target per axis/ },
    {
      name: "target length mismatch",
      seed: ones,
      shape: [2, 2],
      targets: [[1, 1], [2]],
      message: /axis 1 has 1 entries/,
    },
    { name: "bad shape", seed: ones, shape: [4, 0], targets: [[1, 1, 1, 1], []], message: /positive integers/ },
  ])("throws on $name", ({ seed, shape, targets, message }) => {
    expect(() => ipf(seed, shape, targets)).toThrow(message);
  });
});
