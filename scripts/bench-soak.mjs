// Memory under sustained anonymous page views, on a production build and a throwaway Postgres
// database (TEST_DATABASE_URL, default: the local server). Builds nothing: run `npm run build` first.
// It starts the built app the way `npm start` serves it, keeps N connections on one page for the
// given time, samples the server's resident memory (the whole process tree) every few seconds, and
// prints the figures. It asserts nothing.
//   npm run bench:soak -- [--minutes 15] [--connections 10] [--path /explore] [--port 3600]
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { createDatabase, LOCAL_ADMIN_URL } from "./test-postgres.mjs";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const distDir = process.env.NEXT_DIST_DIR || ".next";
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const minutes = Number(arg("minutes", "15"));
const connections = Number(arg("connections", "10"));
const pagePath = arg("path", "/explore");
const port = Number(arg("port", process.env.BENCH_PORT || "3600"));
const base = `http://127.0.0.1:${port}`;
const adminUrl = process.env.TEST_DATABASE_URL || LOCAL_ADMIN_URL;
const SAMPLE_MS = 5_000;

if (!fs.existsSync(path.join(root, distDir, "BUILD_ID"))) {
  console.error(`No production build in ${distDir}: run \`npm run build\` first.`);
  process.exit(1);
}

/** Resident memory of a process and all its descendants, in MB (Linux /proc). */
function treeRssMb(pid) {
  let kb = 0;
  const seen = new Set();
  const walk = (p) => {
    if (seen.has(p)) return;
    seen.add(p);
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, "utf8");
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      for (const task of fs.readdirSync(`/proc/${p}/task`)) {
        const children = fs.readFileSync(`/proc/${p}/task/${task}/children`, "utf8").trim();
        for (const c of children ? children.split(/\s+/) : []) walk(Number(c));
      }
    } catch {
      // the process ended between two reads
    }
  };
  walk(pid);
  return kb / 1024;
}

async function waitForReady(timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${base}${pagePath}`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not answer in time");
}

function startServer(env) {
  // The same server `npm start` runs (scripts/server.mjs in front of Next), without its build step.
  const serverScript = path.join(root, "scripts", "server.mjs");
  const [cmd, args] = fs.existsSync(serverScript)
    ? [process.execPath, [serverScript]]
    : [path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"]];
  return spawn(cmd, args, { cwd: root, env: { ...env, PORT: String(port), HOST: "127.0.0.1" }, stdio: "ignore" });
}

const db = await createDatabase(adminUrl, "market_soak");
let server;
try {
  const env = {
    ...process.env,
    DATABASE_URL: db.url,
    NEXT_DIST_DIR: distDir,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    LOG_LEVEL: "silent",
  };
  const setup = spawnSync(
    path.join(root, "node_modules", ".bin", "tsx"),
    ["--conditions=react-server", "scripts/db.ts", "setup"],
    { cwd: root, env, stdio: "ignore" },
  );
  if (setup.status !== 0) throw new Error("database setup failed");
  server = startServer(env);
  let exited = null;
  server.once("exit", (code, signal) => (exited = signal ?? code));
  await waitForReady();
  // Warm-up: the first renders load code and fill the per-process caches; memory after it is the base.
  await autocannon({ url: `${base}${pagePath}`, connections, duration: 20 });
  const samples = [{ t: 0, mb: treeRssMb(server.pid) }];
  const started = Date.now();
  const sampler = setInterval(
    () => samples.push({ t: (Date.now() - started) / 60_000, mb: treeRssMb(server.pid) }),
    SAMPLE_MS,
  );
  const result = await autocannon({ url: `${base}${pagePath}`, connections, duration: Math.round(minutes * 60) });
  clearInterval(sampler);
  samples.push({ t: (Date.now() - started) / 60_000, mb: treeRssMb(server.pid) });

  const first = samples[0].mb;
  const last = samples[samples.length - 1].mb;
  const peak = Math.max(...samples.map((s) => s.mb));
  // Slope over the second half, by least squares: a leak keeps climbing, a cache levels off.
  const half = samples.filter((s) => s.t >= samples[samples.length - 1].t / 2);
  const mt = half.reduce((a, s) => a + s.t, 0) / half.length;
  const mm = half.reduce((a, s) => a + s.mb, 0) / half.length;
  const slope =
    half.reduce((a, s) => a + (s.t - mt) * (s.mb - mm), 0) /
    Math.max(
      1e-9,
      half.reduce((a, s) => a + (s.t - mt) ** 2, 0),
    );
  const errors = result.errors + result.timeouts + result.non2xx;
  console.log(
    `Soak bench: ${pagePath}, ${connections} connections, ${minutes} min (build ${distDir}, Postgres; ${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")})`,
  );
  console.log(
    `requests ${result.requests.total} (${result.requests.average.toFixed(1)}/s), errors/timeouts/non-2xx ${errors}, p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms`,
  );
  console.log(
    `server RSS (process tree): after warm-up ${first.toFixed(0)} MB, end ${last.toFixed(0)} MB, peak ${peak.toFixed(0)} MB; second-half slope ${slope.toFixed(1)} MB/min; server ${exited === null ? "alive" : `exited (${exited})`}`,
  );
  for (const s of samples.filter((_, i) => i % Math.max(1, Math.round(60_000 / SAMPLE_MS)) === 0))
    console.log(`  t=${s.t.toFixed(1)} min  rss=${s.mb.toFixed(0)} MB`);
} finally {
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
  await db.drop();
}
