/**
 * `npm run bench:forecast-load`: does one client's heavy forecasting stall everybody else?
 *  1. Four of the largest legal forecasts at once (200 series × 200 values, h = 50, 10 levels,
 *     auto) while four other users keep asking /api/v1/series (cycling through distinct queries):
 *     their latency (median, p97.5, max) and errors, and the forecasts' statuses and times.
 *  2. A burst of 120 forecasts (10 series × 40 values, h = 10) from one client: statuses and time.
 * Production build on a throwaway Postgres database (or BENCH_URL to use a running server).
 */
import { median, quantile, startServer } from "./bench-support";

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

function body(series: number, values: number, h: number, levels: number[], seed = 1): string {
  const r = rng(seed);
  return JSON.stringify({
    series: Array.from({ length: series }, (_, i) => {
      let v = 100 + 50 * r();
      const trend = 0.5 + 2 * r();
      return {
        id: `s${i}`,
        values: Array.from({ length: values }, () => Number((v += trend + 8 * (r() - 0.5)).toFixed(4))),
        h,
        level: levels,
        method: "auto",
      };
    }),
  });
}

const LEVELS = [50, 55, 60, 65, 70, 75, 80, 85, 90, 95];
const QUERIES = [
  "by=total",
  "by=vendor",
  "by=sector",
  "by=region",
  "by=type",
  "by=vendor&sector=healthcare",
  "by=region&vendor=openai",
  "by=sector&region=europe",
  "by=type&vendor=google",
  "by=vendor&region=asia-pacific&from=2023&to=2030",
];

/**
 * `client` plays the address a proxy in front would append: the bench server trusts one hop
 * (TRUSTED_PROXIES=1, set by scripts/e2e-server.mjs); a server trusting none would see one client.
 */
async function post(url: string, text: string, client: string) {
  const t = performance.now();
  const res = await fetch(`${url}/api/v1/forecast`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": client },
    body: text,
  });
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - t, retryAfter: res.headers.get("retry-after") };
}

async function main() {
  const server = process.env.BENCH_URL
    ? { baseUrl: process.env.BENCH_URL, stop: async () => {} }
    : await startServer(Number(process.env.BENCH_PORT ?? 3550));
  const url = server.baseUrl;
  try {
    const largest = body(200, 200, 50, LEVELS);
    console.log(`largest legal request: ${(largest.length / 1e6).toFixed(2)} MB`);
    for (const q of QUERIES) await (await fetch(`${url}/api/v1/series?${q}`)).arrayBuffer(); // connections, JIT
    const alone = await post(url, largest, "203.0.113.1");
    console.log(`one largest forecast alone: HTTP ${alone.status} in ${(alone.ms / 1000).toFixed(2)} s`);

    // 1. Four largest at once, four other users meanwhile.
    let running = true;
    const others: { ms: number; status: number }[] = [];
    const user = async (u: number) => {
      for (let i = u; running; i++) {
        const t = performance.now();
        try {
          const res = await fetch(`${url}/api/v1/series?${QUERIES[i % QUERIES.length]}&from=${2021 + (i % 4)}`);
          await res.arrayBuffer();
          others.push({ ms: performance.now() - t, status: res.status });
        } catch {
          others.push({ ms: performance.now() - t, status: 0 });
        }
      }
    };
    const started = performance.now();
    const users = [0, 1, 2, 3].map(user);
    const heavy = await Promise.all([0, 1, 2, 3].map((i) => post(url, largest, `203.0.113.${10 + i}`)));
    running = false;
    await Promise.all(users);
    const ms = others.map((o) => o.ms);
    const errors = others.filter((o) => o.status !== 200).length;
    console.log(
      `\n4 largest forecasts at once: statuses ${heavy.map((h) => h.status).join(", ")}; done after ${heavy.map((h) => (h.ms / 1000).toFixed(1)).join(", ")} s (window ${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    console.log(
      `other users' /api/v1/series meanwhile: n = ${ms.length}, median ${median(ms).toFixed(1)} ms, p97.5 ${quantile(ms, 0.975).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms, errors ${errors}`,
    );

    // 2. A burst of 120 from one client.
    await new Promise((r) => setTimeout(r, 500));
    const small = body(10, 40, 10, [80, 95], 7);
    const t = performance.now();
    const burst = await Promise.all(Array.from({ length: 120 }, () => post(url, small, "203.0.113.99")));
    const byStatus: Record<string, number> = {};
    for (const b of burst) byStatus[b.status] = (byStatus[b.status] ?? 0) + 1;
    const retry = [...new Set(burst.filter((b) => b.retryAfter).map((b) => `${b.status}:${b.retryAfter}`))].slice(0, 6);
    console.log(
      `\nburst of 120 forecasts (10 series × 40 values) from one client: ${JSON.stringify(byStatus)} in ${((performance.now() - t) / 1000).toFixed(2)} s; Retry-After seen: ${retry.join(" ")}`,
    );
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(`bench:forecast-load failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
