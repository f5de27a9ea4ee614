import pg from "pg";

/**
 * Is the Postgres server answering? One `SELECT 1` on a fresh connection, bounded to 2 s, its
 * result reused for 2 s (concurrent callers share one probe). Used by proxy.ts to answer pages with
 * an honest 503 during an outage instead of a page that draws an error. A refused connection is
 * "down" at once; a probe that merely times out is "down" only when the one before also failed, so
 * one slow answer on a loaded machine does not turn pages away. Always true on the embedded
 * database (it is in-process). Plain `pg`, no Prisma, so the proxy can import it.
 */
const TTL_MS = 2_000;
const TIMEOUT_MS = 2_000;
type Outcome = "up" | "refused" | "timeout";
const state = globalThis as unknown as { __dbProbe?: { at: number; up: Promise<boolean> }; __dbProbeLast?: Outcome };

export function databaseAnswers(): Promise<boolean> {
  const url = process.env.DATABASE_URL?.trim();
  if (!url) return Promise.resolve(true);
  const now = Date.now();
  if (state.__dbProbe && now - state.__dbProbe.at < TTL_MS) return state.__dbProbe.up;
  const previous = state.__dbProbeLast ?? "up";
  const up = probe(url).then((outcome) => {
    state.__dbProbeLast = outcome;
    return outcome === "up" || (outcome === "timeout" && previous === "up");
  });
  state.__dbProbe = { at: now, up };
  return up;
}

async function probe(url: string): Promise<Outcome> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: TIMEOUT_MS,
    query_timeout: TIMEOUT_MS,
  });
  client.on("error", () => undefined);
  const timer = new Promise<Outcome>((resolve) => setTimeout(() => resolve("timeout"), TIMEOUT_MS + 200));
  const attempt = (async (): Promise<Outcome> => {
    try {
      await client.connect();
      await client.query("SELECT 1");
      return "up";
    } catch (error) {
      return /timeout|timed out/i.test((error as Error).message) ? "timeout" : "refused";
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
