/**
 * The one aggregation engine: sums of a slice of a DenseCube, per year and member of a breakdown.
 * The server (every version, whatever its size) and the browser (a cube within the byte budget,
 * ./budget) both answer with it, so a slice's figures never depend on where they are summed.
 *
 * A slice is the grid's allowed members per dimension: its cells are found by a dense loop over
 * those members (no per-cell filter checks), once, as offsets into one year's block of the grid;
 * every year of the slice is then a run over the same offsets. Cells are whole micro-units and
 * are added as integers, so a sum is exact: a published 8,934 comes out as 8934.
 */
import type { CubeBreakdown } from "../query/filters";
import type { AggregateRow } from "../series/series";
import { fromMicro, toMicro } from "./micro";
import { cellCount, type DenseCube } from "./packed";
import { DIMENSIONS, type Dimension } from "../types";

export type SliceFilters = Record<Dimension, readonly string[]>;

/**
 * A slice of one year's block as runs of adjacent cells. In a run every cell goes to the same
 * member of the breakdown (`step` 0), or, when the breakdown is the grid's innermost dimension, to
 * consecutive members (`step` 1). An unfiltered slice is one run per breakdown member and row of
 * the grid, so its sums are tight loops over contiguous memory.
 */
export interface Slice {
  /** Per run: its first cell's offset in one year's block of type × sector × vendor × region cells. */
  start: Int32Array;
  length: Int32Array;
  /** Per run: the index into `keys` its first cell is summed under, and 1 if the next cells take the next keys. */
  part: Uint16Array;
  step: Uint8Array;
  runs: number;
  /** The breakdown's keys: "total", or the slugs of `by` in the grid's order. */
  keys: string[];
  /** Per key: whether the slice has any cell of it. */
  present: Uint8Array;
}

/** Cells in one year's block of the grid. */
export function blockSize(cube: Pick<DenseCube, "shape">): number {
  return cellCount(cube.shape.slice(1));
}

/** The allowed member indexes of each dimension (all members when its filter is empty). */
function allowedMembers(cube: Pick<DenseCube, "slugs">, filters: SliceFilters): Int32Array[] {
  return DIMENSIONS.map((d) => {
    const slugs = cube.slugs[d];
    if (!filters[d].length) return Int32Array.from(slugs, (_, i) => i);
    const wanted = new Set(filters[d]);
    return Int32Array.from(slugs.flatMap((s, i) => (wanted.has(s) ? [i] : [])));
  });
}

/** The cells of a slice, found by a dense loop over each dimension's allowed members. */
export function sliceOf(cube: Pick<DenseCube, "shape" | "slugs">, by: CubeBreakdown, filters: SliceFilters): Slice {
  const [, , S, V, R] = cube.shape;
  const [at, as, av, ar] = allowedMembers(cube, filters);
  const cells = at.length * as.length * av.length * ar.length;
  const start = new Int32Array(cells);
  const length = new Int32Array(cells);
  const part = new Uint16Array(cells);
  const step = new Uint8Array(cells);
  const byK = by === "total" ? -1 : DIMENSIONS.indexOf(by);
  const keys = by === "total" ? ["total"] : cube.slugs[by];
  const present = new Uint8Array(keys.length);
  let runs = 0;
  /** Adds `n` adjacent cells from `offset`, under part `q` (or q, q+1, … when `st` is 1), to the runs. */
  const emit = (offset: number, n: number, q: number, st: number) => {
    for (let j = 0; j < (st ? n : 1); j++) present[q + j] = 1;
    const k = runs - 1;
    // The cells extend the last run when they come next and take that run's next part.
    if (k >= 0 && offset === start[k] + length[k] && !st) {
      if (!step[k] && q === part[k]) {
        length[k] += n;
        return;
      }
      if (n === 1 && (step[k] || length[k] === 1) && q === part[k] + length[k]) {
        step[k] = 1;
        length[k]++;
        return;
      }
    }
    start[runs] = offset;
    length[runs] = n;
    part[runs] = q;
    step[runs++] = st;
  };
  // Every region allowed: a grid row's regions are adjacent cells, taken as one chunk.
  const allRegions = ar.length === R;
  for (let ti = 0; ti < at.length; ti++) {
    const t = at[ti];
    for (let si = 0; si < as.length; si++) {
      const s = as[si];
      for (let vi = 0; vi < av.length; vi++) {
        const v = av[vi];
        const row = ((t * S + s) * V + v) * R;
        const p = byK === 0 ? t : byK === 1 ? s : byK === 2 ? v : 0;
        if (allRegions) emit(row, R, byK === 3 ? 0 : p, byK === 3 ? 1 : 0);
        else for (let ri = 0; ri < ar.length; ri++) emit(row + ar[ri], 1, byK === 3 ? ar[ri] : p, 0);
      }
    }
  }
  return { start, length, part, step, runs, keys, present };
}

export interface AggregateQuery {
  by: CubeBreakdown;
  filters: SliceFilters;
  from: number;
  to: number;
}

/**
 * Sums per year (and member of `by`) over the filtered cells, exact in micro-units: rows year by
 * year, members in the grid's order; a member with no cell in the slice gets no row.
 */
export function aggregate(cube: DenseCube, q: AggregateQuery): AggregateRow[] {
  const { start, length, part, step, runs, keys, present } = sliceOf(cube, q.by, q.filters);
  const from = Math.max(q.from, cube.firstYear);
  const to = Math.min(q.to, cube.firstYear + cube.shape[0] - 1);
  const block = blockSize(cube);
  const width = keys.length;
  const sums = new Float64Array(width);
  const micro = cube.micro;
  const rows: AggregateRow[] = [];
  for (let year = from; year <= to; year++) {
    sums.fill(0);
    const base = (year - cube.firstYear) * block;
    for (let i = 0; i < runs; i++) {
      const b = base + start[i];
      const n = length[i];
      const p = part[i];
      if (step[i]) {
        for (let j = 0; j < n; j++) sums[p + j] += micro[b + j];
      } else {
        // Whole micro-units: integers, so the run's sum is exact whatever the order.
        let acc = 0;
        for (let j = 0; j < n; j++) acc += micro[b + j];
        sums[p] += acc;
      }
    }
    for (let m = 0; m < width; m++) if (present[m]) rows.push({ year, key: keys[m], value: fromMicro(sums[m]) });
  }
  return rows;
}

export interface CubeCell {
  year: number;
  value: number;
  type: string;
  sector: string;
  vendor: string;
  region: string;
}

/**
 * A DenseCube from cells in the data set's unit (each rounded to whole micro-units). Members are
 * laid out in `slugs`' order when given, else in the order they first appear; years run from the
 * first to the last year present. Cells not given are 0.
 */
export function denseCubeFromCells(cells: readonly CubeCell[], slugs?: Record<Dimension, string[]>): DenseCube {
  const order =
    slugs ??
    (Object.fromEntries(DIMENSIONS.map((d) => [d, [...new Set(cells.map((c) => c[d]))]])) as Record<
      Dimension,
      string[]
    >);
  const index = DIMENSIONS.map((d) => new Map(order[d].map((s, i) => [s, i])));
  let firstYear = Infinity;
  let lastYear = -Infinity;
  for (const c of cells) {
    if (c.year < firstYear) firstYear = c.year;
    if (c.year > lastYear) lastYear = c.year;
  }
  if (!cells.length) firstYear = lastYear = 0;
  const shape = [
    cells.length ? lastYear - firstYear + 1 : 0,
    ...DIMENSIONS.map((d) => order[d].length),
  ] as DenseCube["shape"];
  const micro = new Float64Array(cellCount(shape));
  const [, T, S, V, R] = shape;
  for (const c of cells) {
    const [t, s, v, r] = DIMENSIONS.map((d, k) => index[k].get(c[d]));
    if (t === undefined || s === undefined || v === undefined || r === undefined)
      throw new RangeError(`cell names a member not in the cube's members (${DIMENSIONS.map((d) => c[d]).join(", ")})`);
    micro[((((c.year - firstYear) * T + t) * S + s) * V + v) * R + r] += toMicro(c.value);
  }
  return { firstYear, shape, slugs: order, micro };
}
