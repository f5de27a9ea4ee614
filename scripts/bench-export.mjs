// Export latency in real Chromium against the production build: median time from the click to the
// finished download for a 2× PNG of the overview's total chart and for the dashboard deck PDF.
// Usage: npm run build && npm run bench:export [-- --runs 5 --strict --out DIR]
// (--out keeps the last PNG and deck PDF in DIR for a look.)
// Serves the build with scripts/e2e-server.mjs on BENCH_PORT (default 3302) and a throwaway
// database (DATABASE_URL when set, else a fresh PGlite directory).
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf("--runs") + 1]) || 5;
const strict = args.includes("--strict");
const outDir = args.includes("--out") ? path.resolve(args[args.indexOf("--out") + 1]) : null;
const port = process.env.BENCH_PORT ?? "3302";
const base = `http://127.0.0.1:${port}`;
const TARGETS = { png: 1500, deck: 3000 };

const server = spawn(process.execPath, [path.join(root, "scripts/e2e-server.mjs"), port], {
  cwd: root,
  env: process.env,
  stdio: ["ignore", "ignore", "inherit"],
});
const stop = () => server.exitCode === null && server.kill("SIGTERM");
process.on("exit", stop);

async function waitForServer(timeoutMs = 180_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not start");
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function timeDownload(page, click) {
  const t0 = performance.now();
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), click()]);
  await download.path();
  const ms = performance.now() - t0;
  if (outDir) await download.saveAs(path.join(outDir, download.suggestedFilename()));
  return ms;
}

let failed = false;
try {
  await waitForServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const total = () => page.getByRole("region", { name: /^Total market/ }).first();
  const results = { png: [], deck: [] };
  for (let i = 0; i < runs; i++) {
    // A fresh page each run: the export code is loaded on the click, as for a user.
    await page.goto(base);
    await total().getByRole("button", { name: "Export", exact: true }).click();
    results.png.push(await timeDownload(page, () => page.getByRole("menuitem", { name: "PNG", exact: true }).click()));
    await page.goto(base);
    results.deck.push(await timeDownload(page, () => page.getByRole("button", { name: "Export dashboard" }).click()));
  }
  await browser.close();
  for (const [key, label] of [
    ["png", "PNG 16:9 2× (3840×2160), total chart"],
    ["deck", "Dashboard deck PDF"],
  ]) {
    const m = median(results[key]);
    const ok = m <= TARGETS[key];
    failed ||= !ok;
    console.log(
      `${label}: median ${(m / 1000).toFixed(2)} s over ${runs} runs (target ≤ ${TARGETS[key] / 1000} s) ${ok ? "OK" : "OVER"}`,
    );
    console.log(`  runs: ${results[key].map((t) => (t / 1000).toFixed(2)).join(", ")} s`);
  }
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  stop();
}
process.exit(strict && failed ? 1 : 0);
