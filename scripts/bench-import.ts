/**
 * `npm run bench:import`: a 10,000-row CSV (the default data set's rows for every year plus new
 * vendors, breakdowns adding up) through the import, on a fresh database (DATABASE_URL's server →
 * a throwaway database on it; unset → a throwaway embedded PGlite). Prints the time of
 * parse + validate + preview (stageImport, as POST /api/v1/imports runs it) and of the commit
 * (fit of the cube included), median of a few runs for the first.
 * Options: --rows N (default 10000). `--repro rows|bad|bad-small|members|zip` instead stages one
 * hostile file (10 MB of 294k rows adding members; 10 MB of bad rows; 50,000 bad rows; 50,000 new
 * members; a 1 MB XLSX whose sheet claims 1,000 bytes and inflates to 1 GB)
 * and prints the answer's status, size, time, the longest event-loop stall and the peak RSS.
 * The event-loop stall is what every other request of the server would wait.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import pg from "pg";

const rowsWanted = Number(process.argv[process.argv.indexOf("--rows") + 1]) || 10_000;
// --vendors N: add new vendors until the version has N (instead of --rows); --in-place: load into
// DATABASE_URL itself (migrated and seeded if needed) and keep it, for npm run bench:scale.
const vendorsWanted = process.argv.includes("--vendors")
  ? Number(process.argv[process.argv.indexOf("--vendors") + 1])
  : 0;
const inPlace = process.argv.includes("--in-place");
const repro = process.argv.includes("--repro") ? process.argv[process.argv.indexOf("--repro") + 1] : null;

/** An XLSX of ~1 MB whose sheet claims 1,000 bytes and inflates to 1 GB (deflated as a stream). */
async function zipBomb(): Promise<Uint8Array> {
  const ExcelJS = (await import("exceljs")).default;
  const { readParts, writeZip } = await import("../tests/support/zip");
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("total").addRow(["member", 2024]);
  const parts = readParts(new Uint8Array(await wb.xlsx.writeBuffer()));
  const sheet = parts.find((p) => p.name === "xl/worksheets/sheet1.xml")!;
  const [before, after] = sheet.data.toString().split("<sheetData>");
  const z = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on("data", (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => z.on("end", resolve));
  z.write(`${before}<sheetData>`);
  const spaces = Buffer.alloc(1024 * 1024, 0x20);
  for (let i = 0; i < 1024; i++) if (!z.write(spaces)) await new Promise((r) => z.once("drain", r));
  z.end(after);
  await done;
  sheet.packed = Buffer.concat(out);
  sheet.declared = 1_000;
  return writeZip(parts);
}

/** The hostile files of the hardening reports. */
function reproFile(kind: string): string {
  const head = "table,member,year,value,basis\n";
  const fill = (line: (i: number) => string, bytes: number, maxRows = Infinity) => {
    const out: string[] = [];
    let size = head.length;
    for (let i = 0; size < bytes && i < maxRows; i++) {
      const l = line(i);
      out.push(l);
      size += l.length + 1;
    }
    return head + out.join("\n") + "\n";
  };
  const tenMb = 10 * 1024 * 1024 - 1024;
  if (kind === "rows")
    return fill((i) => `vendor,Repro Vendor ${Math.floor(i / 12)},${2021 + (i % 12)},0.01,published`, tenMb);
  if (kind === "bad") return fill(() => "planet,mars,20x4,1;5,maybe", tenMb);
  if (kind === "bad-small") return fill(() => "planet,mars,20x4,1;5,maybe", Infinity, 50_000);
  if (kind === "members") return fill((i) => `vendor,Repro Vendor ${i},2024,0.0001,published`, Infinity, 50_000);
  throw new Error(`--repro ${kind}: one of rows, bad, bad-small, members`);
}

/** Runs `run`, timing it and the longest gap between ticks of a 5 ms timer (a blocked event loop). */
async function stall<T>(run: () => Promise<T>): Promise<{ value: T; ms: number; stallMs: number }> {
  let last = performance.now();
  let longest = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  const t = performance.now();
  const value = await run();
  const ms = performance.now() - t;
  // Let the timer fire once more, so a stall at the very end is counted too.
  await new Promise((resolve) => setTimeout(resolve, 20));
  clearInterval(tick);
  return { value, ms, stallMs: longest };
}

async function freshDatabase(): Promise<{ env: Record<string, string>; drop: () => Promise<void>; kind: string }> {
  const url = process.env.DATABASE_URL;
  if (inPlace && url) return { env: {}, drop: async () => undefined, kind: `Postgres (${new URL(url).host})` };
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
    if (repro) {
      const bytes = repro === "zip" ? await zipBomb() : new TextEncoder().encode(reproFile(repro));
      const fileName = repro === "zip" ? "bomb.xlsx" : `${repro}.csv`;
      // A running server has the data set it builds on in memory: load it before timing.
      const { getDefinition } = await import("@/lib/server/dataset-tables");
      const warm = (await getDataset())!.id;
      await Promise.all([getDatasetTables(warm), getDefinition(warm)]);
      const rssBefore = process.resourceUsage().maxRSS / 1024;
      const r = await stall(() => stageImport({ bytes, fileName, actor: "bench" }));
      const body = r.value.ok
        ? JSON.stringify({ id: r.value.value.id, preview: r.value.value.preview })
        : JSON.stringify({
            error: { message: r.value.message },
            errors: r.value.errors,
            errorCount: r.value.errorCount,
          });
      const lines = new TextDecoder().decode(bytes).split("\n").length - 2;
      console.log(`--repro ${repro}: ${(bytes.length / 1024 / 1024).toFixed(1)} MB, ${lines} rows on ${db.kind}`);
      console.log(`| status | body | time | longest event-loop stall | peak RSS before → after staging |`);
      console.log(
        `| ${r.value.ok ? 201 : r.value.status} | ${(body.length / 1024).toFixed(1)} KB | ${(r.ms / 1000).toFixed(2)} s | ${(r.stallMs / 1000).toFixed(2)} s | ${rssBefore.toFixed(0)} → ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB |`,
      );
      if (!r.value.ok) console.log(`message: ${r.value.message.slice(0, 200)}`);
      return;
    }
    const active = (await getDataset())!;
    const tables = (await getDatasetTables(active.id))!;
    const lines = tablesToCsv(tables).trimEnd().split("\n");
    const years = tables.lastYear - tables.firstYear + 1;
    const dataRows = lines.filter((l) => !l.startsWith("meta,")).length - 1;
    const extra = vendorsWanted
      ? Math.max(0, vendorsWanted - tables.members.vendor.length)
      : Math.max(0, Math.ceil((rowsWanted - dataRows) / years));
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
    const c = await stall(() => commitImport(id, "bench"));
    const committed = c.value;
    const commitMs = c.ms;
    if (!committed.ok) throw new Error(committed.message);
    const { getDb } = await import("@/lib/server/db");
    const stored = await getDb().prisma.dataset.findUniqueOrThrow({
      where: { id: committed.value.id },
      select: { cube: { select: { cells: true } } },
    });
    const facts = stored.cube?.cells ?? 0;
    stageTimes.sort((a, b) => a - b);
    console.log(
      `Import of a ${rows}-row CSV (${(bytes.length / 1024).toFixed(0)} KB, ${extra} new vendors) on ${db.kind}`,
    );
    console.log(`| step                                   | time      | target |`);
    console.log(`| parse + validate + preview (median, 3) | ${(stageTimes[1] / 1000).toFixed(2)} s    | ≤ 2 s  |`);
    console.log(`| commit (fit of ${facts} facts + store)  | ${(commitMs / 1000).toFixed(2)} s    | ≤ 10 s |`);
    console.log(`| longest event-loop stall in the commit  | ${(c.stallMs / 1000).toFixed(2)} s    |        |`);
    // One line for npm run bench:scale to read.
    console.log(
      `bench-import-result ${JSON.stringify({ rows, extra, cells: facts, previewMs: stageTimes[1], commitMs, stallMs: c.stallMs, dataset: committed.value.id })}`,
    );
  } finally {
    await closeDb();
    await db.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
