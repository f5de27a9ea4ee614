/**
 * `npm run bench:series`: latency of single /api/v1/series requests on Postgres, production build.
 * "first" = a query the server has not answered before (it reaches Postgres); "warm" = the same
 * query again (answered from the in-memory cache of immutable dataset versions).
 */
import { median, quantile, startServer, timeRequest } from "./bench-support";

const QUERIES = [
  "by=total",
  "by=vendor",
  "by=sector&region=europe",
  "by=region&vendor=openai,anthropic",
  "by=type&sector=healthcare,bfsi&from=2023&to=2030",
  "by=vendor&type=industry-specific&region=asia-pacific",
  "by=sector&vendor=google",
  "by=region&type=general-purpose,vertically-specialized",
  "by=vendor&sector=education&from=2021&to=2025",
  "by=type&region=north-america,latin-america",
  "by=total&format=csv",
  "by=vendor&format=csv&sector=retail-ecommerce",
];

async function main() {
  const server = await startServer(Number(process.env.BENCH_PORT ?? 3400));
  try {
    await timeRequest(`${server.baseUrl}/api/v1/series?by=total&from=2030&to=2031`); // JIT and connections
    const first: number[] = [];
    for (const q of QUERIES) {
      const r = await timeRequest(`${server.baseUrl}/api/v1/series?${q}`);
      if (r.status !== 200) throw new Error(`${q}: HTTP ${r.status}`);
      first.push(r.ms);
    }
    const warm: number[] = [];
    for (let round = 0; round < 5; round++)
      for (const q of QUERIES) warm.push((await timeRequest(`${server.baseUrl}/api/v1/series?${q}`)).ms);
    const fmt = (v: number) => v.toFixed(1).padStart(7);
    console.log(`/api/v1/series on Postgres (production build), ${QUERIES.length} distinct queries`);
    console.log(`| request | n  | median ms | p95 ms | max ms |`);
    console.log(
      `| first   | ${String(first.length).padEnd(2)} | ${fmt(median(first))}   | ${fmt(quantile(first, 0.95))} | ${fmt(Math.max(...first))} |`,
    );
    console.log(
      `| warm    | ${String(warm.length).padEnd(2)} | ${fmt(median(warm))}   | ${fmt(quantile(warm, 0.95))} | ${fmt(Math.max(...warm))} |`,
    );
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(`bench:series failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
