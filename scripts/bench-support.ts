/**
 * Shared pieces of the bench scripts: a throwaway Postgres database, the production server on it,
 * and small statistics. Benchmarks print figures; they assert nothing.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createPostgresDatabase } from "../tests/support/databases";

export interface BenchServer {
  baseUrl: string;
  databaseUrl: string;
  stop: () => Promise<void>;
}

/** Starts the built app (scripts/e2e-server.mjs: migrate + seed + scripts/server.mjs) on a new database. */
export async function startServer(port: number): Promise<BenchServer> {
  const db = await createPostgresDatabase("market_bench");
  const child: ChildProcess = spawn(process.execPath, [path.join("scripts", "e2e-server.mjs"), String(port)], {
    env: { ...process.env, DATABASE_URL: db.url, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error("the server exited before it was ready (is there a build? run npm run build)");
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error("the server did not become ready within 180 s");
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    baseUrl,
    databaseUrl: db.url,
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
      await db.drop();
    },
  };
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function quantile(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

export async function timeRequest(url: string): Promise<{ ms: number; status: number; bytes: number }> {
  const t = performance.now();
  const res = await fetch(url);
  const body = await res.arrayBuffer();
  return { ms: performance.now() - t, status: res.status, bytes: body.byteLength };
}
