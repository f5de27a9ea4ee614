// Bundles the worker entry (TypeScript: forecasts, and the fit of imported data sets) into one
// CommonJS file inside the Next build folder, so worker threads run it in production. Run by `npm run build` after `next build` (which
// empties that folder first); in development and tests the server bundles it on demand.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outfile = path.resolve(root, process.env.NEXT_DIST_DIR || ".next", "forecast-worker.cjs");
fs.mkdirSync(path.dirname(outfile), { recursive: true });
await build({
  entryPoints: [path.join(root, "lib/server/forecast/worker.ts")],
  outfile,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  logLevel: "warning",
});
console.log(`forecast worker: ${path.relative(root, outfile)}`);
