/**
 * The scale-out topology, really run (scripts/cluster.mjs): a Postgres primary and a streaming
 * replica from Debian's binaries, two app instances of the production build, HAProxy with health
 * checks. Needs `npm run build` first; `npm test` runs it after the browser tests
 * (`npm run test:cluster`). Waits are generous and every failure names what was expected.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCluster } from "../../scripts/cluster.mjs";

type Cluster = Awaited<ReturnType<typeof startCluster>>;

const PORT = Number(process.env.CLUSTER_TEST_PORT || 3570);
const PG_PORT = Number(process.env.CLUSTER_TEST_PG_PORT || 55470);
const ADMIN = { email: "cluster-admin@example.com", password: "cluster-admin-password" };
const FORECAST_POINTS = 8;

let cluster: Cluster;
let A: string;
let B: string;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  cluster = await startCluster({
    port: PORT,
    pgPort: PG_PORT,
    env: {
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      FORECAST_RATE_POINTS: String(FORECAST_POINTS),
      FORECAST_RATE_WINDOW_S: "600",
      // Time to see the stopping instance's ready turn 503 before it stops accepting connections.
      DRAIN_GRACE_MS: "3000",
      // Every commit answers 202 at once: the other instance is asked how it goes.
      COMMIT_WAIT_MS: "0",
    },
    say: (line) => console.log(`cluster: ${line}`),
  });
  A = cluster.instances[0].url;
  B = cluster.instances[1].url;
}, 600_000);

afterAll(async () => {
  await cluster?.stop();
}, 120_000);

/** Signs in on one instance; returns the session cookie (valid on every instance: one secret). */
async function signIn(base: string, who = ADMIN, address = "192.0.2.1"): Promise<string> {
  const r = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: cluster.url, "x-forwarded-for": address },
    body: JSON.stringify(who),
  });
  expect(r.status, `sign-in on ${base}: ${await r.clone().text()}`).toBe(200);
  const cookies = r.headers.getSetCookie().map((c) => c.split(";")[0]);
  expect(cookies.length, "the sign-in answer sets a session cookie").toBeGreaterThan(0);
  return cookies.join("; ");
}

/**
 * The version an instance serves unpinned, as every page's header names it ("Dataset <id> (vN,
 * active)"), read from the instance's in-memory list of versions.
 */
async function activeId(base: string): Promise<string | undefined> {
  const r = await fetch(`${base}/sign-in`);
  if (r.status !== 200) throw new Error(`GET ${base}/sign-in answered ${r.status}`);
  return /Dataset <span class="font-mono">([^<]+)<\/span>/.exec(await r.text())?.[1];
}

/**
 * Polls `base` until its active version is `id`. Returns how long after `since` the first request
 * that got `id` was sent (the instance served the new version to requests arriving from then on; a
 * slow page render on a loaded machine does not count against it), or null after 10 s.
 */
async function seenAfter(base: string, id: string, since: number): Promise<number | null> {
  while (performance.now() - since < 10_000) {
    const sent = performance.now();
    if ((await activeId(base)) === id) {
      const ms = sent - since;
      const answered = performance.now() - since;
      console.log(
        `${base} served ${id} to a request sent ${Math.round(ms)} ms after the change (answered at ${Math.round(answered)} ms)`,
      );
      return ms;
    }
    await sleep(20);
  }
  return null;
}

interface Ready {
  ok: boolean;
  replicas?: { configured: number; reachable: number; reads: number; readsOnPrimary: number };
}
/** Polls an instance's ready report (reused by the instance for a second) until `check` holds; the last report. */
async function readyUntil(base: string, check: (r: Ready) => boolean, ms = 10_000): Promise<Ready> {
  let last: Ready = { ok: false };
  for (const until = Date.now() + ms; Date.now() < until; await sleep(200)) {
    last = (await (await fetch(`${base}/api/health/ready`)).json()) as Ready;
    if (check(last)) break;
  }
  return last;
}

describe("the topology: two instances behind HAProxy, a primary and a streaming replica", () => {
  it("reads of dataset versions reach the replica: pg_is_in_recovery() through $replica()", async () => {
    process.env.DATABASE_URL = cluster.primaryUrl;
    process.env.DATABASE_REPLICA_URLS = cluster.replicaUrl;
    const { getDb, closeDb } = await import("@/lib/server/db");
    try {
      const db = getDb();
      const [onReplica] = await db.reader
        .$replica()
        .$queryRawUnsafe<{ r: boolean }[]>("SELECT pg_is_in_recovery() AS r");
      expect(onReplica.r, "$replica() reaches a server in recovery (the replica)").toBe(true);
      const [onPrimary] = await db.prisma.$queryRawUnsafe<{ r: boolean }[]>("SELECT pg_is_in_recovery() AS r");
      expect(onPrimary.r, "the primary client reaches the primary").toBe(false);
      // Model reads go to the replica through the extension, and find the seeded versions there.
      const before = db.replicas[0].served;
      const versions = await db.reader.dataset.findMany({ select: { id: true } });
      expect(versions.length).toBeGreaterThan(0);
      expect(db.replicas[0].served, "a model read went to the replica").toBe(before + 1);
    } finally {
      await closeDb();
    }
    // Each instance reports its replica as answering, and reads the dashboard's data from it.
    for (const base of [A, B]) {
      expect((await fetch(`${base}/api/v1/cube`)).status).toBe(200);
      const ready = await readyUntil(base, (r) => r.ok && (r.replicas?.reads ?? 0) > 0);
      expect(ready.ok).toBe(true);
      expect(ready.replicas, `${base} reports its replica`).toMatchObject({ configured: 1, reachable: 1 });
      expect(ready.replicas!.reads, `${base} read from its replica`).toBeGreaterThan(0);
    }
  });

  it("an import committed through instance A is served by instance B on its next request; so is the rollback", async () => {
    const cookie = await signIn(A);
    const oldId = await activeId(A);
    expect(oldId, "a version is active after setup").toBeTruthy();
    expect(await activeId(B)).toBe(oldId);

    // The active version as an import file, with one year of one vendor moved to "Others": a
    // change whose breakdowns still add up.
    const csv = await (await fetch(`${A}/api/v1/datasets/${oldId}/export?format=csv`)).text();
    const changed = moveVendorValue(csv);
    const form = new FormData();
    form.set("file", new File([changed], "cluster-change.csv", { type: "text/csv" }));
    const staged = await fetch(`${A}/api/v1/imports`, {
      method: "POST",
      headers: { cookie, origin: cluster.url },
      body: form,
    });
    const preview = (await staged.json()) as { id?: string };
    expect(staged.status, JSON.stringify(preview).slice(0, 500)).toBe(201);
    const commit = await fetch(`${A}/api/v1/imports/${preview.id}/commit`, {
      method: "POST",
      headers: { cookie, origin: cluster.url },
    });
    const job = (await commit.json()) as { job?: { status: string }; poll?: string };
    expect(commit.status, JSON.stringify(job).slice(0, 500)).toBe(202);
    expect(job.job?.status).toBe("running");
    // Instance B, which does not run the job, follows it from the database until it is committed.
    let state: { job?: { status: string; message?: string }; dataset?: { id: string } } = {};
    for (const until = Date.now() + 120_000; Date.now() < until; await sleep(100)) {
      state = await (await fetch(`${B}${job.poll}`, { headers: { cookie } })).json();
      if (state.job?.status !== "running") break;
    }
    const committedAt = performance.now();
    expect(state.job?.status, `instance B reports the commit: ${JSON.stringify(state).slice(0, 500)}`).toBe(
      "committed",
    );
    const newId = state.dataset!.id;
    expect(newId).not.toBe(oldId);

    // The very next request: B reads the activation log on every request (no timer, no announcement).
    expect(await activeId(B), "instance B's next request serves the committed version").toBe(newId);
    const importDelay = await seenAfter(B, newId, committedAt);
    expect(importDelay, "instance B serves the committed version").not.toBeNull();
    // And its dashboard data: the cube of the new version (computed by B on first request).
    let cube: string | undefined;
    for (const until = Date.now() + 30_000; Date.now() < until && cube !== newId; await sleep(100))
      cube = ((await (await fetch(`${B}/api/v1/cube`)).json()) as { datasetId?: string }).datasetId;
    expect(cube, "instance B's dashboard data is of the new version").toBe(newId);

    const rollback = await fetch(`${A}/api/v1/datasets/${oldId}/activate`, {
      method: "POST",
      headers: { cookie, origin: cluster.url },
    });
    const rolledBackAt = performance.now();
    expect(rollback.status, await rollback.text()).toBeLessThan(300);
    expect(await activeId(B), "instance B's next request serves the rolled-back version").toBe(oldId);
    const rollbackDelay = await seenAfter(B, oldId!, rolledBackAt);
    expect(rollbackDelay, "instance B serves the rolled-back version").not.toBeNull();
  });

  it("a burst from one address is limited at the same total whichever instance it reaches", async () => {
    const burst = async (target: (i: number) => string, headers: Record<string, string>) => {
      const statuses: number[] = [];
      for (let i = 0; i < FORECAST_POINTS * 2; i++) {
        const r = await fetch(`${target(i)}/api/v1/forecast`, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: "{}",
        });
        await r.arrayBuffer();
        statuses.push(r.status);
      }
      return statuses;
    };
    // Straight to the instances, alternately, as one client behind the proxy they trust.
    const direct = await burst((i) => (i % 2 ? B : A), { "x-forwarded-for": "203.0.113.7" });
    expect(direct.filter((s) => s !== 429).length, `statuses: ${direct.join(" ")}`).toBe(FORECAST_POINTS);
    expect(
      direct.slice(FORECAST_POINTS).every((s) => s === 429),
      `statuses: ${direct.join(" ")}`,
    ).toBe(true);
    // Through HAProxy (round robin over both): this test's own address counts, a forged
    // X-Forwarded-For changes nothing.
    const proxied = await burst(() => cluster.url, { "x-forwarded-for": "198.51.100.99" });
    expect(proxied.filter((s) => s !== 429).length, `statuses: ${proxied.join(" ")}`).toBe(FORECAST_POINTS);
  });

  it("sign-in throttling holds across instances", async () => {
    const address = "203.0.113.50";
    const attempt = async (base: string, password: string) => {
      const r = await fetch(`${base}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: cluster.url, "x-forwarded-for": address },
        body: JSON.stringify({ email: ADMIN.email, password }),
      });
      await r.arrayBuffer();
      return r.status;
    };
    const statuses: number[] = [];
    // Five wrong passwords, alternating between the instances: the pair's limit.
    for (let i = 0; i < 5; i++) statuses.push(await attempt(i % 2 ? B : A, `wrong-password-${i}`));
    expect(statuses, "five wrong passwords are refused as such").toEqual([401, 401, 401, 401, 401]);
    // The sixth, on either instance, is throttled, even with the right password.
    expect(await attempt(B, "wrong-password-5")).toBe(429);
    expect(await attempt(A, ADMIN.password)).toBe(429);
    // From another address the right password still signs in.
    await signIn(B, ADMIN, "203.0.113.51");
  });

  it("killing one instance under load (SIGTERM, then SIGKILL) loses no request through HAProxy", async () => {
    const failures: string[] = [];
    let served = 0;
    let running = true;
    const paths = ["/api/v1/datasets", "/api/health/live", "/api/v1/cube"];
    const worker = async (n: number) => {
      for (let i = n; running; i++) {
        const path = paths[i % paths.length];
        try {
          const r = await fetch(`${cluster.url}${path}`, { signal: AbortSignal.timeout(20_000) });
          await r.arrayBuffer();
          if (r.status >= 500) failures.push(`${path}: ${r.status}`);
          else served++;
        } catch (error) {
          failures.push(`${path}: ${(error as Error).message}`);
        }
      }
    };
    const workers = Array.from({ length: 8 }, (_, n) => worker(n));
    const victim = cluster.instances[0];
    let ready = { status: 0, draining: false };
    let exited = false;
    try {
      await sleep(2_000);
      // An orchestrator's stop: SIGTERM, and SIGKILL if it has not exited within 20 s.
      const exiting = victim.signal("SIGTERM", 20_000);
      // Within the 3 s grace it still answers: ready says 503, draining (a signal is handled within ms).
      for (const until = Date.now() + 2_500; Date.now() < until && ready.status !== 503; await sleep(50)) {
        try {
          const r = await fetch(`${victim.url}/api/health/ready`);
          ready = { status: r.status, draining: ((await r.json()) as { draining?: boolean }).draining === true };
        } catch {
          // no longer accepting: the assertion below says so
        }
      }
      exited = await exiting;
      if (!exited) await victim.signal("SIGKILL", 5_000);
      await sleep(2_000);
    } finally {
      running = false;
      await Promise.all(workers);
      // Back in rotation for what follows, whatever is found below.
      victim.start();
      await waitReady(victim.url);
    }
    expect(ready, "ready answers 503 (draining) once SIGTERM arrives").toEqual({ status: 503, draining: true });
    expect(exited, "the instance exited on SIGTERM within its 15 s drain").toBe(true);
    expect(failures, `${failures.length} failed of ${served + failures.length}`).toEqual([]);
    expect(served).toBeGreaterThan(50);
  });

  it("with the replica stopped, reads go to the primary with no 5xx", async () => {
    cluster.stopReplica();
    // A fresh instance holds nothing in memory: every read of a version goes to the database.
    const b = cluster.instances[1];
    await b.stop();
    b.start();
    await waitReady(b.url);
    // The data first, then the page (a fresh instance's first page computes them), on both
    // instances (a restarted one too), then through HAProxy.
    const paths = ["/api/v1/datasets", "/api/v1/cube", "/api/v1/series?by=region", "/"];
    for (const base of [b.url, cluster.instances[0].url, cluster.url, cluster.url])
      for (const path of paths) {
        const r = await fetch(`${base}${path}`);
        await r.arrayBuffer();
        expect(r.status, `${base}${path}`).toBeLessThan(500);
      }
    const health = await readyUntil(b.url, (r) => r.replicas?.reachable === 0 && (r.replicas?.readsOnPrimary ?? 0) > 0);
    expect(health.ok, "the instance stays ready without its replica").toBe(true);
    expect(health.replicas).toMatchObject({ configured: 1, reachable: 0 });
    expect(health.replicas!.readsOnPrimary, "reads meant for the replica went to the primary").toBeGreaterThan(0);

    // At the client: a model read still answers, from the primary.
    process.env.DATABASE_URL = cluster.primaryUrl;
    process.env.DATABASE_REPLICA_URLS = cluster.replicaUrl;
    const { getDb, closeDb } = await import("@/lib/server/db");
    try {
      const db = getDb();
      const rows = await db.reader.dataset.findMany({ select: { id: true } });
      expect(rows.length).toBeGreaterThan(0);
      expect(db.replicas[0].fellBack, "the read went to the primary").toBeGreaterThan(0);
    } finally {
      await closeDb();
    }
  });
});

async function waitReady(url: string) {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    try {
      const r = await fetch(`${url}/api/health/ready`);
      await r.arrayBuffer();
      if (r.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${url} was not ready within 120 s`);
}

/**
 * Moves 1 (US$ M) of the first named vendor's 2023 figure to "Others": the total and every other
 * breakdown stay the same, so the file imports as a one-change version.
 */
function moveVendorValue(csv: string): string {
  const lines = csv.split("\n");
  const header = lines[0].split(",");
  const col = (name: string) => header.indexOf(name);
  const [t, m, y, v] = ["table", "member", "year", "value"].map(col);
  if ([t, m, y, v].some((i) => i < 0)) throw new Error(`unexpected export header: ${lines[0]}`);
  const find = (pred: (cells: string[]) => boolean) => lines.findIndex((l, i) => i > 0 && pred(l.split(",")));
  const named = find((c) => c[t] === "vendor" && c[y] === "2023" && !/^others$/i.test(c[m]));
  const others = find((c) => c[t] === "vendor" && c[y] === "2023" && /^others$/i.test(c[m]));
  if (named < 0 || others < 0) throw new Error("the export has no 2023 vendor rows to move a value between");
  const shift = (i: number, by: number) => {
    const cells = lines[i].split(",");
    cells[v] = String(Math.round((Number(cells[v]) + by) * 1e6) / 1e6);
    lines[i] = cells.join(",");
  };
  shift(named, -1);
  shift(others, +1);
  return lines.join("\n");
}
