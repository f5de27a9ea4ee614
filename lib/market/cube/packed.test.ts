import { describe, expect, it } from "vitest";
import { cellIndex, decodeCube, encodeCube, PackedCubeError, packedBytes, readHeader } from "./packed";

const slugs = { type: ["a", "b"], sector: ["x"], vendor: ["p", "q", "r"], region: ["n", "s"] };
const shape = [2, 2, 1, 3, 2] as [number, number, number, number, number];

function sample() {
  const micro = new Float64Array(24).map((_, i) => i * 1_000_001 + 7);
  return { firstYear: 2021, shape, micro };
}

describe("packed cube", () => {
  it("round-trips every cell and the header", () => {
    const bytes = encodeCube(sample());
    expect(bytes.length).toBe(packedBytes(shape));
    expect(bytes.length).toBe(32 + 24 * 8);
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe("MKC1");
    const cube = decodeCube(bytes, slugs);
    expect(cube.firstYear).toBe(2021);
    expect(cube.shape).toEqual(shape);
    expect(Array.from(cube.micro)).toEqual(Array.from(sample().micro));
  });

  it("writes values in network byte order, as Postgres's float8send does", () => {
    const bytes = encodeCube({ firstYear: 2021, shape: [1, 1, 1, 1, 1], micro: new Float64Array([1]) });
    // 1.0 as an IEEE 754 double, big-endian: 3f f0 00 00 00 00 00 00
    expect(Array.from(bytes.subarray(32))).toEqual([0x3f, 0xf0, 0, 0, 0, 0, 0, 0]);
  });

  it("lays cells out year, type, sector, vendor, region", () => {
    expect(cellIndex(shape, 0, 0, 0, 0, 1)).toBe(1);
    expect(cellIndex(shape, 0, 0, 0, 1, 0)).toBe(2);
    expect(cellIndex(shape, 0, 1, 0, 0, 0)).toBe(6);
    expect(cellIndex(shape, 1, 0, 0, 0, 0)).toBe(12);
  });

  it("refuses bytes that are cut short, of another format, or of other members", () => {
    const bytes = encodeCube(sample());
    expect(() => readHeader(bytes.subarray(0, bytes.length - 8))).toThrow(PackedCubeError);
    const other = bytes.slice();
    other[0] = 0x58;
    expect(() => readHeader(other)).toThrow(/magic/);
    expect(() => decodeCube(bytes, { ...slugs, vendor: ["p", "q"] })).toThrow(/3 vendor members/);
    expect(() => encodeCube({ firstYear: 2021, shape, micro: new Float64Array(5) })).toThrow(/5 cells/);
  });

  it("leaves the bytes it decodes unchanged", () => {
    const bytes = encodeCube(sample());
    const copy = bytes.slice();
    decodeCube(bytes, slugs);
    expect(bytes).toEqual(copy);
  });
});
