// The built app as the bench scripts run it: a throwaway database on the test Postgres server
// (TEST_DATABASE_URL, default the local one), migrated and seeded, served by scripts/server.mjs (the
// server `npm start` runs, without its build step) on 127.0.0.1. `stop()` ends the server and drops
// the database. Builds nothing: a missing build is an error naming the command to run.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDatabase, LOCAL_ADMIN_URL } from "./test-postgres.mjs";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export const distDir = process.env.NEXT_DIST_DIR || ".next";

export function requireBuild() {
  if (!fs.existsSync(path.join(root, distDir, "BUILD_ID"))) {
    console.error(`No production build in ${distDir}: run \`npm run build\` first.`);
    process.exit(1);
  }
}

/** Starts the app on `port`; `env` adds to the process environment (e.g. LOG_LEVEL). */
export async function startBenchApp({ port, prefix, env: extra = {} }) {
  requireBuild();
  const adminUrl = process.env.TEST_DATABASE_URL || LOCAL_ADMIN_URL;
  const db = await createDatabase(adminUrl, prefix);
  const env = {
    ...process.env,
    DATABASE_URL: db.url,
    NEXT_DIST_DIR: distDir,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    ...extra,
  };
  const setup = spawnSync(
    path.join(root, "node_modules", ".bin", "tsx"),
    ["--conditions=react-server", "scripts/db.ts", "setup"],
    { cwd: root, env, stdio: "ignore" },
  );
  if (setup.status !== 0) {
    await db.drop();
    throw new Error("database setup failed");
  }
  const server = spawn(process.execPath, [path.join(root, "scripts", "server.mjs"), String(port), "127.0.0.1"], {
    cwd: root,
    env,
    stdio: "ignore",
  });
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r));
    }
    await db.drop();
  };
  return { base: `http://127.0.0.1:${port}`, server, stop };
}

/** Resident memory of a process and all its descendants, in MB (Linux /proc). */
export function treeRssMb(pid) {
  let kb = 0;
  const seen = new Set();
  const walk = (p) => {
    if (seen.has(p)) return;
    seen.add(p);
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, "utf8");
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      for (const task of fs.readdirSync(`/proc/${p}/task`)) {
        const children = fs.readFileSync(`/proc/${p}/task/${task}/children`, "utf8").trim();
        for (const c of children ? children.split(/\s+/) : []) walk(Number(c));
      }
    } catch {
      // the process ended between two reads
    }
  };
  walk(pid);
  return kb / 1024;
}
