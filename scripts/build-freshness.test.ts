import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildState } from "./build-freshness.mjs";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A project folder with one source file and, when `builtAt` is given, a build stamped at that time. */
function project(builtAt?: number): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "build-freshness-"));
  dirs.push(root);
  fs.mkdirSync(path.join(root, "app", "explore"), { recursive: true });
  touch(path.join(root, "app", "explore", "page.tsx"), 1_000);
  if (builtAt !== undefined) touch(path.join(root, ".next", "BUILD_ID"), builtAt);
  return root;
}

function touch(file: string, seconds: number) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, "x");
  fs.utimesSync(file, seconds, seconds);
}

describe("buildState", () => {
  it("is missing without a build", () => {
    expect(buildState(project()).state).toBe("missing");
  });

  it("is current when the build is newer than every input", () => {
    expect(buildState(project(2_000))).toEqual({ state: "current" });
  });

  it("is stale when a source in a nested folder changed after the build", () => {
    const root = project(2_000);
    touch(path.join(root, "app", "explore", "page.tsx"), 3_000);
    expect(buildState(root)).toEqual({ state: "stale", changed: "app" });
  });

  it("is stale when a root config file changed, and honours another build folder", () => {
    const root = project(2_000);
    touch(path.join(root, "next.config.js"), 3_000);
    touch(path.join(root, ".next-other", "BUILD_ID"), 4_000);
    expect(buildState(root).state).toBe("stale");
    expect(buildState(root, ".next-other").state).toBe("current");
  });

  it("ignores tests, node_modules and files outside the build inputs", () => {
    const root = project(2_000);
    touch(path.join(root, "app", "explore", "page.test.ts"), 3_000);
    touch(path.join(root, "lib", "node_modules", "x.js"), 3_000);
    touch(path.join(root, "e2e", "pages.spec.ts"), 3_000);
    touch(path.join(root, "README.md"), 3_000);
    expect(buildState(root).state).toBe("current");
  });
});
