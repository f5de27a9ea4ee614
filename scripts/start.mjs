// `npm start`: builds the app if it has not been built or its sources changed since, brings the database up to date (migrate +
// seed the default data set; on the embedded PGlite when DATABASE_URL is unset), then serves it with
// scripts/server.mjs, restarted when it crashes (scripts/supervise.mjs).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildState } from "./build-freshness.mjs";
import { supervise } from "./supervise.mjs";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// Builds when there is no build, or when a source changed after it (a stale build would serve old code).
const build = buildState(root, process.env.NEXT_DIST_DIR || ".next");
if (build.state !== "current") {
  if (build.state === "stale") console.log(`Sources changed since the last build (${build.changed}): rebuilding.`);
  run(bin("next"), ["build"]);
  run(process.execPath, ["scripts/build-forecast-worker.mjs"]);
}
run(bin("tsx"), ["--conditions=react-server", "scripts/db.ts", "setup"]);

const port = process.env.PORT || "3000";
const code = await supervise({
  command: process.execPath,
  args: [path.join(root, "scripts", "server.mjs"), port],
  options: { cwd: root, env },
});
process.exit(code);
