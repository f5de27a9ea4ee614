/**
 * Batch forecasts from the command line.
 *   npm run --silent forecast -- --input file.json [--quiet]    (or JSON on stdin)
 * Input/output follow lib/forecast/schema.ts, with any number of series (the HTTP route's limit of
 * 200 bounds the route only). Runs longer than a second report progress on stderr (once a second;
 * --quiet silences it). Bad input: message on stderr, exit code 2.
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
  const unknown = argv.filter(
    (a, j) => a.startsWith("-") && !(a === "--input" || a === "--quiet" || argv[j - 1] === "--input"),
  );
  if (unknown.length > 0) fail(`unknown option ${unknown[0]} (usage: forecast [--input file.json] [--quiet])`);
  return readFileSync(0, "utf8");
}

/** "forecast: 120/645 series (19%), 3.1 s elapsed, ~13 s left" at most once a second, after the first second. */
function progressReporter(quiet: boolean): (done: number, total: number) => void {
  const started = performance.now();
  let last = started;
  return (done, total) => {
    const now = performance.now();
    const printedBefore = last !== started;
    if (quiet || (done === total ? !printedBefore : now - last < 1_000)) return;
    last = now;
    const elapsed = (now - started) / 1_000;
    const left = done < total ? `, ~${Math.ceil((elapsed / done) * (total - done))} s left` : ", done";
    process.stderr.write(
      `forecast: ${done}/${total} series (${Math.floor((100 * done) / total)}%), ${elapsed.toFixed(1)} s elapsed${left}\n`,
    );
  };
}

function main(): void {
  const argv = process.argv.slice(2);
  const text = readInput(argv);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    fail("input is not valid JSON");
  }
  const outcome = runBatch(body, { unlimitedSeries: true, onProgress: progressReporter(argv.includes("--quiet")) });
  if (!outcome.ok) fail(outcome.problem.message);
  process.stdout.write(`${JSON.stringify(outcome.response)}\n`);
}

main();
