import "server-only";
import { healthQuery } from "./db-probe";
import { describeDbError, getDb, withTimeout } from "./db";
import { getEnv } from "./env";
import { checked, integrityReport, verifyInBackground } from "./integrity";
import { log } from "./log";
import { ACTIVE_VERSIONS_SQL } from "./queries";
import { route } from "./route";

export interface Health {
  ok: boolean;
  database: { kind: "postgres" | "pglite"; reachable: boolean; latencyMs: number | null; error?: string };
  dataset: { id: string; title: string; version: number; facts: number } | null;
  /**
   * Versions whose stored content no longer matches the checksum sealed at load (never served), as
   * found by the once-per-process checks so far; `pending` while those are still running.
   */
  integrity?: { checked: number; pending: boolean; tampered: string[]; unsealed: string[] };
  /**
   * Where the state instances share lives (rate limits, sign-in throttling, sessions): the Postgres
   * database itself, or this process's memory on the embedded one.
   */
  store?: { kind: "postgres" | "memory" };
  /**
   * Read replicas (DATABASE_REPLICA_URLS): how many answer (reads go to the primary while none
   * does), and this process's reads served by a replica and sent to the primary instead since start.
   */
  replicas?: { configured: number; reachable: number; reads: number; readsOnPrimary: number };
}

/** The whole check answers within this time, even when the database hangs (then: down). */
export const HEALTH_BUDGET_MS = 1_500;
/** A result is reused this long: any number of callers cost at most one check a second. */
export const HEALTH_REUSE_MS = 1_000;

type Result = { health: Health; cause?: unknown };
const g = globalThis as unknown as { __health?: { at: number; settled: boolean; result: Promise<Result> } };

/**
 * Readiness: the database answers, the active dataset has a cube, and no checked version failed
 * its checksum. At most one check runs at a time and its result is shared for HEALTH_REUSE_MS; on
 * Postgres it runs on a connection of its own (db-probe.ts), never the app's pool. Public: the
 * database is named by kind only; the cause of a failure (with host and port) goes to the logs.
 */
export function getHealth(): Promise<Result> {
  const last = g.__health;
  // A running check is shared; a finished one is reused for HEALTH_REUSE_MS after it finished.
  if (last && (!last.settled || performance.now() - last.at < HEALTH_REUSE_MS)) return last.result;
  const entry = { at: performance.now(), settled: false, result: check() };
  g.__health = entry;
  void entry.result.then(() => {
    entry.settled = true;
    entry.at = performance.now();
  });
  return entry.result;
}

const factCounts = new Map<string, number>();

async function check(): Promise<Result> {
  let kind: "postgres" | "pglite" = "postgres";
  let query: <T>(sql: string, params?: unknown[]) => Promise<T[]>;
  try {
    const url = getEnv().DATABASE_URL;
    if (url) query = (sql, params = []) => healthQuery(url, sql, params, HEALTH_BUDGET_MS);
    else {
      const { prisma } = getDb();
      kind = "pglite";
      query = (sql, params = []) => prisma.$queryRawUnsafe(sql, ...params);
    }
  } catch (error) {
    return { health: down(kind, error), cause: error };
  }
  const started = performance.now();
  try {
    return await withTimeout(
      (async (): Promise<Result> => {
        await query("SELECT 1");
        const latencyMs = Math.round((performance.now() - started) * 10) / 10;
        const [ds] = await query<{ id: string; title: string; version: number }>(ACTIVE_DATASET);
        // Versions are immutable: the cell count of a version's cube is read once.
        let facts = ds ? factCounts.get(ds.id) : 0;
        if (ds && facts === undefined) {
          const [row] = await query<{ n: number | null }>(
            `SELECT c.cells AS n FROM "Dataset" d LEFT JOIN "Cube" c ON c.hash = d."cubeHash" WHERE d.id = $1`,
            [ds.id],
          );
          facts = row?.n ?? 0;
          factCounts.set(ds.id, facts);
        }
        // Started at server start (instrumentation.ts); again only when a version appeared since.
        if (ds && !checked(ds.id)) void verifyInBackground();
        const integrity = integrityReport();
        const health: Health = {
          ok: !!ds && (facts ?? 0) > 0 && integrity.tampered.length === 0,
          database: { kind, reachable: true, latencyMs },
          dataset: ds ? { id: ds.id, title: ds.title, version: ds.version, facts: facts ?? 0 } : null,
          integrity,
          store: { kind: kind === "postgres" ? "postgres" : "memory" },
          ...(kind === "postgres" && getDb().replicas.length ? { replicas: await replicaReport() } : {}),
        };
        return { health };
      })(),
      HEALTH_BUDGET_MS,
      "health check",
    );
  } catch (error) {
    return { health: down(kind, error), cause: error };
  }
}

/** Asks each replica whether it answers as a replica; one that does is used for reads again at once. */
async function replicaReport(): Promise<NonNullable<Health["replicas"]>> {
  const { reader, replicas } = getDb();
  let reachable = 0;
  await Promise.all(
    replicas.map(async (state) => {
      try {
        // With one replica, $replica() is it; with several, a random one per check (enough for a count).
        await withTimeout(reader.$replica().$queryRawUnsafe("SELECT 1"), 1_000, "replica check");
        reachable++;
        if (replicas.length === 1) state.downUntil = 0;
      } catch {
        // Counted as not reachable; reads keep going to the primary.
      }
    }),
  );
  return {
    configured: replicas.length,
    reachable,
    reads: replicas.reduce((n, r) => n + r.served, 0),
    readsOnPrimary: replicas.reduce((n, r) => n + r.fellBack, 0),
  };
}

/**
 * The version pages show unpinned: the active version (by the activation log, with the rule
 * queries.ts uses everywhere) of the primary data set, the first key loaded; none without one.
 */
const ACTIVE_DATASET = `
  WITH prim AS (SELECT key FROM "Dataset" WHERE "sealedAt" IS NOT NULL ORDER BY "createdAt" LIMIT 1),
  active AS (${ACTIVE_VERSIONS_SQL})
  SELECT d.id, d.title, d.version FROM "Dataset" d JOIN active a ON a."datasetId" = d.id
  WHERE d.key = (SELECT key FROM prim) AND d."sealedAt" IS NOT NULL`;

function down(kind: "postgres" | "pglite", error: unknown): Health {
  const reason = describeDbError(error);
  // Strip "Postgres at host:port/db" and similar: public answers name no host or port.
  const publicReason = reason
    .replace(/\s*\(?(Postgres at|embedded PGlite at) [^\s:)]+(:\d+)?[^\s:)]*\)?/g, " the database")
    .replace(/\s+/g, " ")
    .trim();
  return { ok: false, database: { kind, reachable: false, latencyMs: null, error: publicReason }, dataset: null };
}

/** The readiness route: 200 with the report when healthy, 503 (with the request id) when not. */
export function healthResponse(name: string) {
  return route(name, async (_request, { requestId }) => {
    // Set by scripts/server.mjs on SIGTERM: the load balancer stops sending new requests while
    // the ones in flight finish.
    if ((globalThis as unknown as { __marketDraining?: boolean }).__marketDraining)
      return Response.json(
        { ok: false, draining: true, requestId },
        { status: 503, headers: { "Cache-Control": "no-store" } },
      );
    const { health, cause } = await getHealth();
    if (!health.ok)
      log.warn(
        { route: name, requestId, status: 503, cause: cause ? describeDbError(cause) : health.database.error },
        "health: down",
      );
    return Response.json(
      { ...health, ...(health.ok ? {} : { requestId }) },
      { status: health.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
    );
  });
}
