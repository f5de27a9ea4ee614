// First-load JavaScript of the overview, from the production build: the scripts the server-rendered
// `/` names (<script src>), each fetched from the built app and gzipped (zlib's default level, as
// bench:dashboard counts them), largest first, and their sum. Builds nothing: run `npm run build` first. Starts the
// built app on a throwaway database (bench-app.mjs), measures, stops.
//   npm run bench:first-load            (BENCH_PORT to change the port, default 3300)
import zlib from "node:zlib";
import { startBenchApp } from "./bench-app.mjs";

const port = Number(process.env.BENCH_PORT || 3300);
const TARGET_KB = 250;

async function waitForHealth(base, timeoutMs = 120_000) {
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

/** The overview's <script src> files with their raw and gzip sizes, largest (gzip) first. */
async function firstLoadScripts(base) {
  const html = await (await fetch(`${base}/`)).text();
  const srcs = [...new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+\.js[^"]*)"/g)].map((m) => m[1]))];
  const files = [];
  for (const src of srcs) {
    const res = await fetch(new URL(src, base));
    if (!res.ok) throw new Error(`${src}: ${res.status}`);
    const body = Buffer.from(await res.arrayBuffer());
    files.push({ src, raw: body.length, gzip: zlib.gzipSync(body).length, text: body.toString("utf8") });
  }
  return files.sort((a, b) => b.gzip - a.gzip);
}

const app = await startBenchApp({ port, prefix: "market_bench_first_load", env: { LOG_LEVEL: "silent" } });
try {
  await waitForHealth(app.base);
  const files = await firstLoadScripts(app.base);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  for (const f of files) {
    // A few names the file contains, so a large chunk can be traced to its modules.
    const hints = [...new Set([...f.text.matchAll(/node_modules\/((?:@[^/]+\/)?[^/"]+)/g)].map((m) => m[1]))].slice(
      0,
      6,
    );
    console.log(
      `  ${kb(f.gzip).padStart(9)} gzip  ${kb(f.raw).padStart(9)} raw  ${f.src}${hints.length ? `  (${hints.join(", ")})` : ""}`,
    );
  }
  const gzip = files.reduce((a, f) => a + f.gzip, 0);
  const raw = files.reduce((a, f) => a + f.raw, 0);
  console.log(
    `overview first-load JS (the HTML's script tags, gzip): ${kb(gzip)} in ${files.length} files (raw ${kb(raw)}); target <= ${TARGET_KB} KB: ${gzip / 1024 <= TARGET_KB ? "met" : "NOT met"}`,
  );
} finally {
  await app.stop();
}
