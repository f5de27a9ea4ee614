/**
 * The pieces app instances share, on a real Postgres database: which version is active, read from
 * the activation log by every instance on its next request (two instances, each a process of its
 * own with its own pool and list); answers pinned to a version, unchanged by an activation; and the
 * auth library's limits in the shared store, with the per-process memory limiter taking over when
 * the store does not answer.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresDatabase } from "../support/databases";

let drop: () => Promise<void>;
let url: string;
let mods: {
  db: typeof import("@/lib/server/db");
  setup: typeof import("@/lib/server/admin/setup");
  seed: typeof import("@/lib/server/admin/seed");
  data: typeof import("@/prisma/data/default-dataset");
  imports: typeof import("@/lib/server/imports");
  limits: typeof import("@/lib/server/rate-limit");
};
const KEY = "large-scale-ai-models-global";
const V1 = `${KEY}-v1`;
const V2 = `${KEY}-v2`;

async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, params)).rows as T[];
  } finally {
    await c.end();
  }
}

/** An app instance in a process of its own (tests/support/app-instance.ts), asked one thing at a time. */
interface Instance {
  ask<T>(command: Record<string, unknown>): Promise<T>;
  stop(): void;
}
const instances: ChildProcessWithoutNullStreams[] = [];
function startInstance(): Instance {
  const root = path.resolve(__dirname, "../..");
  const child = spawn(
    process.execPath,
    [
      path.join(root, "node_modules/tsx/dist/cli.mjs"),
      "--conditions=react-server",
      path.join(root, "tests/support/app-instance.ts"),
    ],
    { cwd: root, env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "error" } },
  );
  instances.push(child);
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const answers = readline.createInterface({ input: child.stdout });
  const waiting: ((line: string) => void)[] = [];
  answers.on("line", (line) => waiting.shift()?.(line));
  child.on("exit", (code) => {
    for (const w of waiting.splice(0)) w(JSON.stringify({ ok: false, error: `exited ${code}: ${stderr}` }));
  });
  return {
    ask<T>(command: Record<string, unknown>) {
      return new Promise<T>((resolve, reject) => {
        waiting.push((line) => {
          const a = JSON.parse(line) as { ok: boolean; value?: T; error?: string };
          if (a.ok) resolve(a.value as T);
          else reject(new Error(`${JSON.stringify(command)}: ${a.error}`));
        });
        child.stdin.write(`${JSON.stringify(command)}\n`);
      });
    },
    stop: () => child.kill(),
  };
}

beforeAll(async () => {
  const db = await createPostgresDatabase("scale_out");
  url = db.url;
  drop = db.drop;
  process.env.DATABASE_URL = url;
  mods = {
    db: await import("@/lib/server/db"),
    setup: await import("@/lib/server/admin/setup"),
    seed: await import("@/lib/server/admin/seed"),
    data: await import("@/prisma/data/default-dataset"),
    imports: await import("@/lib/server/imports"),
    limits: await import("@/lib/server/rate-limit"),
  };
  await mods.setup.migrate();
  await mods.setup.seed();
  // A second version of the data set (it becomes the active one).
  const def = { ...mods.data.defaultDataset, edition: `${mods.data.defaultDataset.edition} (revised)` };
  expect(await mods.seed.seedDataset(mods.db.getDb().prisma, def)).toMatchObject({ created: true, datasetId: V2 });
});

afterAll(async () => {
  for (const child of instances) child.kill();
  await mods?.db.closeDb();
  await drop?.();
});

describe("which version is active, as every instance reads it", () => {
  it("an activation through one instance is served by another on its very next request, in both directions", async () => {
    const a = startInstance();
    const b = startInstance();
    // Both have read (and hold) the list: V2 is active.
    expect(await a.ask<{ id: string }>({ op: "active" })).toEqual({ id: V2 });
    expect(await b.ask<{ id: string }>({ op: "active" })).toEqual({ id: V2 });
    // No announcement reaches B (instances do not listen for any): only the log, read on its next
    // request. A held list reused for a while (the old 1 s or 5 s) would still answer V2 here.
    expect(await a.ask({ op: "activate", id: V1 })).toMatchObject({ ok: true, value: { id: V1 } });
    expect(await b.ask<{ id: string }>({ op: "active" }), "B's next request").toEqual({ id: V1 });
    expect(await b.ask({ op: "activate", id: V2 })).toMatchObject({ ok: true });
    expect(await a.ask<{ id: string }>({ op: "active" }), "A's next request").toEqual({ id: V2 });
    // Written straight into the log by a third party (a plain INSERT, as another instance would).
    await sql(`INSERT INTO "Activation" ("datasetKey", "datasetId", actor) VALUES ($1, $2, 'other instance')`, [
      KEY,
      V1,
    ]);
    expect(await a.ask<{ id: string }>({ op: "active" })).toEqual({ id: V1 });
    expect(await b.ask<{ id: string }>({ op: "active" })).toEqual({ id: V1 });
    a.stop();
    b.stop();
  });

  it("the log's ids follow commit order: no entry appears below a mark already seen", async () => {
    const b = startInstance();
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      // A long load: its activation is written now and commits later.
      await c.query("BEGIN");
      const [{ id: long }] = (
        await c.query(
          `INSERT INTO "Activation" ("datasetKey", "datasetId", actor) VALUES ($1, $2, 'long load') RETURNING id`,
          ["another-key", V1],
        )
      ).rows as { id: number }[];
      // A quick activation meanwhile waits for that commit instead of taking a later id and
      // committing first (which a reader would see, and then never see the long load's entry below it).
      let quickDone = false;
      const quick = sql<{ id: number }>(
        `INSERT INTO "Activation" ("datasetKey", "datasetId", actor) VALUES ($1, $2, 'quick') RETURNING id`,
        [KEY, V2],
      ).then((rows) => {
        quickDone = true;
        return rows[0].id;
      });
      await new Promise((r) => setTimeout(r, 300));
      expect(quickDone, "the quick activation waits for the long load's commit").toBe(false);
      const before = await b.ask<number>({ op: "mark" });
      expect(before, "the long load's entry is not seen before it commits").toBeLessThan(long);
      await c.query("COMMIT");
      const quickId = await quick;
      expect(quickId, "the quick one, committed second, has the higher id").toBeGreaterThan(long);
      expect(await b.ask<number>({ op: "mark" })).toBe(quickId);
    } finally {
      await c.end();
      b.stop();
    }
  });
});

describe("answers pinned to a version", () => {
  it("keep their body and ETag across an activation, for the series, story and cube routes", async () => {
    const routes = {
      series: (await import("@/app/api/v1/series/route")).GET,
      story: (await import("@/app/api/v1/story/route")).GET,
      cube: (await import("@/app/api/v1/cube/route")).GET,
    };
    const paths = {
      series: `/api/v1/series?by=vendor&from=2024&to=2026&dataset=${V2}`,
      csv: `/api/v1/series?by=sector&format=csv&dataset=${V2}`,
      story: `/api/v1/story?dataset=${V2}`,
      cube: `/api/v1/cube?dataset=${V2}`,
    };
    const get = async (name: keyof typeof paths) => {
      const handler = name === "csv" ? routes.series : routes[name];
      const r = await handler(new Request(`http://test${paths[name]}`));
      expect(r.status, `${name}: ${r.status}`).toBe(200);
      expect(r.headers.get("cache-control"), name).toBe("public, max-age=31536000, immutable");
      return { etag: r.headers.get("etag"), body: await r.text() };
    };
    await mods.imports.activateDataset(V2, "analyst@example.com");
    const whileActive = {
      series: await get("series"),
      csv: await get("csv"),
      story: await get("story"),
      cube: await get("cube"),
    };
    expect(whileActive.series.body).not.toMatch(/"status"/);
    expect(await mods.imports.activateDataset(V1, "analyst@example.com")).toMatchObject({ ok: true });
    for (const name of Object.keys(paths) as (keyof typeof paths)[])
      expect(await get(name), `${name} after V2 was superseded`).toEqual(whileActive[name]);
    // And the unpinned answer of the active version is the pinned one's, byte for byte.
    const unpinned = await routes.series(new Request(`http://test/api/v1/series?by=vendor&from=2024&to=2026`));
    const pinnedV1 = await routes.series(
      new Request(`http://test/api/v1/series?by=vendor&from=2024&to=2026&dataset=${V1}`),
    );
    expect(unpinned.headers.get("cache-control")).toBe("public, no-cache");
    expect(unpinned.headers.get("etag")).toBe(pinnedV1.headers.get("etag"));
    expect(await unpinned.text()).toBe(await pinnedV1.text());
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
