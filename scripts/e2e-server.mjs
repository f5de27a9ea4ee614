// Serves the production build for the browser tests: DATABASE_URL when set (unless --pglite), else
// a fresh embedded PGlite directory; migrates and seeds it, then runs `next start`. Fails fast
// without a build.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const port = process.argv[2] || "3100";
if (!fs.existsSync(path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) {
  console.error("No production build: run `npm run build` before the browser tests.");
  process.exit(1);
}
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
if (process.argv.includes("--pglite")) delete env.DATABASE_URL;
let cleanup = () => {};
if (!env.DATABASE_URL) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "market-e2e-"));
  env.PGLITE_DIR = dir;
  cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
}
const setup = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/db.ts", "setup"], {
  cwd: root,
  env,
  stdio: "inherit",
});
if (setup.status !== 0) process.exit(setup.status ?? 1);
const server = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", port, "-H", "127.0.0.1"], { cwd: root, env, stdio: "inherit" });
const stop = (signal) => {
  server.kill(signal);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
server.on("exit", (code) => {
  cleanup();
  process.exit(code ?? 0);
});
