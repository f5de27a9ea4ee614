import pg from "pg";

/**
 * Is the Postgres server answering? One `SELECT 1` on a fresh connection, bounded to ~1 s, its
 * result reused for 2 s (concurrent callers share one probe). Used by proxy.ts to answer pages with
 * an honest 503 during an outage instead of a page that draws an error. Always true on the
 * embedded database (it is in-process). Plain `pg`, no Prisma, so the proxy can import it.
 */
const TTL_MS = 2_000;
const TIMEOUT_MS = 1_000;
const state = globalThis as unknown as { __dbProbe?: { at: number; up: Promise<boolean> } };

export function databaseAnswers(): Promise<boolean> {
  const url = process.env.DATABASE_URL?.trim();
  if (!url) return Promise.resolve(true);
  const now = Date.now();
  if (state.__dbProbe && now - state.__dbProbe.at < TTL_MS) return state.__dbProbe.up;
  const up = probe(url);
  state.__dbProbe = { at: now, up };
  return up;
}

async function probe(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: TIMEOUT_MS, query_timeout: TIMEOUT_MS });
  client.on("error", () => undefined);
  const timer = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), TIMEOUT_MS + 200));
  const attempt = (async () => {
    try {
      await client.connect();
      await client.query("SELECT 1");
      return true;
    } catch {
      return false;
    }
  })();
  const up = await Promise.race([attempt, timer]);
  void client.end().catch(() => undefined);
  return up;
}

/** Dataset versions this process has read and can serve from memory (set by queries.ts). */
export function knownVersions(): ReadonlySet<string> {
  return (globalThis as unknown as { __marketKnownVersions?: Set<string> }).__marketKnownVersions ?? new Set();
}
