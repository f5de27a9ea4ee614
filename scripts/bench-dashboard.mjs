// Dashboard performance on a production build and a real Postgres database. Builds nothing: run
// `npm run build` first (NEXT_DIST_DIR selects another build folder). It makes a throwaway database
// on the server named by TEST_DATABASE_URL (default: local Postgres), seeds it, starts scripts/server.mjs
// on localhost, measures, then stops the server and drops the database.
//   npm run bench:dashboard            (BENCH_PORT to change the port, default 3300)
import os from "node:os";
import zlib from "node:zlib";
import autocannon from "autocannon";
import { distDir, startBenchApp } from "./bench-app.mjs";
import { chromium } from "@playwright/test";

const port = Number(process.env.BENCH_PORT || 3300);
const base = `http://127.0.0.1:${port}`;
const TARGETS = { firstLoadKb: 250, filterMs: 100, apiP95Ms: 50 };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};
const ms = (x) => `${x.toFixed(1)} ms`;

async function waitForHealth(timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not become healthy in time");
}

async function timeRequest(url) {
  const t = performance.now();
  const r = await fetch(url);
  await r.arrayBuffer();
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return performance.now() - t;
}

async function overviewResponse() {
  for (let i = 0; i < 3; i++) await timeRequest(`${base}/`);
  const times = [];
  for (let i = 0; i < 20; i++) times.push(await timeRequest(`${base}/`));
  return { median: median(times), min: Math.min(...times), max: Math.max(...times) };
}

async function firstLoadJs() {
  const html = await (await fetch(`${base}/`)).text();
  const srcs = [...new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+\.js[^"]*)"/g)].map((m) => m[1]))];
  let gzip = 0;
  let raw = 0;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    raw += body.length;
    gzip += zlib.gzipSync(body).length;
  }
  return { chunks: srcs.length, gzipKb: gzip / 1024, rawKb: raw / 1024 };
}

/** JS fetched by the time the page is idle (includes the chart library loaded after first paint). */
async function allJsAfterIdle(browser) {
  const page = await browser.newPage();
  const urls = new Set();
  page.on("response", (r) => {
    if (r.url().endsWith(".js") || r.request().resourceType() === "script") urls.add(r.url());
  });
  await page.goto(`${base}/`, { waitUntil: "networkidle" });
  await page.close();
  let gzip = 0;
  for (const u of urls) gzip += zlib.gzipSync(Buffer.from(await (await fetch(u)).arrayBuffer())).length;
  return { chunks: urls.size, gzipKb: gzip / 1024 };
}

/**
 * Click a legend item (cross-filter) and time until the model-type chart, scrolled into view, is
 * redrawn with the new figures (its bars moved and no "Updating…" remains), plus one frame.
 */
async function filterToChart(browser) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  const targets = [
    ["By application sector", "Healthcare"],
    ["By application sector", "BFSI"],
    ["By application sector", "Manufacturing"],
    ["By application sector", "Education"],
    ["By application sector", "Retail & eCommerce"],
    ["By region", "Europe"],
    ["By region", "Asia-Pacific"],
    ["By region", "Latin America"],
    ["By vendor", "OpenAI"],
    ["By vendor", "Anthropic"],
  ];
  const times = [];
  for (const [panel, member] of targets) {
    await page.goto(`${base}/`, { waitUntil: "networkidle" });
    const button = page
      .getByRole("region", { name: panel, exact: true })
      .getByRole("button", { name: `Filter by ${member}` });
    await button.waitFor();
    const modelType = page.getByRole("region", { name: "By model type", exact: true });
    await modelType.scrollIntoViewIfNeeded();
    await modelType.locator(".stacked-segment").first().waitFor();
    const handle = await button.elementHandle();
    const elapsed = await page.evaluate(
      (el) =>
        new Promise((resolve, reject) => {
          const card = [...document.querySelectorAll("section")].find(
            (s) => s.querySelector("h2")?.textContent === "By model type",
          );
          const bars = () =>
            [...(card?.querySelectorAll(".stacked-segment") ?? [])]
              .map((p) => `${p.getAttribute("y")},${p.getAttribute("height")}`)
              .join(";");
          const before = bars();
          const start = performance.now();
          const done = () => bars() !== before && !card?.textContent?.includes("Updating…");
          const obs = new MutationObserver(() => {
            if (!done()) return;
            obs.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - start));
          });
          obs.observe(card ?? document.body, { subtree: true, childList: true, characterData: true, attributes: true });
          setTimeout(() => reject(new Error("no update within 10 s")), 10_000);
          el.click();
        }),
      handle,
    );
    times.push(elapsed);
  }
  await page.close();
  return { median: median(times), max: Math.max(...times) };
}

/**
 * The check: click a legend item of "By model type" (cross-filter) and time until every other
 * chart on screen at the click (sections with a plot, the total and the other breakdowns in view) has
 * drawn the new figures and no "Updating…" remains, plus one frame. Median of 8, each on a fresh page.
 */
async function legendToOtherCharts(browser) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await page.goto(`${base}/`, { waitUntil: "networkidle" });
  const names = await page
    .getByRole("region", { name: "By model type", exact: true })
    .getByRole("button", { name: /^Filter by / })
    .evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? e.textContent ?? ""));
  const times = [];
  const counts = [];
  for (let i = 0; i < 8; i++) {
    if (i > 0) await page.goto(`${base}/`, { waitUntil: "networkidle" });
    const modelType = page.getByRole("region", { name: "By model type", exact: true });
    const button = modelType.getByRole("button", { name: names[i % names.length], exact: true });
    await button.waitFor();
    await modelType.scrollIntoViewIfNeeded();
    await modelType.locator(".stacked-segment").first().waitFor();
    // Charts drawn after the first paint (the total's plot) are on screen before the click.
    await page.locator("section svg .recharts-surface, section svg.recharts-surface").first().waitFor();
    const handle = await button.elementHandle();
    const { elapsed, charts } = await page.evaluate(
      (el) =>
        new Promise((resolve, reject) => {
          const onScreen = (s) => {
            const r = s.getBoundingClientRect();
            return r.bottom > 0 && r.top < innerHeight;
          };
          const sections = [...document.querySelectorAll("section")].filter(
            (s) => s.querySelector("h2")?.textContent !== "By model type" && s.querySelector("svg") && onScreen(s),
          );
          const drawing = (s) =>
            [...s.querySelectorAll("svg path, svg rect")]
              .map((p) => `${p.getAttribute("d") ?? ""}${p.getAttribute("y") ?? ""},${p.getAttribute("height") ?? ""}`)
              .join(";");
          const before = sections.map(drawing);
          const start = performance.now();
          const done = () =>
            sections.every((s, i) => drawing(s) !== before[i]) && !document.body.textContent?.includes("Updating…");
          const obs = new MutationObserver(() => {
            if (!done()) return;
            obs.disconnect();
            requestAnimationFrame(() => resolve({ elapsed: performance.now() - start, charts: sections.length }));
          });
          obs.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
          setTimeout(() => reject(new Error("the other charts did not update within 10 s")), 10_000);
          el.click();
        }),
      handle,
    );
    times.push(elapsed);
    counts.push(charts);
  }
  await page.close();
  return { median: median(times), max: Math.max(...times), charts: Math.min(...counts) };
}

async function apiLoad() {
  const paths = [
    "/api/v1/series",
    "/api/v1/series?by=sector",
    "/api/v1/series?by=vendor&region=europe",
    "/api/v1/series?by=total&forecast=auto",
    "/api/v1/series?by=region&sector=healthcare&forecast=auto&reconcile=true",
    "/api/v1/series?by=type&vendor=openai,google&from=2022&to=2030",
  ];
  for (const p of paths) await timeRequest(`${base}${p}`); // warm the caches once
  const latencies = [];
  const instance = autocannon({
    url: base,
    connections: 20,
    duration: 10,
    requests: paths.map((p) => ({ method: "GET", path: p })),
  });
  instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;
  return {
    requests: result.requests.total,
    rps: result.requests.average,
    p50: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
    p99: quantile(latencies, 0.99),
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

const app = await startBenchApp({ port, prefix: "market_bench" });
try {
  await waitForHealth();

  const overview = await overviewResponse();
  const js = await firstLoadJs();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  let idle;
  let filter;
  let legend;
  try {
    idle = await allJsAfterIdle(browser);
    filter = await filterToChart(browser);
    legend = await legendToOtherCharts(browser);
  } finally {
    await browser.close();
  }
  const api = await apiLoad();

  const mark = (ok) => (ok ? "ok" : "OVER TARGET");
  console.log(
    `Dashboard bench (build ${distDir}, Postgres, localhost:${port}; ${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")})`,
  );
  console.log(
    `overview server response (20 warm requests): median ${ms(overview.median)} (min ${ms(overview.min)}, max ${ms(overview.max)})`,
  );
  console.log(
    `overview first-load JS (HTML script tags, gzip): ${js.gzipKb.toFixed(1)} KB in ${js.chunks} chunks (raw ${js.rawKb.toFixed(0)} KB); target <= ${TARGETS.firstLoadKb} KB: ${mark(js.gzipKb <= TARGETS.firstLoadKb)}`,
  );
  console.log(
    `overview JS once idle, incl. charts loaded after first paint (gzip): ${idle.gzipKb.toFixed(1)} KB in ${idle.chunks} files`,
  );
  console.log(
    `filter click -> updated chart (Chromium, 10 clicks): median ${ms(filter.median)} (max ${ms(filter.max)}); target <= ${TARGETS.filterMs} ms: ${mark(filter.median <= TARGETS.filterMs)}`,
  );
  console.log(
    `legend click in "By model type" -> other charts on screen redrawn (Chromium, ${legend.charts}+ charts, 8 clicks): median ${ms(legend.median)} (max ${ms(legend.max)}); target <= ${TARGETS.filterMs} ms: ${mark(legend.median <= TARGETS.filterMs)}`,
  );
  console.log(
    `/api/v1/series, 20 connections, 10 s: ${api.requests} requests (${api.rps.toFixed(0)}/s), p50 ${ms(api.p50)}, p95 ${ms(api.p95)}, p99 ${ms(api.p99)}, errors ${api.errors}; target p95 <= ${TARGETS.apiP95Ms} ms and 0 errors: ${mark(api.p95 <= TARGETS.apiP95Ms && api.errors === 0)}`,
  );
} finally {
  await app.stop();
}
