// The server path under load, on a production build: the series API, a static file and the
// server-rendered overview, each at 20 connections for 8 s, in one run. Builds nothing: run
// `npm run build` first. It starts the built app the way `npm start` serves it (scripts/server.mjs,
// the front server in front of Next), on a throwaway Postgres database (TEST_DATABASE_URL, default:
// the local server) or, with --pglite, on a throwaway embedded PGlite; measures; stops; drops.
// It asserts nothing: it prints req/s, p50 and p97.5 per request, and series req/s ÷ static req/s.
//   npm run bench:server -- [--pglite] [--connections 20] [--seconds 8] [--port 3400] [--cpu-prof DIR]
// --cpu-prof writes a V8 CPU profile of the server process (node --cpu-prof) into DIR, and prints
// its heaviest frames (self time).
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
  return i > 0 && process.argv[i + 1] && !process.argv[i + 1].startsWith("--") ? process.argv[i + 1] : fallback;
};
const pglite = process.argv.includes("--pglite");
const connections = Number(arg("connections", "20"));
const seconds = Number(arg("seconds", "8"));
const port = Number(arg("port", process.env.BENCH_PORT || "3400"));
const profileDir = arg("cpu-prof", null);
// --only series|static|overview: load one request alone (e.g. for a profile of that path only).
const only = arg("only", null);
const base = `http://127.0.0.1:${port}`;
const adminUrl = process.env.TEST_DATABASE_URL || LOCAL_ADMIN_URL;
const TARGETS = { seriesP975Ms: 50, ratio: 0.8, overviewP975Ms: 250 };
const ALL_CASES = [
  { name: "series", path: "/api/v1/series?by=sector" },
  { name: "static", path: "/favicon.ico" },
  { name: "overview", path: "/" },
];
const CASES = ALL_CASES.filter((c) => !only || c.name === only);

if (!fs.existsSync(path.join(root, distDir, "BUILD_ID"))) {
  console.error(`No production build in ${distDir}: run \`npm run build\` first.`);
  process.exit(1);
}

async function waitForReady(timeoutMs = 180_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not become healthy in time");
}

function startServer(env) {
  const nodeArgs = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(profileDir)}`] : [];
  return spawn(process.execPath, [...nodeArgs, path.join(root, "scripts", "server.mjs"), String(port), "127.0.0.1"], {
    cwd: root,
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
}

// V8's profile clock and process.hrtime are both the system's monotonic clock (in µs here), so a
// load's window can be cut out of the server's profile.
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

async function load(p) {
  const from = nowUs();
  const r = await autocannon({ url: `${base}${p}`, connections, duration: seconds });
  return {
    window: { from, to: nowUs() },
    rps: r.requests.average,
    p50: r.latency.p50,
    p975: r.latency.p97_5,
    bad: r.errors + r.timeouts + r.non2xx,
  };
}

/** The heaviest frames of a .cpuprofile by self time, and self time by package (idle time left out). */
function topFrames(prof, window, n = 15) {
  const byId = new Map(prof.nodes.map((x) => [x.id, x]));
  const frames = new Map();
  const packages = new Map();
  let busy = 0;
  let t = prof.startTime;
  prof.samples.forEach((id, i) => {
    const us = prof.timeDeltas[i] ?? 0;
    t += us;
    if (t < window.from || t > window.to) return;
    const f = byId.get(id).callFrame;
    if (f.functionName === "(idle)") return;
    busy += us;
    const url = f.url.replace(/^file:\/\//, "");
    const where = url ? `${url.replace(/^.*\/(node_modules|\.next[^/]*)\//, "$1/")}:${f.lineNumber + 1}` : "";
    const key = `${f.functionName || "(anonymous)"} ${where}`;
    frames.set(key, (frames.get(key) ?? 0) + us);
    const pkg =
      /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ??
      (/\.next[^/]*\//.test(url) ? "app bundle (.next)" : url.startsWith("node:") ? "node internals" : f.functionName);
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
  });
  const rows = (m, k) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(
        ([name, us]) =>
          `  ${((100 * us) / busy).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}`,
      );
  return [`busy ${(busy / 1000).toFixed(0)} ms; by frame:`, ...rows(frames, n), "by package:", ...rows(packages, 10)];
}

let results = {};
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bench-server-"));
const db = pglite ? null : await createDatabase(adminUrl, "market_bench_server");
let server;
try {
  const env = {
    ...process.env,
    NEXT_DIST_DIR: distDir,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    LOG_LEVEL: "silent",
    HOSTNAME: "127.0.0.1",
    PORT: String(port),
  };
  if (db) env.DATABASE_URL = db.url;
  else {
    delete env.DATABASE_URL;
    env.PGLITE_DIR = path.join(tmp, "pglite");
  }
  const setup = spawnSync(
    path.join(root, "node_modules", ".bin", "tsx"),
    ["--conditions=react-server", "scripts/db.ts", "setup"],
    { cwd: root, env, stdio: "ignore" },
  );
  if (setup.status !== 0) throw new Error("database setup failed");
  if (profileDir) {
    fs.mkdirSync(profileDir, { recursive: true });
    for (const f of fs.readdirSync(profileDir)) if (f.endsWith(".cpuprofile")) fs.rmSync(path.join(profileDir, f));
  }
  server = startServer(env);
  await waitForReady();
  // Warm-up: the first answers load code and fill the per-process caches.
  for (const c of ALL_CASES) await autocannon({ url: `${base}${c.path}`, connections: 4, duration: 2 });
  for (const c of CASES) results[c.name] = await load(c.path);

  const load1 = os.loadavg().map((l) => l.toFixed(1));
  console.log(
    `Server bench: ${connections} connections × ${seconds} s each (build ${distDir}, ${pglite ? "embedded PGlite" : "Postgres"}; ${os.cpus().length} CPUs, load average ${load1.join(" ")})`,
  );
  console.log(`| request | req/s | p50 | p97.5 | errors/non-2xx |`);
  for (const c of CASES) {
    const r = results[c.name];
    console.log(`| \`${c.path}\` | ${r.rps.toFixed(0)} | ${r.p50} ms | ${r.p975} ms | ${r.bad} |`);
  }
  const mark = (ok) => (ok ? "met" : "NOT met");
  if (!only) {
    const ratio = results.series.rps / results.static.rps;
    console.log(
      `series req/s ÷ static req/s: ${ratio.toFixed(2)} (target ≥ ${TARGETS.ratio}: ${mark(ratio >= TARGETS.ratio)})`,
    );
    console.log(
      `series p97.5 ${results.series.p975} ms (target ≤ ${TARGETS.seriesP975Ms}: ${mark(results.series.p975 <= TARGETS.seriesP975Ms)}); ` +
        `overview p97.5 ${results.overview.p975} ms (target ≤ ${TARGETS.overviewP975Ms}: ${mark(results.overview.p975 <= TARGETS.overviewP975Ms)})`,
    );
  }
} finally {
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
  if (db) await db.drop();
  fs.rmSync(tmp, { recursive: true, force: true });
}
if (profileDir) {
  const files = fs
    .readdirSync(profileDir)
    .filter((f) => f.endsWith(".cpuprofile"))
    .map((f) => path.join(profileDir, f))
    // The main thread's profile is the largest (workers, e.g. the TypeScript loader's, write their own).
    .sort((a, b) => fs.statSync(b).size - fs.statSync(a).size);
  if (files[0]) {
    const prof = JSON.parse(fs.readFileSync(files[0], "utf8"));
    for (const c of CASES) {
      console.log(`CPU profile of the server during the ${c.name} load (${files[0]}), self time, idle left out:`);
      for (const line of topFrames(prof, results[c.name].window)) console.log(line);
    }
  }
}
