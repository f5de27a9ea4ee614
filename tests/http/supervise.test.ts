/**
 * `npm start`'s supervisor (scripts/supervise.mjs) with real child processes: a crashed server is
 * started again, a server that keeps crashing is given up on, and SIGTERM reaches the server.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error: plain ES module without types
import { supervise } from "@/scripts/supervise.mjs";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "market-supervise-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A child that appends a line per start and exits with `code` until it has started `crashes` times. */
function flaky(name: string, crashes: number, code = 3): string[] {
  const file = path.join(dir, name);
  const script = `
    const fs = require("fs");
    fs.appendFileSync(${JSON.stringify(file)}, "start\\n");
    const starts = fs.readFileSync(${JSON.stringify(file)}, "utf8").trim().split("\\n").length;
    if (starts <= ${crashes}) process.exit(${code});
    process.exit(0);`;
  return ["-e", script];
}
const starts = (name: string) => fs.readFileSync(path.join(dir, name), "utf8").trim().split("\n").length;

describe("supervise", () => {
  it("restarts a server that crashed, with a log line per restart", async () => {
    const lines: string[] = [];
    const code = await supervise({
      command: process.execPath,
      args: flaky("twice", 2),
      firstDelayMs: 20,
      log: (l: string) => lines.push(l),
    });
    expect(starts("twice")).toBe(3);
    expect(code).toBe(0);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/exited \(code 3\); restarting in 20 ms/);
    expect(lines[1]).toMatch(/restarting in 40 ms/);
  });

  it("gives up after repeated rapid crashes and exits with the server's code", async () => {
    const lines: string[] = [];
    const code = await supervise({
      command: process.execPath,
      args: flaky("always", 100, 7),
      maxCrashes: 4,
      firstDelayMs: 5,
      log: (l: string) => lines.push(l),
    });
    expect(starts("always")).toBe(4);
    expect(code).toBe(7);
    expect(lines.at(-1)).toMatch(/4 crashes within 60 s: giving up/);
  });

  it("forwards SIGTERM to the server and exits when it has stopped", async () => {
    const marker = path.join(dir, "got-term");
    const child = `process.on("SIGTERM", () => { require("fs").writeFileSync(${JSON.stringify(marker)}, "x"); process.exit(0); });
      setInterval(() => {}, 1000); console.log("ready");`;
    const runner = `import { supervise } from ${JSON.stringify(path.resolve("scripts/supervise.mjs"))};
      process.exit(await supervise({ command: process.execPath, args: ["-e", ${JSON.stringify(child)}] }));`;
    const proc = spawn(process.execPath, ["--input-type=module", "-e", runner], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((r) => proc.stdout.on("data", (d: Buffer) => d.toString().includes("ready") && r()));
    proc.kill("SIGTERM");
    const exit = await new Promise<number | null>((r) => proc.on("exit", (c) => r(c)));
    expect(exit).toBe(0);
    expect(fs.existsSync(marker)).toBe(true);
  });
});
