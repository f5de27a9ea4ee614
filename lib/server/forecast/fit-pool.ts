import "server-only";
import Piscina from "piscina";
import type { DatasetDefinition, FactRow } from "@/lib/market/cube/definition";
import { DIMENSIONS } from "@/lib/market/types";
import { workerFile } from "./pool";
import { cubeViews } from "./cube-buffer";

/**
 * The fit of an imported data set (IPF over the whole cube) runs in a worker thread of its own
 * pool, never on the request thread and never in the forecast threads: one thread (imports are
 * rare and each is bounded by lib/import/limits.ts), fits queue behind each other, and a thread
 * that runs out of its heap fails that import alone.
 */
const globalForFit = globalThis as unknown as { __fitPool?: Piscina };

function pool(): Piscina {
  globalForFit.__fitPool ??= new Piscina({
    filename: workerFile(),
    name: "fitCube",
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: 30_000,
    resourceLimits: { maxOldGenerationSizeMb: 1_536 },
  });
  return globalForFit.__fitPool;
}

/** buildCube(def), computed in the fit thread. */
export async function fitCubeInWorker(def: DatasetDefinition): Promise<FactRow[]> {
  const buffer = (await pool().run(def)) as ArrayBuffer;
  const cube = cubeViews(buffer);
  const slugs = DIMENSIONS.map((dim) => def.members[dim].map((m) => m.slug));
  const rows: FactRow[] = new Array(cube.n);
  for (let i = 0; i < cube.n; i++) {
    const m = i * 4;
    rows[i] = {
      year: cube.years[i],
      type: slugs[0][cube.members[m]],
      sector: slugs[1][cube.members[m + 1]],
      vendor: slugs[2][cube.members[m + 2]],
      region: slugs[3][cube.members[m + 3]],
      value: cube.values[i],
    };
  }
  return rows;
}
