/**
 * `npm run bench:health`: what health checks cost the app. On a throwaway Postgres database with a
 * large extra version (the default data set plus `--vendors N` new vendors, default 500 ≈ 850k
 * facts, imported as in bench:import), the built app (scripts/e2e-server.mjs) takes 20 connections
 * of /api/health/ready for ~8 s (autocannon) while /api/v1/series is timed one request at a time.
 * Prints the health figures and the series latency before and during that load; asserts nothing.
 * Needs a build (npm run build).
 */
import { spawn } from "node:child_process";
import path from "node:path";
// @ts-expect-error: autocannon ships no types
import autocannon from "autocannon";
import { createPostgresDatabase } from "../tests/support/databases";
import { median, quantile } from "./bench-support";

const vendors = Number(process.argv[process.argv.indexOf("--vendors") + 1]) || 500;
const port = Number(process.env.BENCH_PORT ?? 3560);
const base = `http://127.0.0.1:${port}`;
const SERIES = `${base}/api/v1/series?by=vendor&from=2021&to=2032`;

async function importLargeVersion(): Promise<number> {
  const setup = await import("@/lib/server/admin/setup");
  const { getDataset } = await import("@/lib/server/queries");
  const { getDatasetTables } = await import("@/lib/server/dataset-tables");
  const { tablesToCsv } = await import("@/lib/import/export");
  const { stageImport, commitImport } = await import("@/lib/server/imports");
  const { getDb, closeDb } = await import("@/lib/server/db");
  await setup.migrate();
  await setup.seed();
  const tables = (await getDatasetTables((await getDataset())!.id))!;
  // As bench:import: the new vendors take 0.5% of each year's vendor split.
  const out = tablesToCsv(tables)
    .trimEnd()
    .split("\n")
    .map((line) => {
      const [table, member, year, value, basis] = line.split(",");
      return table !== "vendor" || year === "year"
        ? line
        : [table, member, year, String(Number(value) * 0.995), basis].join(",");
    });
  for (let k = 0; k < vendors; k++)
    for (let y = tables.firstYear; y <= tables.lastYear; y++) {
      const total = tables.values.get(`total|total|${y}`)!.value;
      out.push(`vendor,Bench Vendor ${k + 1},${y},${String((total * 0.005) / vendors)},published`);
    }
  const staged = await stageImport({
    bytes: new TextEncoder().encode(out.join("\n") + "\n"),
    fileName: "bench.csv",
    actor: "bench",
  });
  if (!staged.ok) throw new Error(staged.message);
  const committed = await commitImport(staged.value.id, "bench");
  if (!committed.ok) throw new Error(committed.message);
  const stored = await getDb().prisma.dataset.findUniqueOrThrow({
    where: { id: committed.value.id },
    select: { cube: { select: { cells: true } } },
  });
  const facts = stored.cube?.cells ?? 0;
  await closeDb();
  return facts;
}

async function waitFor(url: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Times /api/v1/series one request at a time until `until` resolves (or for `ms`). */
async function timeSeries(stop: { done: boolean }): Promise<{ ms: number[]; statuses: Map<number, number> }> {
  const ms: number[] = [];
  const statuses = new Map<number, number>();
  while (!stop.done) {
    const t = performance.now();
    const res = await fetch(SERIES);
    await res.arrayBuffer();
    ms.push(performance.now() - t);
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  }
  return { ms, statuses };
}

interface Cannon {
  requests: { total: number; average: number };
  latency: { p50: number; p99: number; max: number };
  "2xx": number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

const fmt = (v: number[]) =>
  `p50 ${median(v).toFixed(1)} ms, p95 ${quantile(v, 0.95).toFixed(1)} ms, max ${Math.max(...v).toFixed(1)} ms (n=${v.length})`;

async function main() {
  const db = await createPostgresDatabase("market_bench_health");
  process.env.DATABASE_URL = db.url;
  let server: ReturnType<typeof spawn> | undefined;
  try {
    const t = performance.now();
    const facts = await importLargeVersion();
    console.log(
      `large version: ${facts} facts (${vendors} new vendors), imported in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    server = spawn(process.execPath, [path.join("scripts", "e2e-server.mjs"), String(port)], {
      env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: "warn" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    await waitFor(`${base}/api/health/live`, 180_000);
    await waitFor(`${base}/api/health/ready`, 60_000);
    await fetch(SERIES).then((r) => r.arrayBuffer());

    const idle = { done: false };
    const idleRun = timeSeries(idle);
    await new Promise((r) => setTimeout(r, 3_000));
    idle.done = true;
    const before = await idleRun;

    const load = { done: false };
    const loadRun = timeSeries(load);
    const health: Cannon = await autocannon({ url: `${base}/api/health/ready`, connections: 20, duration: 8 });
    load.done = true;
    const during = await loadRun;

    console.log(`\n/api/health/ready, 20 connections for 8 s (autocannon):`);
    console.log(
      `  ${health.requests.total} requests (${health.requests.average.toFixed(0)}/s), 2xx ${health["2xx"]}, non-2xx ${health.non2xx}, errors ${health.errors}, timeouts ${health.timeouts}`,
    );
    console.log(`  latency p50 ${health.latency.p50} ms, p99 ${health.latency.p99} ms, max ${health.latency.max} ms`);
    console.log(`\n/api/v1/series?by=vendor, one request at a time:`);
    console.log(`  idle:             ${fmt(before.ms)}  statuses ${JSON.stringify([...before.statuses])}`);
    console.log(`  during the load:  ${fmt(during.ms)}  statuses ${JSON.stringify([...during.statuses])}`);
  } finally {
    if (server) {
      server.kill("SIGTERM");
      await new Promise((r) => server!.once("exit", r));
    }
    await db.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
