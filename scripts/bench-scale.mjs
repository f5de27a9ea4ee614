// `npm run bench:scale`: a data set version 100 times the default one's cells, loaded through the
// import and served. On a throwaway Postgres database (TEST_DATABASE_URL, default: the local
// server), it seeds the default data set, imports a CSV that adds vendors until the version has
// 100 × 16 = 1,600 (3 types × 9 sectors × 1,600 vendors × 5 regions × 12 years = 2,592,000 cells),
// times its preview and commit (scripts/bench-import.ts --in-place), then starts the production
// build on it and measures:
//   - the first /api/v1/series answer of the new version (its cube read, checked and summed);
//   - /api/v1/series at 10 connections for 10 s, every request a different breakdown or slice
//     (none answered from a cache), p50/p95/p97.5;
//   - the server's resident memory (process tree) after that load.
// Builds nothing (`npm run build` first). Asserts nothing: it prints figures against the targets.
//   npm run bench:scale -- [--vendors 1600] [--connections 10] [--seconds 10] [--port 3450] [--cpu-prof DIR]
import { spawn, spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDatabase, LOCAL_ADMIN_URL } from "./test-postgres.mjs";
import { requireBuild, treeRssMb } from "./bench-app.mjs";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const vendors = Number(arg("vendors", "1600"));
const connections = Number(arg("connections", "10"));
const seconds = Number(arg("seconds", "10"));
const port = Number(arg("port", process.env.BENCH_PORT || "3450"));
const base = `http://127.0.0.1:${port}`;
// --cpu-prof DIR: a V8 CPU profile of the server process (node --cpu-prof) into DIR.
const profileDir = arg("cpu-prof", null);
const TARGETS = { previewS: 2, commitS: 10, p95Ms: 100, rssMb: 1024 };

requireBuild();

const tsx = path.join(root, "node_modules", ".bin", "tsx");
const db = await createDatabase(process.env.TEST_DATABASE_URL || LOCAL_ADMIN_URL, "market_bench_scale");
let server;
try {
  const env = {
    ...process.env,
    DATABASE_URL: db.url,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    LOG_LEVEL: "silent",
    HOSTNAME: "127.0.0.1",
    PORT: String(port),
  };
  const load = spawnSync(
    tsx,
    ["--conditions=react-server", "scripts/bench-import.ts", "--in-place", "--vendors", String(vendors)],
    { cwd: root, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  const line = load.stdout.split("\n").find((l) => l.startsWith("bench-import-result "));
  if (load.status !== 0 || !line) throw new Error(`the import failed:\n${load.stdout}\n${load.stderr}`);
  const imported = JSON.parse(line.slice("bench-import-result ".length));

  const nodeArgs = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(profileDir)}`] : [];
  server = spawn(process.execPath, [...nodeArgs, path.join(root, "scripts", "server.mjs"), String(port), "127.0.0.1"], {
    cwd: root,
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let until = Date.now() + 180_000; ;) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error("the server did not become healthy in time");
    await new Promise((r) => setTimeout(r, 500));
  }
  const rssIdle = treeRssMb(server.pid);
  const t0 = performance.now();
  const first = await fetch(`${base}/api/v1/series?by=vendor&forecast=auto`);
  const firstMs = performance.now() - t0;
  const firstBody = await first.json();
  if (!first.ok || firstBody.dataset.id !== imported.dataset)
    throw new Error(
      `the first answer is not the new version: ${first.status} ${JSON.stringify(firstBody).slice(0, 300)}`,
    );
  const vendorSlugs = firstBody.series.map((s) => s.key);

  // Every request a different query: a breakdown by one dimension within one vendor, sector or
  // region, with or without our forecast, so no answer comes from a cache.
  const paths = [];
  const sectors = ["it-telecom", "healthcare", "bfsi", "retail-ecommerce", "manufacturing"];
  for (const v of vendorSlugs)
    for (const by of ["type", "sector", "region"]) paths.push(`/api/v1/series?by=${by}&vendor=${v}&forecast=auto`);
  for (const s of sectors)
    for (const v of vendorSlugs.slice(0, 400)) paths.push(`/api/v1/series?by=total&sector=${s}&vendor=${v}`);
  for (let i = paths.length - 1; i > 0; i--) {
    const j = Math.floor((((i * 2654435761) % 4294967296) / 4294967296) * (i + 1));
    [paths[i], paths[j]] = [paths[j], paths[i]];
  }
  let next = 0;
  let peak = rssIdle;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRssMb(server.pid))), 250);
  // `connections` clients, each sending its next request when the last one is answered.
  const latencies = [];
  let bad = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        const res = await fetch(`${base}${paths[next++ % paths.length]}`);
        await res.arrayBuffer();
        latencies.push(performance.now() - t);
        if (!res.ok) bad++;
      }
    }),
  );
  clearInterval(sampler);
  const rssAfter = treeRssMb(server.pid);
  peak = Math.max(peak, rssAfter);
  const sent = latencies.length;
  latencies.sort((a, b) => a - b);
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))].toFixed(0);

  const mark = (ok) => (ok ? "met" : "NOT met");
  console.log(
    `Scale bench: a version of ${imported.cells.toLocaleString("en-US")} cells (${vendors} vendors; default 25,920), Postgres; ${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  console.log(`| measure | figure | target |`);
  console.log(`|---|---|---|`);
  console.log(
    `| import of ${imported.rows.toLocaleString("en-US")} rows (${imported.extra} new vendors): preview (median of 3) | ${(imported.previewMs / 1000).toFixed(2)} s | ≤ ${TARGETS.previewS} s: ${mark(imported.previewMs / 1000 <= TARGETS.previewS)} |`,
  );
  console.log(
    `| commit (fit + store) | ${(imported.commitMs / 1000).toFixed(2)} s | ≤ ${TARGETS.commitS} s: ${mark(imported.commitMs / 1000 <= TARGETS.commitS)} |`,
  );
  console.log(`| longest event-loop stall during the commit | ${(imported.stallMs / 1000).toFixed(2)} s | |`);
  console.log(
    `| first /api/v1/series of the version (cube read, checked, summed; forecast) | ${firstMs.toFixed(0)} ms | |`,
  );
  console.log(
    `| /api/v1/series, ${connections} connections × ${seconds} s, ${sent} requests, ${Math.min(sent, paths.length)} distinct: p50 / p95 / p97.5 | ${q(0.5)} / ${q(0.95)} / ${q(0.975)} ms (${(sent / seconds).toFixed(0)} req/s, ${bad} non-2xx) | p95 ≤ ${TARGETS.p95Ms} ms: ${mark(Number(q(0.95)) <= TARGETS.p95Ms)} |`,
  );
  console.log(
    `| server resident memory (process tree): idle / after load / peak | ${rssIdle.toFixed(0)} / ${rssAfter.toFixed(0)} / ${peak.toFixed(0)} MB | ≤ ${TARGETS.rssMb} MB: ${mark(peak <= TARGETS.rssMb)} |`,
  );
  if (sent > paths.length)
    console.log(`(${sent - paths.length} requests repeated a query: raise the list or lower --seconds)`);
} finally {
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
  await db.drop();
}
