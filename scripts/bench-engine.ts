/**
 * `npm run bench:engine`: the aggregation engine and the share-trend split on a synthetic cube of
 * 100 times the default data set's cells (12 years × 3 types × 18 sectors × 160 vendors × 25
 * regions = 2,592,000 cells), pure and in-process; and the default data set's cube on the wire.
 */
import zlib from "node:zlib";
import { defaultDataset } from "@/prisma/data/default-dataset";
import { buildCube } from "@/lib/market/cube/build-cube";
import { CUBE_BYTE_BUDGET } from "@/lib/market/cube/budget";
import { cubeToWire } from "@/lib/market/cube/cube-wire";
import { aggregate, denseCubeFromCells, type SliceFilters } from "@/lib/market/cube/engine";
import { buildShareTrend, sliceForecast, type SeriesForecastInfo } from "@/lib/market/cube/forecast-cube";
import { packedBytes, type DenseCube } from "@/lib/market/cube/packed";
import { applyScenario } from "@/lib/market/scenario/apply";
import { DIMENSIONS, type Dimension } from "@/lib/market/types";

const FIRST_YEAR = 2021;
const HISTORY_TO = 2025;
const LAST_YEAR = 2032;
const SIZES = { type: 3, sector: 18, vendor: 160, region: 25 };

function syntheticCube(): DenseCube {
  const slugs = Object.fromEntries(
    DIMENSIONS.map((d) => [d, Array.from({ length: SIZES[d] }, (_, i) => `${d}-${i}`)]),
  ) as Record<Dimension, string[]>;
  const shape = [
    LAST_YEAR - FIRST_YEAR + 1,
    SIZES.type,
    SIZES.sector,
    SIZES.vendor,
    SIZES.region,
  ] as DenseCube["shape"];
  const block = SIZES.type * SIZES.sector * SIZES.vendor * SIZES.region;
  const micro = new Float64Array(shape[0] * block);
  let seed = 12345;
  const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const base = Float64Array.from({ length: block }, () => 1 + 400 * next());
  const growth = Float64Array.from({ length: block }, () => 0.05 + 0.4 * next());
  for (let y = 0; y < shape[0]; y++)
    for (let c = 0; c < block; c++) micro[y * block + c] = Math.round(base[c] * Math.pow(1 + growth[c], y) * 1e3);
  return { firstYear: FIRST_YEAR, shape, slugs, micro };
}

const none: SliceFilters = { type: [], sector: [], vendor: [], region: [] };
const SLICES: { name: string; by: "total" | Dimension; filters: SliceFilters; from?: number; to?: number }[] = [
  { name: "total, unfiltered", by: "total", filters: none },
  { name: "by vendor, unfiltered", by: "vendor", filters: none },
  { name: "by sector, one region", by: "sector", filters: { ...none, region: ["region-3"] } },
  { name: "by region, two vendors", by: "region", filters: { ...none, vendor: ["vendor-1", "vendor-7"] } },
  {
    name: "by type, two sectors, 2023-2030",
    by: "type",
    filters: { ...none, sector: ["sector-0", "sector-5"] },
    from: 2023,
    to: 2030,
  },
  {
    name: "by vendor, a type and a region",
    by: "vendor",
    filters: { ...none, type: ["type-1"], region: ["region-0"] },
  },
];

/** Wall-clock median and max, and mean CPU time (user + system: less disturbed by other processes). */
function time(run: () => unknown, rounds = 15): { median: number; max: number; cpu: number } {
  for (let i = 0; i < 3; i++) run();
  const ms: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    run();
    ms.push(performance.now() - t);
  }
  const cpu = process.cpuUsage(cpu0);
  ms.sort((a, b) => a - b);
  return {
    median: ms[Math.floor(ms.length / 2)],
    max: ms[ms.length - 1],
    cpu: (cpu.user + cpu.system) / 1000 / rounds,
  };
}

const fmt = (v: number) => v.toFixed(2).padStart(8);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function main() {
  const heap0 = process.memoryUsage().heapUsed;
  const cube = syntheticCube();
  console.log(
    `synthetic cube: ${cube.micro.length.toLocaleString("en")} cells, ${mb(cube.micro.byteLength)} of cells, packed ${packedBytes(cube.shape).toLocaleString("en")} bytes (byte budget ${CUBE_BYTE_BUDGET.toLocaleString("en")}: served by the server)`,
  );

  console.log(`\naggregate (sums per year and member), ${cube.micro.length.toLocaleString("en")} cells`);
  console.log(`| slice                              | rows | median ms | max ms | cpu ms |`);
  for (const s of SLICES) {
    const q = { by: s.by, filters: s.filters, from: s.from ?? FIRST_YEAR, to: s.to ?? LAST_YEAR };
    const rows = aggregate(cube, q).length;
    const t = time(() => aggregate(cube, q));
    console.log(
      `| ${s.name.padEnd(34)} | ${String(rows).padStart(4)} | ${fmt(t.median)}  | ${fmt(t.max)} | ${fmt(t.cpu)} |`,
    );
  }

  global.gc?.();
  const before = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const t0 = performance.now();
  const trend = buildShareTrend(cube, HISTORY_TO, LAST_YEAR);
  const buildMs = performance.now() - t0;
  global.gc?.();
  const after = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  console.log(
    `\nshare trend: built in ${buildMs.toFixed(0)} ms; ${trend.share.length.toLocaleString("en")} shares (cells × ${trend.years} forecast years) = ${mb(trend.share.byteLength)}${global.gc ? `; heap + buffers grew ${mb(after - before)}` : ""}`,
  );
  const market: SeriesForecastInfo = {
    method: "auto:bench",
    points: Array.from({ length: LAST_YEAR - HISTORY_TO }, (_, k) => ({
      year: HISTORY_TO + 1 + k,
      mean: 20_000 * 1.1 ** k,
      lower: { "80": 18_000 * 1.1 ** k, "95": 16_000 * 1.1 ** k },
      upper: { "80": 22_000 * 1.1 ** k, "95": 24_000 * 1.1 ** k },
    })),
  };
  const fc = { trend, market };
  console.log(`\nslice forecast (summed from the shares on demand)`);
  console.log(`| slice                              | series | median ms | max ms | cpu ms |`);
  for (const s of SLICES) {
    const n = sliceForecast(fc, s).size;
    const t = time(() => sliceForecast(fc, s));
    console.log(
      `| ${s.name.padEnd(34)} | ${String(n).padStart(6)} | ${fmt(t.median)}  | ${fmt(t.max)} | ${fmt(t.cpu)} |`,
    );
  }

  const lever = {
    key: "x",
    title: "X",
    kind: "driver" as const,
    moves: [
      { dimension: "vendor" as const, member: "vendor-3", direction: "raises" as const, step: 0.1, defaulted: false },
      { dimension: "type" as const, member: "type-0", direction: "gains-share" as const, step: 0.1, defaulted: false },
    ],
  };
  const sc = time(
    () => applyScenario(cube, { levers: [lever], levels: { x: 2 }, historyTo: HISTORY_TO, groups: [] }),
    5,
  );
  console.log(
    `\nscenario (a growth and a share move) applied to every cell: median ${sc.median.toFixed(0)} ms, cpu ${sc.cpu.toFixed(0)} ms`,
  );
  console.log(
    `heap + buffers in use at the end: ${mb(process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers - heap0)}`,
  );

  const order = Object.fromEntries(DIMENSIONS.map((d) => [d, defaultDataset.members[d].map((m) => m.slug)])) as Record<
    Dimension,
    string[]
  >;
  const small = denseCubeFromCells(buildCube(defaultDataset), order);
  const body = JSON.stringify(cubeToWire("default", small, null));
  console.log(
    `\ndefault data set on the wire (/api/v1/cube without its forecast): ${small.micro.length.toLocaleString("en")} cells, packed ${packedBytes(small.shape).toLocaleString("en")} bytes; JSON ${body.length.toLocaleString("en")} bytes, gzip ${zlib.gzipSync(body).length.toLocaleString("en")}, brotli ${zlib.brotliCompressSync(body).length.toLocaleString("en")}`,
  );
}

main();
