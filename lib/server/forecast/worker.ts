/**
 * Entry of the worker threads (bundled to a plain .cjs by scripts/build-forecast-worker.mjs, so it
 * runs in the production build without TypeScript). Pure: no framework, no database.
 *  - default export: a forecast batch (POST /api/v1/forecast). The answer is serialised here too:
 *    for the largest requests that is ~200,000 numbers, which would otherwise hold the request thread.
 *  - `fitCube`: the IPF fit of an import's data set (lib/market/cube), which takes seconds for large
 *    files; it comes back as the packed cube the version stores (lib/market/cube/packed.ts), one
 *    buffer moved to the request thread instead of a million objects to clone.
 */
import os from "node:os";
import { runBatch, type RequestProblem } from "../../forecast";
import { fitDenseCube } from "../../market/cube/build-cube";
import type { DatasetDefinition } from "../../market/cube/definition";
import { encodeCube } from "../../market/cube/packed";

// Worker threads yield the CPU to the request thread when the machine is busy: on Linux the nice
// value is per thread, and priority 0 here means "this thread". Elsewhere this may do nothing.
try {
  os.setPriority(0, 10);
} catch {
  /* not permitted or not supported: run at normal priority */
}

export type WorkerOutcome = { ok: true; json: string } | { ok: false; problem: RequestProblem };

export default function forecastTask(body: unknown): WorkerOutcome {
  const outcome = runBatch(body);
  return outcome.ok ? { ok: true, json: JSON.stringify(outcome.response) } : outcome;
}

/** The fitted cube, packed (lib/market/cube/packed.ts), as the buffer handed back to the request thread. */
export function fitCube(def: DatasetDefinition): ArrayBuffer {
  const bytes = encodeCube(fitDenseCube(def));
  return bytes.buffer as ArrayBuffer;
}
