import "server-only";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import Piscina from "piscina";
import { HttpProblem } from "../http";
import { log } from "../log";
import type { WorkerOutcome } from "./worker";

/**
 * Forecasts run in worker threads, never on the request thread: one thread per core but one (at
 * least one), so the request thread keeps a core for everybody else's pages and queries. Waiting
 * tasks are bounded (FORECAST_QUEUE, default 4 per thread); past that a request gets 503 with
 * Retry-After instead of waiting minutes.
 */
const threads = Math.max(1, Number(process.env.FORECAST_THREADS) || os.availableParallelism() - 1);
const maxQueue = Math.max(0, Number(process.env.FORECAST_QUEUE ?? threads * 4));

const globalForPool = globalThis as unknown as { __forecastPool?: Piscina; __forecastMeanMs?: number };

export function workerFile(): string {
  const file = path.resolve(
    /* turbopackIgnore: true */ process.cwd(),
    process.env.NEXT_DIST_DIR || ".next",
    "forecast-worker.cjs",
  );
  // The production build ships the bundle; in development and tests it is (re)built from the sources.
  if (process.env.NODE_ENV !== "production" || !fs.existsSync(file)) {
    const r = spawnSync(
      process.execPath,
      [path.resolve(/* turbopackIgnore: true */ process.cwd(), "scripts/build-forecast-worker.mjs")],
      {
        cwd: process.cwd(),
        env: process.env,
        encoding: "utf8",
      },
    );
    if (r.status !== 0) throw new Error(`cannot bundle the forecast worker: ${r.stderr || r.error?.message}`);
  }
  return file;
}

function pool(): Piscina {
  globalForPool.__forecastPool ??= new Piscina({
    filename: workerFile(),
    minThreads: 0,
    maxThreads: threads,
    maxQueue,
    idleTimeout: 30_000,
  });
  return globalForPool.__forecastPool;
}

/** Seconds until the queue has likely room again: queued work over threads, at least 1 s. */
function retryAfterSeconds(p: Piscina): number {
  const meanMs = globalForPool.__forecastMeanMs ?? 2_000;
  return Math.max(1, Math.ceil(((p.queueSize + 1) * meanMs) / threads / 1_000));
}

/** Runs one batch request in a worker. Throws HttpProblem 503 (+ Retry-After) when the queue is full. */
export async function forecastInWorker(body: unknown): Promise<WorkerOutcome> {
  const p = pool();
  const started = performance.now();
  try {
    const outcome = (await p.run(body)) as WorkerOutcome;
    const ms = performance.now() - started;
    globalForPool.__forecastMeanMs = 0.8 * (globalForPool.__forecastMeanMs ?? ms) + 0.2 * ms;
    return outcome;
  } catch (error) {
    if (error instanceof Error && /queue is at limit/i.test(error.message)) throw queueFull(p);
    throw error;
  }
}

function queueFull(p: Piscina): HttpProblem {
  const retry = retryAfterSeconds(p);
  log.warn({ route: "forecast", queued: p.queueSize, threads }, "forecast queue full");
  return new HttpProblem(503, null, `The forecast queue is full (${maxQueue} waiting); retry in ${retry} s`, {
    "Retry-After": String(retry),
  });
}

export const FORECAST_POOL = { threads, maxQueue };
