/**
 * Entry of the forecast worker threads (bundled to a plain .cjs by scripts/build-forecast-worker.mjs,
 * so it runs in the production build without TypeScript). Pure: no framework, no database. The
 * answer is serialised here too: for the largest requests that is ~200,000 numbers, which would
 * otherwise hold the request thread.
 */
import os from "node:os";
import { runBatch, type RequestProblem } from "../../forecast";

// Forecast threads yield the CPU to the request thread when the machine is busy: on Linux the nice
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
