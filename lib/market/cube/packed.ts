/**
 * A version's fitted cube as one packed value: the dense grid year × type × sector × vendor ×
 * region, coordinates implicit, one float64 per cell holding the cell in whole micro-units of the
 * data set's unit (lib/market/cube/micro.ts). The members' order is the version's member order
 * (sortOrder), stored beside the cube, so the bytes carry numbers only.
 *
 * Layout (all numbers in network byte order, big-endian):
 *   bytes 0-3   magic "MKC1"
 *   bytes 4-7   int32 first year
 *   bytes 8-27  uint32 × 5: years, types, sectors, vendors, regions
 *   bytes 28-31 zero
 *   then        float64 × cells, index ((((y·T + t)·S + s)·V + v)·R + r)
 *
 * Why this and not Arrow IPC: the cube is one dense numeric column with an implicit grid, so a
 * 32-byte header says everything Arrow's schema and record-batch framing would; no reader library
 * is needed on the server or in the browser. Why big-endian: Postgres writes float8 in network
 * order (float8send), so versions stored before this format are packed by the migration in SQL
 * alone and hash the same as a cube packed here. Decoding swaps the bytes once (a few ms for 2.6
 * million cells); the cube is then read as a native Float64Array.
 */
import { DIMENSIONS, type Dimension } from "../types";

export const PACKED_MAGIC = "MKC1";
export const PACKED_HEADER_BYTES = 32;

/** The cube in memory: the dense grid of micro-units, with the members it is laid out over. */
export interface DenseCube {
  firstYear: number;
  /** Number of years, then members of type, sector, vendor, region. */
  shape: [number, number, number, number, number];
  /** Member slugs per dimension, in the grid's order. */
  slugs: Record<Dimension, string[]>;
  /** Cell values in micro-units, dense in the layout above. */
  micro: Float64Array;
}

export class PackedCubeError extends Error {}

/** Cells in a grid of this shape. */
export function cellCount(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Bytes of a packed cube of this shape: the byte budget is counted in these. */
export function packedBytes(shape: readonly number[]): number {
  return PACKED_HEADER_BYTES + 8 * cellCount(shape);
}

/** The cube's shape for a first year, last year and member lists. */
export function shapeOf(firstYear: number, lastYear: number, slugs: Record<Dimension, string[]>): DenseCube["shape"] {
  return [lastYear - firstYear + 1, ...DIMENSIONS.map((d) => slugs[d].length)] as DenseCube["shape"];
}

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function swap64(bytes: Uint8Array): void {
  for (let i = 0; i < bytes.length; i += 8) {
    for (let a = i, b = i + 7; a < b; a++, b--) {
      const t = bytes[a];
      bytes[a] = bytes[b];
      bytes[b] = t;
    }
  }
}

/** The packed bytes of a cube. */
export function encodeCube(cube: Pick<DenseCube, "firstYear" | "shape" | "micro">): Uint8Array {
  const cells = cellCount(cube.shape);
  if (cube.micro.length !== cells)
    throw new PackedCubeError(`cube has ${cube.micro.length} cells, its shape needs ${cells}`);
  const out = new Uint8Array(PACKED_HEADER_BYTES + 8 * cells);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = PACKED_MAGIC.charCodeAt(i);
  view.setInt32(4, cube.firstYear);
  cube.shape.forEach((n, i) => view.setUint32(8 + 4 * i, n));
  const body = out.subarray(PACKED_HEADER_BYTES);
  body.set(new Uint8Array(cube.micro.buffer, cube.micro.byteOffset, cells * 8));
  if (littleEndian) swap64(body);
  return out;
}

/** The header of packed bytes, checked. */
export function readHeader(bytes: Uint8Array): { firstYear: number; shape: DenseCube["shape"] } {
  if (bytes.length < PACKED_HEADER_BYTES) throw new PackedCubeError("packed cube is shorter than its header");
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== PACKED_MAGIC) throw new PackedCubeError(`packed cube has magic "${magic}", expected ${PACKED_MAGIC}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shape = [0, 1, 2, 3, 4].map((i) => view.getUint32(8 + 4 * i)) as DenseCube["shape"];
  if (bytes.length !== packedBytes(shape))
    throw new PackedCubeError(`packed cube has ${bytes.length} bytes, its header says ${packedBytes(shape)}`);
  return { firstYear: view.getInt32(4), shape };
}

/** A cube from its packed bytes and the version's members (in order); the bytes are not changed. */
export function decodeCube(bytes: Uint8Array, slugs: Record<Dimension, string[]>): DenseCube {
  const { firstYear, shape } = readHeader(bytes);
  DIMENSIONS.forEach((d, i) => {
    if (slugs[d].length !== shape[i + 1])
      throw new PackedCubeError(`packed cube has ${shape[i + 1]} ${d} members, the version has ${slugs[d].length}`);
  });
  const body = bytes.slice(PACKED_HEADER_BYTES);
  if (littleEndian) swap64(body);
  return { firstYear, shape, slugs, micro: new Float64Array(body.buffer, 0, cellCount(shape)) };
}

/** The grid index of a cell. */
export function cellIndex(shape: DenseCube["shape"], y: number, t: number, s: number, v: number, r: number): number {
  return (((y * shape[1] + t) * shape[2] + s) * shape[3] + v) * shape[4] + r;
}
