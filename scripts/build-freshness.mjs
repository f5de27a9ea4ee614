// Whether the production build is older than the sources it was built from, so `npm start` rebuilds
// after the sources change instead of serving a stale build. Compares modification times: the build's
// BUILD_ID against every file that goes into the build (tests, scripts and docs do not).
import fs from "node:fs";
import path from "node:path";

/** What `next build` reads: the app's folders and the root files that configure the build. */
export const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/schema.prisma",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
];

const SKIP = /(^|[/\\])(node_modules|\.next[^/\\]*)$|\.test\.tsx?$/;

function newestMtime(file) {
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(file)) {
    const child = path.join(file, entry);
    if (!SKIP.test(child)) newest = Math.max(newest, newestMtime(child));
  }
  return newest;
}

/**
 * "missing" without a build, "stale" when a build input changed after it, else "current".
 * @param {string} root the project folder
 * @param {string} distDir the build folder, relative to root
 * @returns {{ state: "missing" | "stale" | "current", changed?: string }}
 */
export function buildState(root, distDir = ".next") {
  let built;
  try {
    built = fs.statSync(path.join(root, distDir, "BUILD_ID")).mtimeMs;
  } catch {
    return { state: "missing" };
  }
  for (const input of BUILD_INPUTS) {
    if (newestMtime(path.join(root, input)) > built) return { state: "stale", changed: input };
  }
  return { state: "current" };
}
