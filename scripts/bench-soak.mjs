// Memory under sustained anonymous page views, on a production build and a throwaway Postgres
// database (TEST_DATABASE_URL, default: the local server). Builds nothing: run `npm run build` first.
// It starts the built app the way `npm start` serves it, keeps N connections on one page for the
// given time, samples the server's resident memory (the whole process tree) every few seconds, and
// prints the figures. It asserts nothing.
//   npm run bench:soak -- [--minutes 15] [--connections 10] [--path /explore] [--port 3600]
import os from "node:os";
import autocannon from "autocannon";
import { distDir, requireBuild, startBenchApp, treeRssMb } from "./bench-app.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const minutes = Number(arg("minutes", "15"));
const connections = Number(arg("connections", "10"));
const pagePath = arg("path", "/explore");
const port = Number(arg("port", process.env.BENCH_PORT || "3600"));
const base = `http://127.0.0.1:${port}`;
const SAMPLE_MS = 5_000;

requireBuild();

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

const app = await startBenchApp({ port, prefix: "market_soak", env: { LOG_LEVEL: "silent" } });
const server = app.server;
try {
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
  await app.stop();
}
