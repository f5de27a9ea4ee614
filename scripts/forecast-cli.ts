/**
 * Batch forecasts from the command line.
 *   npm run --silent forecast -- --input file.json     (or JSON on stdin)
 * Input/output follow lib/forecast/schema.ts. Bad input: message on stderr, exit code 2.
 */
import { readFileSync } from "node:fs";
import { runBatch } from "../lib/forecast";

function fail(message: string): never {
  process.stderr.write(`forecast: ${message}\n`);
  process.exit(2);
}

function readInput(argv: string[]): string {
  const i = argv.indexOf("--input");
  if (i >= 0) {
    const file = argv[i + 1];
    if (!file) fail("--input needs a file path");
    try {
      return readFileSync(file, "utf8");
    } catch (err) {
      fail(`cannot read ${file}: ${(err as Error).message}`);
    }
  }
  const unknown = argv.filter((a, j) => a.startsWith("-") && !(a === "--input" || argv[j - 1] === "--input"));
  if (unknown.length > 0) fail(`unknown option ${unknown[0]} (usage: forecast [--input file.json])`);
  return readFileSync(0, "utf8");
}

function main(): void {
  const text = readInput(process.argv.slice(2));
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    fail("input is not valid JSON");
  }
  const outcome = runBatch(body);
  if (!outcome.ok) fail(outcome.problem.message);
  process.stdout.write(`${JSON.stringify(outcome.response)}\n`);
}

main();
