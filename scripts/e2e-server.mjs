// Serves the production build for the browser tests: DATABASE_URL when set (unless --pglite); else a
// throwaway database on the test Postgres server (TEST_DATABASE_URL, the local server, or an embedded
// one started here: scripts/test-postgres.mjs); with --pglite a fresh embedded PGlite directory.
// Migrates and seeds it, then serves it with scripts/server.mjs (as if behind one proxy,
// TRUSTED_PROXIES=1, unless set: the tests play the proxy's part with X-Forwarded-For); removes what it made when stopped. Fails fast
// without a build.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDatabase, testPostgres } from "./test-postgres.mjs";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const port = process.argv[2] || "3100";
if (!fs.existsSync(path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) {
  console.error("No production build: run `npm run build` before the browser tests.");
  process.exit(1);
}
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
env.TRUSTED_PROXIES ??= "1";
const pglite = process.argv.includes("--pglite");
let cleanup = async () => {};
if (pglite) {
  delete env.DATABASE_URL;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "market-e2e-"));
  env.PGLITE_DIR = dir;
  cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
} else if (!env.DATABASE_URL) {
  try {
    const server = await testPostgres({ log: (line) => console.log(line) });
    const db = await createDatabase(server.adminUrl, "market_e2e").catch(async (error) => {
      await server.stop();
      throw error;
    });
    env.DATABASE_URL = db.url;
    cleanup = async () => {
      if (!server.started) await db.drop().catch(() => {});
      await server.stop();
    };
  } catch (error) {
    console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
const setup = spawnSync(
  path.join(root, "node_modules", ".bin", "tsx"),
  ["--conditions=react-server", "scripts/db.ts", "setup"],
  {
    cwd: root,
    env,
    stdio: "inherit",
  },
);
if (setup.status !== 0) {
  await cleanup();
  process.exit(setup.status ?? 1);
}
const server = spawn(process.execPath, [path.join(root, "scripts", "server.mjs"), port, "127.0.0.1"], {
  cwd: root,
  env,
  stdio: "inherit",
});
const stop = (signal) => {
  server.kill(signal);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
server.on("exit", async (code) => {
  await cleanup();
  process.exit(code ?? 0);
});
