/**
 * Entry of the forecast worker threads (bundled to a plain .cjs by scripts/build-forecast-worker.mjs,
 * so it runs in the production build without TypeScript). Pure: no framework, no database. The
 * answer is serialised here too: for the largest requests that is ~200,000 numbers, which would
 * otherwise hold the request thread.
 */
import { runBatch, type RequestProblem } from "../../forecast";

export type WorkerOutcome = { ok: true; json: string } | { ok: false; problem: RequestProblem };

export default function forecastTask(body: unknown): WorkerOutcome {
  const outcome = runBatch(body);
  return outcome.ok ? { ok: true, json: JSON.stringify(outcome.response) } : outcome;
}
