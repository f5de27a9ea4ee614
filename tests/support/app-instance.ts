/**
 * One app instance's data layer in a process of its own (its own database pool, its own list of
 * versions in memory), for tests of what separate instances must agree on. Run with
 * `tsx --conditions=react-server tests/support/app-instance.ts`, DATABASE_URL set. Reads one JSON
 * command per line on stdin and answers one JSON line on stdout:
 *   {"op":"active"}               → {"id": the version an unpinned request is answered from}
 *   {"op":"activate","id":"…"}    → the outcome of the activate route's call
 *   {"op":"mark"}                 → the activation log's newest id, as this process reads it
 */
import readline from "node:readline";
import { activateDataset } from "@/lib/server/imports";
import { activationMark, getDataset } from "@/lib/server/queries";

type Command = { op: "active" } | { op: "activate"; id: string } | { op: "mark" };

async function run(cmd: Command): Promise<unknown> {
  if (cmd.op === "active") return { id: (await getDataset())?.id ?? null };
  if (cmd.op === "activate") return activateDataset(cmd.id, "instance@example.com");
  return activationMark();
}

async function main(): Promise<void> {
  const lines = readline.createInterface({ input: process.stdin });
  // One command at a time, in order: each answer is written before the next command is read.
  for await (const line of lines) {
    let answer: unknown;
    try {
      answer = { ok: true, value: await run(JSON.parse(line) as Command) };
    } catch (error) {
      answer = { ok: false, error: String((error as Error)?.message ?? error) };
    }
    process.stdout.write(`${JSON.stringify(answer)}\n`);
  }
  process.exit(0);
}

void main();
