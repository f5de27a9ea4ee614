import "server-only";
import { describeDbError, getDb } from "./db";
import { getDataset } from "./queries";

export interface Health {
  ok: boolean;
  database: { kind: "postgres" | "pglite"; location: string; reachable: boolean; latencyMs: number | null; error?: string };
  dataset: { id: string; title: string; version: number; facts: number } | null;
}

export async function getHealth(): Promise<Health> {
  let handle: ReturnType<typeof getDb>;
  try {
    handle = getDb();
  } catch (error) {
    return { ok: false, database: { kind: "postgres", location: "-", reachable: false, latencyMs: null, error: describeDbError(error) }, dataset: null };
  }
  const started = performance.now();
  try {
    await handle.prisma.$queryRawUnsafe("SELECT 1");
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    const ds = await getDataset();
    const facts = ds ? await handle.prisma.fact.count({ where: { datasetId: ds.id } }) : 0;
    return {
      ok: ds !== null,
      database: { kind: handle.kind, location: handle.location, reachable: true, latencyMs },
      dataset: ds ? { id: ds.id, title: ds.title, version: ds.version, facts } : null,
    };
  } catch (error) {
    return {
      ok: false,
      database: { kind: handle.kind, location: handle.location, reachable: false, latencyMs: null, error: describeDbError(error) },
      dataset: null,
    };
  }
}
