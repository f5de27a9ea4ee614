/**
 * Health on a real Postgres: liveness touches no database; readiness answers while the app's pool
 * is full (it has a connection of its own), many concurrent checks cost one connection, and no
 * health check re-hashes stored versions (each is checked once per process, in the background).
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresDatabase } from "../support/databases";

type Get = (request: Request) => Promise<Response>;
let db: { url: string; drop: () => Promise<void> };
let ready: Get;
let live: Get;
let admin: pg.Client;
let mods: {
  db: typeof import("@/lib/server/db");
  integrity: typeof import("@/lib/server/integrity");
};

beforeAll(async () => {
  db = await createPostgresDatabase("market_health");
  const name = new URL(db.url).pathname.slice(1);
  admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  // Counts calls of the checksum function in every later session of this database.
  await admin.query(`ALTER DATABASE "${name}" SET track_functions = 'all'`);
  process.env.DATABASE_URL = db.url;
  const setup = await import("@/lib/server/admin/setup");
  await setup.migrate();
  await setup.seed();
  mods = { db: await import("@/lib/server/db"), integrity: await import("@/lib/server/integrity") };
  ({ GET: ready } = (await import("@/app/api/health/ready/route")) as unknown as { GET: Get });
  ({ GET: live } = (await import("@/app/api/health/live/route")) as unknown as { GET: Get });
});

afterAll(async () => {
  await admin?.end();
  await mods?.db.closeDb();
  await db?.drop();
});

const request = (path: string) => new Request(`http://localhost${path}`);

async function sleepers(): Promise<number> {
  const { rows } = await admin.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE '%FROM pg_sleep(8)'`,
  );
  return rows[0].n;
}

async function checksumCalls(): Promise<number> {
  await admin.query("SELECT pg_stat_clear_snapshot()");
  const { rows } = await admin.query<{ calls: string }>(
    `SELECT coalesce(sum(calls), 0) AS calls FROM pg_stat_user_functions WHERE funcname = 'dataset_content_checksum'`,
  );
  return Number(rows[0].calls);
}

describe("health", () => {
  it("live answers without the database", async () => {
    const res = await live(request("/api/health/live"));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it("ready reports the active dataset and, once the background check ran, every version intact", async () => {
    await mods.integrity.verifyInBackground();
    const res = await ready(request("/api/health/ready"));
    const body = (await res.json()) as {
      ok: boolean;
      dataset: { facts: number };
      integrity: { checked: number; tampered: string[] };
    };
    expect(res.status).toBe(200);
    expect(body.ok).toBe(true);
    expect(body.dataset.facts).toBeGreaterThan(0);
    expect(body.integrity.checked).toBeGreaterThan(0);
    expect(body.integrity.tampered).toEqual([]);
  });

  it("ready answers 200 within its budget while every connection of the app's pool is busy", async () => {
    const { prisma } = mods.db.getDb();
    const busy = Array.from({ length: 10 }, () =>
      // then(): a Prisma query runs only once awaited.
      prisma.$queryRawUnsafe("SELECT 1 AS one FROM pg_sleep(8)").then(() => undefined),
    );
    for (let i = 0; i < 50 && (await sleepers()) < 10; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await sleepers()).toBe(10);
    await new Promise((r) => setTimeout(r, 1_100)); // past the reuse time of the last result
    const started = performance.now();
    const res = await ready(request("/api/health/ready"));
    const ms = performance.now() - started;
    expect(res.status).toBe(200);
    expect(ms).toBeLessThan(1_500);
    await Promise.all(busy);
  });

  it("20 concurrent checks share one connection and hash no version", async () => {
    await new Promise((r) => setTimeout(r, 1_500)); // function statistics are flushed about once a second
    const before = await checksumCalls();
    const answers = await Promise.all(Array.from({ length: 20 }, () => ready(request("/api/health/ready"))));
    expect(answers.map((r) => r.status)).toEqual(Array(20).fill(200));
    const { rows } = await admin.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'market-health'`,
    );
    expect(rows[0].n).toBeLessThanOrEqual(1);
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 1_100));
      await ready(request("/api/health/ready"));
    }
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await checksumCalls()).toBe(before);
  });
});
