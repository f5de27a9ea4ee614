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

/** A slice of one year's block: its cells' offsets (ascending) and each one's member of the breakdown. */
export interface Slice {
  /** Offsets into one year's block of type × sector × vendor × region cells. */
  offsets: Int32Array;
  /** Per offset: the index into `keys` it is summed under. */
  part: Uint16Array;
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
  const n = at.length * as.length * av.length * ar.length;
  const offsets = new Int32Array(n);
  const part = new Uint16Array(n);
  const byK = by === "total" ? -1 : DIMENSIONS.indexOf(by);
  const keys = by === "total" ? ["total"] : cube.slugs[by];
  const present = new Uint8Array(keys.length);
  let i = 0;
  for (const t of at)
    for (const s of as)
      for (const v of av) {
        const base = ((t * S + s) * V + v) * R;
        const p = byK === 0 ? t : byK === 1 ? s : byK === 2 ? v : 0;
        for (const r of ar) {
          offsets[i] = base + r;
          part[i++] = byK === 3 ? r : p;
        }
      }
  for (let k = 0; k < n; k++) present[part[k]] = 1;
  return { offsets, part, keys, present };
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
  const slice = sliceOf(cube, q.by, q.filters);
  const from = Math.max(q.from, cube.firstYear);
  const to = Math.min(q.to, cube.firstYear + cube.shape[0] - 1);
  const block = blockSize(cube);
  const width = slice.keys.length;
  const sums = new Float64Array(width);
  const { offsets, part, keys, present } = slice;
  const n = offsets.length;
  const rows: AggregateRow[] = [];
  for (let year = from; year <= to; year++) {
    sums.fill(0);
    const base = (year - cube.firstYear) * block;
    const micro = cube.micro;
    for (let i = 0; i < n; i++) sums[part[i]] += micro[base + offsets[i]];
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
  const shape = [cells.length ? lastYear - firstYear + 1 : 0, ...DIMENSIONS.map((d) => order[d].length)] as DenseCube["shape"];
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
