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
const state = globalThis as unknown as {
  __dbProbe?: { at: number; up: Promise<boolean> };
  __dbProbeLast?: Outcome;
  __dbProbeSettled?: { at: number; up: boolean };
};

export function databaseAnswers(): Promise<boolean> {
  const url = process.env.DATABASE_URL?.trim();
  if (!url) return Promise.resolve(true);
  const now = Date.now();
  if (state.__dbProbe && now - state.__dbProbe.at < TTL_MS) return state.__dbProbe.up;
  const previous = state.__dbProbeLast ?? "up";
  const up = probe(url).then((outcome) => {
    state.__dbProbeLast = outcome;
    const answers = outcome === "up" || (outcome === "timeout" && previous === "up");
    state.__dbProbeSettled = { at: Date.now(), up: answers };
    return answers;
  });
  state.__dbProbe = { at: now, up };
  return up;
}

/**
 * Synchronously: did the database answer its last probe, settled within two probe lifetimes? Starts
 * the next probe when the last one has expired, so a page served from memory (fast-pages.ts) keeps
 * the outage check as current as a rendered one without waiting for it. Always true on the
 * embedded database.
 */
export function databaseAnsweredRecently(): boolean {
  if (!process.env.DATABASE_URL?.trim()) return true;
  void databaseAnswers();
  const settled = state.__dbProbeSettled;
  return !!settled && settled.up && Date.now() - settled.at < 2 * TTL_MS + TIMEOUT_MS;
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

/**
 * Health's own connection: one client of its own, outside the app's pool, so health checks never
 * take a connection the pages and the API need (and a full pool does not make health lie). Callers
 * run one query at a time (health.ts lets one check run at once). A query that fails or outlives
 * `timeoutMs` drops the connection; the next query opens a fresh one.
 */
const health = globalThis as unknown as { __healthClient?: Promise<pg.Client> };

export async function healthQuery<T>(url: string, sql: string, params: unknown[], timeoutMs: number): Promise<T[]> {
  let connecting = health.__healthClient;
  if (!connecting) {
    const client = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: timeoutMs,
      query_timeout: timeoutMs,
      statement_timeout: timeoutMs,
      application_name: "market-health",
    });
    const opened: Promise<pg.Client> = client.connect().then(() => client);
    const forget = () => {
      if (health.__healthClient === opened) health.__healthClient = undefined;
      void client.end().catch(() => undefined);
    };
    client.on("error", forget);
    client.on("end", forget);
    opened.catch(forget);
    connecting = health.__healthClient = opened;
  }
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`health query timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const client = await Promise.race([connecting, deadline]);
    const result = await Promise.race([client.query(sql, params), deadline]);
    return result.rows as T[];
  } catch (error) {
    // A connection that failed or hung is not reused.
    if (health.__healthClient === connecting) health.__healthClient = undefined;
    void connecting.then((c) => c.end()).catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
