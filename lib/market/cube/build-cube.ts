/**
 * Builds the full fact cube (year × type × sector × vendor × region) of a dataset definition: each
 * year's seed is the product of that year's marginal shares times the affinity weights, fitted by
 * IPF so that every marginal (share × total) holds, then rounded to whole micro-units that add up
 * exactly to the year's total.
 */
import type { DatasetDefinition, FactRow, MarginalDefinition } from "./definition";
import type { DenseCube } from "./packed";
import { axisIndexOf, ipf } from "./ipf";
import { fromMicro, pinToTotal } from "./micro";
import { interpolateShares } from "./shares";
import { DIMENSIONS, type Dimension } from "../types";

export { interpolateShares };

/** IPF stops when every marginal is within this fraction of the year's total (≈1e-8 US$ M at 20 bn). */
const FIT_TOLERANCE = 1e-12;

function fail(problem: string): never {
  throw new Error(`Invalid dataset definition: ${problem}`);
}

/** Checks a definition is complete and consistent; throws an error naming the first problem found. */
export function validateDefinition(def: DatasetDefinition): void {
  const { firstYear, historyTo, lastYear } = def;
  if (![firstYear, historyTo, lastYear].every(Number.isInteger))
    fail("firstYear, historyTo and lastYear must be integers");
  if (!(firstYear <= historyTo && historyTo <= lastYear)) {
    fail(`years must satisfy firstYear ≤ historyTo ≤ lastYear (got ${firstYear}, ${historyTo}, ${lastYear})`);
  }

  const slugs = {} as Record<Dimension, Set<string>>;
  for (const dim of DIMENSIONS) {
    const members = def.members[dim];
    if (!members || members.length === 0) fail(`dimension "${dim}" has no members`);
    slugs[dim] = new Set();
    for (const m of members) {
      if (!m.slug) fail(`a member of "${dim}" has an empty slug`);
      if (slugs[dim].has(m.slug)) fail(`member "${m.slug}" appears twice in "${dim}"`);
      slugs[dim].add(m.slug);
    }
  }

  const totalYears = new Set<number>();
  for (const t of def.totals) {
    if (t.year < firstYear || t.year > lastYear) fail(`total for ${t.year} is outside ${firstYear}-${lastYear}`);
    if (totalYears.has(t.year)) fail(`total for ${t.year} is given twice`);
    if (!Number.isFinite(t.value) || t.value < 0)
      fail(`total for ${t.year} must be a finite number ≥ 0 (got ${t.value})`);
    totalYears.add(t.year);
  }
  for (let year = firstYear; year <= lastYear; year++) {
    if (!totalYears.has(year)) fail(`no total for ${year}`);
  }

  for (const dim of DIMENSIONS) {
    const found = def.marginals.filter((m) => m.dimension === dim);
    if (found.length !== 1) fail(`expected exactly one marginal for "${dim}", found ${found.length}`);
    validateMarginal(found[0], slugs[dim], firstYear, lastYear);
  }
  for (const m of def.marginals) {
    if (!DIMENSIONS.includes(m.dimension)) fail(`marginal for unknown dimension "${m.dimension}"`);
  }

  for (const aff of def.affinities) {
    if (!DIMENSIONS.includes(aff.a) || !DIMENSIONS.includes(aff.b))
      fail(`affinity between unknown dimensions ${aff.a}/${aff.b}`);
    if (aff.a === aff.b) fail(`affinity must link two different dimensions (got ${aff.a} twice)`);
    for (const w of aff.weights) {
      if (!slugs[aff.a].has(w.a)) fail(`affinity ${aff.a}×${aff.b} names unknown ${aff.a} "${w.a}"`);
      if (!slugs[aff.b].has(w.b)) fail(`affinity ${aff.a}×${aff.b} names unknown ${aff.b} "${w.b}"`);
      if (!Number.isFinite(w.weight) || w.weight < 0) {
        fail(`affinity ${aff.a}×${aff.b} weight for ${w.a}/${w.b} must be finite and ≥ 0 (got ${w.weight})`);
      }
    }
  }
}

function validateMarginal(m: MarginalDefinition, members: Set<string>, firstYear: number, lastYear: number): void {
  const dim = m.dimension;
  if (m.anchors.length === 0) fail(`marginal "${dim}" has no anchors`);
  const years = new Set<number>();
  for (const anchor of m.anchors) {
    const where = `marginal "${dim}", anchor ${anchor.year}`;
    if (!Number.isInteger(anchor.year) || anchor.year < firstYear || anchor.year > lastYear) {
      fail(`${where}: year is outside ${firstYear}-${lastYear}`);
    }
    if (years.has(anchor.year)) fail(`${where}: year is given twice`);
    years.add(anchor.year);
    let sum = 0;
    for (const [slug, share] of Object.entries(anchor.shares)) {
      if (!members.has(slug)) fail(`${where}: unknown member "${slug}"`);
      if (!Number.isFinite(share) || share < 0)
        fail(`${where}: share of "${slug}" must be finite and ≥ 0 (got ${share})`);
      sum += share;
    }
    for (const slug of members) {
      if (!(slug in anchor.shares)) fail(`${where}: member "${slug}" is missing`);
    }
    if (!(sum > 0)) fail(`${where}: shares sum to 0`);
  }
}

function stridesOf(shape: readonly number[]): number[] {
  return shape.map((_, k) => shape.slice(k + 1).reduce((a, b) => a * b, 1));
}

/** Product of all affinity weights per cell of one year's array (same for every year). */
function affinityWeights(def: DatasetDefinition, shape: number[]): Float64Array {
  const size = shape.reduce((a, b) => a * b, 1);
  const strides = stridesOf(shape);
  const weights = new Float64Array(size).fill(1);
  for (const aff of def.affinities) {
    const ka = DIMENSIONS.indexOf(aff.a);
    const kb = DIMENSIONS.indexOf(aff.b);
    const index = (dim: Dimension, slug: string) => def.members[dim].findIndex((m) => m.slug === slug);
    for (const w of aff.weights) {
      const ia = index(aff.a, w.a);
      const ib = index(aff.b, w.b);
      for (let cell = 0; cell < size; cell++) {
        if (Math.floor(cell / strides[ka]) % shape[ka] === ia && Math.floor(cell / strides[kb]) % shape[kb] === ib) {
          weights[cell] *= w.weight;
        }
      }
    }
  }
  return weights;
}

/**
 * The fitted cube of a definition as its dense grid (lib/market/cube/packed.ts): every (year, type,
 * sector, vendor, region) cell in member order, in whole micro-units that add up exactly to each
 * year's total. Deterministic.
 */
export function fitDenseCube(def: DatasetDefinition): Pick<DenseCube, "firstYear" | "shape" | "micro"> {
  validateDefinition(def);
  const members = DIMENSIONS.map((dim) => def.members[dim].map((m) => m.slug));
  const shape = members.map((list) => list.length);
  const weights = affinityWeights(def, shape);
  const axisIndex = axisIndexOf(shape);
  const marginalOf = (dim: Dimension) => def.marginals.find((m) => m.dimension === dim) as MarginalDefinition;
  const years = def.lastYear - def.firstYear + 1;
  const perYear = weights.length;
  const micro = new Float64Array(years * perYear);

  for (let year = def.firstYear; year <= def.lastYear; year++) {
    const total = (def.totals.find((t) => t.year === year) as { value: number }).value;
    const shares = DIMENSIONS.map((dim, k) => {
      const byslug = interpolateShares(marginalOf(dim), year);
      return members[k].map((slug) => byslug[slug]);
    });
    const seed = new Float64Array(weights.length);
    for (let cell = 0; cell < seed.length; cell++) {
      let v = weights[cell];
      for (let k = 0; k < shape.length; k++) v *= shares[k][axisIndex[k][cell]];
      seed[cell] = v;
    }
    const targets = shares.map((s) => s.map((share) => share * total));
    const fit = ipf(seed, shape, targets, { tolerance: FIT_TOLERANCE, maxIterations: 10_000 });
    if (!fit.converged) {
      throw new Error(`IPF did not converge for ${year} (max error ${fit.maxError} after ${fit.iterations} cycles)`);
    }
    // Cells in whole micro-units that add up exactly to the year's total: a published total is then
    // served as the exact figure (the marginals move by at most a few micro-units).
    micro.set(pinToTotal(fit.values, total), (year - def.firstYear) * perYear);
  }
  return { firstYear: def.firstYear, shape: [years, ...shape] as DenseCube["shape"], micro };
}

/** Every cell of fitDenseCube(def) as a row, in the grid's order (for tests and small tools). */
export function buildCube(def: DatasetDefinition): FactRow[] {
  const { micro, shape } = fitDenseCube(def);
  const members = DIMENSIONS.map((dim) => def.members[dim].map((m) => m.slug));
  const strides = stridesOf(shape.slice(1));
  const perYear = micro.length / shape[0];
  const rows: FactRow[] = new Array(micro.length);
  for (let i = 0; i < micro.length; i++) {
    const cell = i % perYear;
    const at = (k: number) => members[k][Math.floor(cell / strides[k]) % shape[k + 1]];
    rows[i] = {
      year: def.firstYear + Math.floor(i / perYear),
      type: at(0),
      sector: at(1),
      vendor: at(2),
      region: at(3),
      value: fromMicro(micro[i]),
    };
  }
  return rows;
}
