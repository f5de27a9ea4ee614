import "server-only";
import { describeDbError, getDb, withTimeout } from "./db";
import { HttpProblem } from "./http";
import { checkVersions } from "./integrity";
import { getDataset } from "./queries";

export interface Health {
  ok: boolean;
  database: { kind: "postgres" | "pglite"; reachable: boolean; latencyMs: number | null; error?: string };
  dataset: { id: string; title: string; version: number; facts: number } | null;
  /** Versions whose stored content no longer matches the checksum sealed at load: never served. */
  integrity?: { versions: number; tampered: string[]; unsealed: string[] };
}

/** The whole check answers within this time, even when the database hangs (then: down). */
export const HEALTH_BUDGET_MS = 1_500;

/**
 * Reachability, the active dataset and its size. Public: the database is named by kind only; the
 * cause of a failure (with host and port) goes to the logs, via the caller.
 */
export async function getHealth(): Promise<{ health: Health; cause?: unknown }> {
  let handle: ReturnType<typeof getDb>;
  try {
    handle = getDb();
  } catch (error) {
    return { health: down("postgres", error), cause: error };
  }
  const started = performance.now();
  try {
    return await withTimeout(
      (async () => {
        await handle.prisma.$queryRawUnsafe("SELECT 1");
        const latencyMs = Math.round((performance.now() - started) * 10) / 10;
        const checks = await checkVersions();
        const tampered = checks.filter((c) => c.sealed && !c.intact).map((c) => c.id);
        const unsealed = checks.filter((c) => !c.sealed).map((c) => c.id);
        const ds = await getDataset().catch((e: unknown) => {
          if (e instanceof HttpProblem) return null;
          throw e;
        });
        const facts = ds ? await handle.prisma.fact.count({ where: { datasetId: ds.id } }) : 0;
        const health: Health = {
          ok: ds !== null && facts > 0 && tampered.length === 0,
          database: { kind: handle.kind, reachable: true, latencyMs },
          dataset: ds ? { id: ds.id, title: ds.title, version: ds.version, facts } : null,
          integrity: { versions: checks.length, tampered, unsealed },
        };
        return { health };
      })(),
      HEALTH_BUDGET_MS,
      "health check",
    );
  } catch (error) {
    return { health: down(handle.kind, error), cause: error };
  }
}

function down(kind: "postgres" | "pglite", error: unknown): Health {
  const reason = describeDbError(error);
  // Strip "Postgres at host:port/db" and similar: public answers name no host or port.
  const publicReason = reason
    .replace(/\s*\(?(Postgres at|embedded PGlite at) [^\s:)]+(:\d+)?[^\s:)]*\)?/g, " the database")
    .replace(/\s+/g, " ")
    .trim();
  return { ok: false, database: { kind, reachable: false, latencyMs: null, error: publicReason }, dataset: null };
}
