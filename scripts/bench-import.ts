/**
 * `npm run bench:import`: a 10,000-row CSV (the default data set's rows for every year plus new
 * vendors, breakdowns adding up) through the import, on a fresh database (DATABASE_URL's server →
 * a throwaway database on it; unset → a throwaway embedded PGlite). Prints the time of
 * parse + validate + preview (stageImport, as POST /api/v1/imports runs it) and of the commit
 * (fit of the cube included), median of a few runs for the first.
 * Options: --rows N (default 10000).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const rowsWanted = Number(process.argv[process.argv.indexOf("--rows") + 1]) || 10_000;

async function freshDatabase(): Promise<{ env: Record<string, string>; drop: () => Promise<void>; kind: string }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-import-"));
    return {
      env: { PGLITE_DIR: dir },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
      kind: "embedded PGlite",
    };
  }
  const name = `bench_import_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: u.toString() },
    kind: `Postgres (${u.host})`,
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

async function main() {
  const db = await freshDatabase();
  Object.assign(process.env, db.env);
  const { closeDb } = await import("@/lib/server/db");
  const setup = await import("@/lib/server/admin/setup");
  const { getDataset } = await import("@/lib/server/queries");
  const { getDatasetTables } = await import("@/lib/server/dataset-tables");
  const { tablesToCsv } = await import("@/lib/import/export");
  const { stageImport, commitImport } = await import("@/lib/server/imports");
  try {
    await setup.migrate();
    await setup.seed();
    const active = (await getDataset())!;
    const tables = (await getDatasetTables(active.id))!;
    const lines = tablesToCsv(tables).trimEnd().split("\n");
    const years = tables.lastYear - tables.firstYear + 1;
    const dataRows = lines.filter((l) => !l.startsWith("meta,")).length - 1;
    const extra = Math.max(0, Math.ceil((rowsWanted - dataRows) / years));
    // New vendors take 0.5% of each year's vendor split; existing vendors shrink to make room.
    const out = lines.map((line) => {
      const [table, member, year, value, basis] = line.split(",");
      if (table !== "vendor" || year === "year") return line;
      return [table, member, year, String(Number(value) * 0.995), basis].join(",");
    });
    for (let k = 0; k < extra; k++) {
      for (let y = tables.firstYear; y <= tables.lastYear; y++) {
        const total = tables.values.get(`total|total|${y}`)!.value;
        out.push(`vendor,Bench Vendor ${k + 1},${y},${String((total * 0.005) / extra)},published`);
      }
    }
    const csv = out.join("\n") + "\n";
    const rows = out.length - 1;
    const bytes = new TextEncoder().encode(csv);

    const stageTimes: number[] = [];
    let id = "";
    for (let run = 0; run < 3; run++) {
      const t = performance.now();
      const staged = await stageImport({ bytes, fileName: "bench.csv", actor: "bench" });
      stageTimes.push(performance.now() - t);
      if (!staged.ok) throw new Error(`${staged.message}: ${JSON.stringify(staged.errors?.slice(0, 3))}`);
      id = staged.value.id;
    }
    const t = performance.now();
    const committed = await commitImport(id, "bench");
    const commitMs = performance.now() - t;
    if (!committed.ok) throw new Error(committed.message);
    const { getDb } = await import("@/lib/server/db");
    const facts = await getDb().prisma.fact.count({ where: { datasetId: committed.value.id } });
    stageTimes.sort((a, b) => a - b);
    console.log(
      `Import of a ${rows}-row CSV (${(bytes.length / 1024).toFixed(0)} KB, ${extra} new vendors) on ${db.kind}`,
    );
    console.log(`| step                                   | time      | target |`);
    console.log(`| parse + validate + preview (median, 3) | ${(stageTimes[1] / 1000).toFixed(2)} s    | ≤ 2 s  |`);
    console.log(`| commit (fit of ${facts} facts + store)  | ${(commitMs / 1000).toFixed(2)} s    | ≤ 10 s |`);
  } finally {
    await closeDb();
    await db.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
