// A lever change on the overview, in Chromium against the production build: the time from the
// click to every chart redrawn under the new scenario (each chart's subtitle names the scenario it
// was drawn from, in the same render as its figures; no "Updating…" left; plus one frame). The
// scenario is computed in the browser from the cube, with the same function as the server.
// Prints the median of 8 lever changes, quiet, then while 20 connections load the series API.
// Builds nothing: run `npm run build` first.
//   npm run bench:scenario            (BENCH_PORT to change the port, default 3300)
import os from "node:os";
import autocannon from "autocannon";
import { chromium } from "@playwright/test";
import { distDir, startBenchApp } from "./bench-app.mjs";

const port = Number(process.env.BENCH_PORT || 3300);
const TARGET_MS = 100;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Eight lever changes, each to a scenario not seen before on the page. */
const CHANGES = [
  ["From general to specialised models", "+1"],
  ["From general to specialised models", "+2"],
  ["Enterprise use cases in every sector", "+1"],
  ["Heavy investment in AI infrastructure", "−1"],
  ["Generative AI in everyone's hands", "+2"],
  ["Enterprise use cases in every sector", "−2"],
  ["From general to specialised models", "0"],
  ["Heavy investment in AI infrastructure", "+2"],
];

async function leverChanges(browser, base) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await page.goto(`${base}/`, { waitUntil: "networkidle" });
  const panel = page.getByRole("region", { name: "Scenario", exact: true });
  await panel.waitFor();
  // The cube is in the browser once the first local answer is drawn: wait for one lever change to land.
  const times = [];
  for (const [title, level] of CHANGES) {
    const button = panel.getByRole("button", {
      name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} ${level.replace("+", "\\+")} `),
    });
    await button.waitFor();
    const handle = await button.elementHandle();
    const elapsed = await page.evaluate(
      (el) =>
        new Promise((resolve, reject) => {
          const charts = () =>
            [...document.querySelectorAll("section[data-chart-id]")].filter(
              (s) => s.getAttribute("data-chart-kind") !== "ranking-bar",
            );
          const subtitle = (s) => s.querySelector("h2 + p")?.textContent ?? "";
          const before = new Map(charts().map((s) => [s, subtitle(s)]));
          const start = performance.now();
          const done = () =>
            charts().every(
              (s) => before.has(s) && subtitle(s) !== before.get(s) && !s.textContent.includes("Updating…"),
            );
          const obs = new MutationObserver(() => {
            if (!done()) return;
            obs.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - start));
          });
          obs.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
          setTimeout(() => reject(new Error("the charts did not redraw within 10 s")), 10_000);
          el.click();
        }),
      handle,
    );
    times.push(elapsed);
  }
  const charts = await page.locator("section[data-chart-id]").count();
  await page.close();
  return { median: median(times), max: Math.max(...times), charts };
}

const app = await startBenchApp({ port, prefix: "market_bench_scenario" });
try {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${app.base}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  let quiet;
  let loaded;
  let load;
  try {
    quiet = await leverChanges(browser, app.base);
    const instance = autocannon({
      url: app.base,
      connections: 20,
      duration: 600,
      requests: [
        { method: "GET", path: "/api/v1/series?by=sector" },
        { method: "GET", path: "/api/v1/series?by=vendor&levers=general-to-specialised:2" },
        { method: "GET", path: "/api/v1/series?by=total&forecast=auto" },
      ],
    });
    try {
      loaded = await leverChanges(browser, app.base);
    } finally {
      instance.stop();
      load = await instance;
    }
  } finally {
    await browser.close();
  }
  const mark = (x) => (x <= TARGET_MS ? "ok" : "OVER TARGET");
  console.log(
    `Scenario bench (build ${distDir}, Postgres, localhost:${port}; ${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")})`,
  );
  console.log(
    `lever change -> ${quiet.charts - 1} charts redrawn (Chromium, 8 changes, quiet): median ${quiet.median.toFixed(1)} ms (max ${quiet.max.toFixed(1)} ms); target <= ${TARGET_MS} ms: ${mark(quiet.median)}`,
  );
  console.log(
    `lever change -> charts redrawn, while 20 connections load the series API (${Math.round(load.requests.average)} requests/s): median ${loaded.median.toFixed(1)} ms (max ${loaded.max.toFixed(1)} ms); target <= ${TARGET_MS} ms: ${mark(loaded.median)}`,
  );
} finally {
  await app.stop();
}
