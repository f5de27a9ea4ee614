import "server-only";
import Piscina from "piscina";
import type { DatasetDefinition } from "@/lib/market/cube/definition";
import { workerFile } from "./pool";

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

/** The packed fitted cube of a definition (encodeCube(fitDenseCube(def))), computed in the fit thread. */
export async function fitCubeInWorker(def: DatasetDefinition): Promise<Uint8Array> {
  const buffer = (await pool().run(def)) as ArrayBuffer;
  return new Uint8Array(buffer);
}
