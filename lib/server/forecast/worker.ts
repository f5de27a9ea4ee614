/**
 * Entry of the forecast worker threads (bundled to a plain .cjs by scripts/build-forecast-worker.mjs,
 * so it runs in the production build without TypeScript). Pure: no framework, no database.
 */
import { runBatch, type BatchOutcome } from "../../forecast";

export default function forecastTask(body: unknown): BatchOutcome {
  return runBatch(body);
}
