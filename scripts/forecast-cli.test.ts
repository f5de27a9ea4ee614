/** Runs the CLI as users do (tsx), on a temp file and on stdin. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");
const cli = path.join(root, "scripts", "forecast-cli.ts");
const dir = mkdtempSync(path.join(tmpdir(), "forecast-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[], input?: string) =>
  spawnSync("npx", ["tsx", cli, ...args], { cwd: root, input, encoding: "utf8", timeout: 60_000 });

function writeInput(name: string, value: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
}

const body = { series: [{ id: "a", values: [5, 6, 8, 9, 11, 12, 14, 15, 17], h: 3, level: [90] }] };

describe("forecast CLI", () => {
  it("reads --input file and prints the JSON contract", () => {
    const file = path.join(dir, "in.json");
    writeFileSync(file, JSON.stringify(body));
    const r = run(["--input", file]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { series: { id: string; mean: number[]; lower: Record<string, number[]> }[] };
    expect(out.series[0].id).toBe("a");
    expect(out.series[0].mean).toHaveLength(3);
    expect(Object.keys(out.series[0].lower)).toEqual(["90"]);
  });

  it("takes more series than the HTTP route's 200 in one call", () => {
    const many = {
      series: Array.from({ length: 300 }, (_, i) => ({
        id: `s${i}`,
        values: [5, 6, 8, 9, 11 + (i % 7)],
        h: 2,
        method: "naive",
      })),
    };
    const r = run(["--input", writeInput("many.json", many), "--quiet"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout) as { series: { id: string }[] };
    expect(out.series.map((s) => s.id)).toEqual(many.series.map((s) => s.id));
  });

  it("reads stdin when no --input is given", () => {
    const r = run([], JSON.stringify(body));
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { series: unknown[] }).series).toHaveLength(1);
  });

  it("bad input: message on stderr naming the field, exit code 2", () => {
    const r = run([], JSON.stringify({ series: [{ id: "a", values: [1, 2], h: 3 }] }));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("series.0.values");
    expect(r.stdout).toBe("");
    const j = run([], "not json");
    expect(j.status).toBe(2);
    expect(j.stderr).toContain("JSON");
  });
});
