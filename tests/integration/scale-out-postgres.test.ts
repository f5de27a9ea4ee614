/**
 * The pieces app instances share, on a real Postgres database: the announcement of version changes
 * (LISTEN/NOTIFY, with its reconnection) and the auth library's limits in the shared store, with the
 * per-process memory limiter taking over when the store does not answer.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresDatabase } from "../support/databases";

let drop: () => Promise<void>;
let url: string;
let mods: {
  db: typeof import("@/lib/server/db");
  setup: typeof import("@/lib/server/admin/setup");
  invalidation: typeof import("@/lib/server/invalidation");
  limits: typeof import("@/lib/server/rate-limit");
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function within(ms: number, what: string, check: () => boolean | Promise<boolean>) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await sleep(20);
  }
  throw new Error(`${what}: not within ${ms} ms`);
}
async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, params)).rows as T[];
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  const db = await createPostgresDatabase("scale_out");
  url = db.url;
  drop = db.drop;
  process.env.DATABASE_URL = url;
  mods = {
    db: await import("@/lib/server/db"),
    setup: await import("@/lib/server/admin/setup"),
    invalidation: await import("@/lib/server/invalidation"),
    limits: await import("@/lib/server/rate-limit"),
  };
  await mods.setup.migrate();
  await mods.setup.seed();
});

afterAll(async () => {
  await mods?.invalidation.stopVersionListener();
  await mods?.db.closeDb();
  await drop?.();
});

describe("version changes announced to every instance", () => {
  it("an activation committed by another connection reaches the listener within a second; a lost connection is re-made", async () => {
    let changes = 0;
    mods.invalidation.startVersionListener(() => changes++);
    await within(10_000, "the listener connects", () => mods.invalidation.versionListenerUp());
    const afterConnect = changes;
    expect(afterConnect, "connecting forgets the list once (announcements may have been missed)").toBe(1);

    // Another instance activates a version: a plain INSERT into the log, on its own connection.
    const [ds] = await sql<{ id: string; key: string }>(`SELECT id, key FROM "Dataset" LIMIT 1`);
    const started = Date.now();
    await sql(`INSERT INTO "Activation" ("datasetKey", "datasetId", actor) VALUES ($1, $2, 'other instance')`, [
      ds.key,
      ds.id,
    ]);
    await within(1_000, "the activation is announced", () => changes > afterConnect);
    expect(Date.now() - started).toBeLessThan(1_000);

    // The connection dies (a restart of the primary, a network cut): the listener notices, and
    // connects again; the list is forgotten again on reconnecting.
    const beforeCut = changes;
    await sql(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'market-version-listener' AND datname = current_database()`,
    );
    await within(10_000, "the listener connects again", async () => {
      const [row] = await sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'market-version-listener' AND datname = current_database()`,
      );
      return row.n === 1 && mods.invalidation.versionListenerUp() && changes > beforeCut;
    });
    const again = changes;
    await sql(`INSERT INTO "Activation" ("datasetKey", "datasetId", actor) VALUES ($1, $2, 'other instance')`, [
      ds.key,
      ds.id,
    ]);
    await within(1_000, "an activation after reconnecting is announced", () => changes > again);
  });
});

describe("the auth library's limits in the shared store", () => {
  it("counts in the rate_limits table, refuses past the rule's maximum with the seconds to wait", async () => {
    const rule = { window: 60, max: 3 };
    const results = [];
    for (let i = 0; i < 5; i++)
      results.push(await mods.limits.authRateLimitStorage.consume("203.0.113.5/sign-in", rule));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false, false]);
    expect(results[3].retryAfter).toBeGreaterThan(0);
    expect(results[3].retryAfter).toBeLessThanOrEqual(60);
    // The count is the table's, which every instance reads.
    const [row] = await sql<{ points: number }>(`SELECT points FROM rate_limits WHERE key = $1`, [
      "auth-60-3:203.0.113.5/sign-in",
    ]);
    expect(row.points).toBe(5);
  });

  it("with the store gone, the per-process memory limiter still limits and nothing throws", async () => {
    const pool = (globalThis as unknown as { __limitPool?: pg.Pool }).__limitPool;
    expect(pool, "the limits' pool is open").toBeDefined();
    await pool!.end();
    const rule = { window: 60, max: 2 };
    const allowed = [];
    for (let i = 0; i < 4; i++)
      allowed.push((await mods.limits.authRateLimitStorage.consume("198.51.100.8/sign-in", rule)).allowed);
    expect(allowed).toEqual([true, true, false, false]);
  });
});
