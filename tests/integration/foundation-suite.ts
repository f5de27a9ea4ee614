/**
 * The foundation's checks, run once per database kind (real Postgres, embedded PGlite): migrate from
 * empty, seed twice, then query through the data-access layer and the public API.
 */
import { createHash } from "node:crypto";
import { fitDenseCube } from "@/lib/market/cube/build-cube";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DIMENSIONS } from "@/lib/market/types";
import { defineCoherenceProperties } from "./coherence-properties";

type Setup = () => Promise<{ env: Record<string, string>; teardown: () => Promise<void> }>;

export function defineFoundationSuite(kind: string, setup: Setup) {
  describe(`foundation on ${kind}`, () => {
    let teardown: () => Promise<void> = async () => {};
    let mods: {
      db: typeof import("@/lib/server/db");
      setup: typeof import("@/lib/server/admin/setup");
      market: typeof import("@/lib/server/market");
      queries: typeof import("@/lib/server/queries");
      route: typeof import("@/app/api/v1/series/route");
      health: typeof import("@/app/api/health/route");
      data: typeof import("@/prisma/data/default-dataset");
      seed: typeof import("@/lib/server/admin/seed");
      filters: typeof import("@/lib/market/query/filters");
    };

    beforeAll(async () => {
      const s = await setup();
      teardown = s.teardown;
      Object.assign(process.env, s.env);
      // Imported after the environment is set: the db module reads it once.
      mods = {
        db: await import("@/lib/server/db"),
        setup: await import("@/lib/server/admin/setup"),
        market: await import("@/lib/server/market"),
        queries: await import("@/lib/server/queries"),
        route: await import("@/app/api/v1/series/route"),
        health: await import("@/app/api/health/route"),
        data: await import("@/prisma/data/default-dataset"),
        seed: await import("@/lib/server/admin/seed"),
        filters: await import("@/lib/market/query/filters"),
      };
    });

    afterAll(async () => {
      await mods?.db.closeDb();
      await teardown();
    });

    const view = async (params: Record<string, string> = {}) => {
      const q = mods.filters.parseSeriesQuery(new URLSearchParams(params));
      if (!q.ok) throw new Error(q.problem.message);
      const r = await mods.market.getSeriesView(q.value);
      if (!r.ok) throw new Error(r.problem.message);
      return r.view;
    };
    const api = (qs: string, init?: RequestInit) =>
      mods.route.GET(new Request(`http://test/api/v1/series?${qs}`, init));

    it("migrates an empty database, and a second run applies nothing", async () => {
      const first = await mods.setup.migrate();
      // Every folder of prisma/migrations, oldest first (the first two are the foundation's own).
      const folders = fs
        .readdirSync("prisma/migrations", { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort();
      expect(folders.slice(0, 2)).toEqual(["20261128202835_init", "20261128203000_immutable_versions"]);
      expect(first).toEqual(folders);
      expect(await mods.setup.migrate()).toEqual([]);
    });

    it("seeds the default data set once; a second run adds nothing", async () => {
      const first = await mods.setup.seed();
      expect(first.created).toBe(true);
      expect(first.facts).toBe(3 * 9 * 16 * 5 * 12);
      const second = await mods.setup.seed();
      expect(second).toEqual({ datasetId: first.datasetId, created: false, facts: 0 });
      const prisma = mods.db.getDb().prisma;
      expect(await prisma.dataset.count()).toBe(1);
      // The version's cube is one packed value, named by the SHA-256 of its bytes.
      const cubes = await prisma.cube.findMany();
      expect(cubes.map((c) => c.cells)).toEqual([25_920]);
      expect(cubes[0].bytes.length).toBe(32 + 8 * 25_920);
      expect(createHash("sha256").update(cubes[0].bytes).digest("hex")).toBe(cubes[0].hash);
      const ds = await prisma.dataset.findUniqueOrThrow({ where: { id: first.datasetId } });
      expect(ds.cubeHash).toBe(cubes[0].hash);
    });

    it("returns the published totals exactly: 2024 = 8,934 and 2031 = 19,700", async () => {
      const v = await view();
      const total = v.series[0];
      const at = (y: number) => total.points.find((p) => p.year === y)!;
      expect(at(2024).value).toBe(8_934);
      expect(at(2031).value).toBe(19_700);
      expect(at(2024).basis).toBe("published");
      expect(at(2031).basis).toBe("published");
      expect(at(2023).basis).toBe("modelled");
      const cagr = Math.pow(at(2031).value / at(2025).value, 1 / 6) - 1;
      expect(cagr * 100).toBeCloseTo(12.1, 6);
      expect(total.points.map((p) => p.year)).toEqual(Array.from({ length: 12 }, (_, i) => 2021 + i));
    });

    it("every breakdown sums to its total in every year, within 0.01, for the whole market and for slices", async () => {
      const slices: Record<string, string>[] = [
        {},
        { sector: "healthcare" },
        { vendor: "openai,anthropic", region: "europe" },
        { type: "industry-specific" },
      ];
      for (const slice of slices) {
        const total = (await view(slice)).series[0];
        for (const by of DIMENSIONS) {
          const parts = await view({ ...slice, by });
          for (const p of total.points) {
            const sum = parts.series.reduce((acc, s) => acc + s.points.find((q) => q.year === p.year)!.value, 0);
            expect(Math.abs(sum - p.value), `${JSON.stringify(slice)} by ${by} in ${p.year}`).toBeLessThanOrEqual(0.01);
          }
        }
      }
    });

    defineCoherenceProperties(() => ({ view, api }));

    it("filters narrow the market: a slice is smaller than the whole and multi-valued filters add up", async () => {
      const whole = (await view({ from: "2024", to: "2024" })).series[0].points[0].value;
      const a = (await view({ from: "2024", to: "2024", vendor: "openai" })).series[0].points[0].value;
      const b = (await view({ from: "2024", to: "2024", vendor: "google" })).series[0].points[0].value;
      const ab = (await view({ from: "2024", to: "2024", vendor: "openai,google" })).series[0].points[0].value;
      expect(a).toBeGreaterThan(0);
      expect(a).toBeLessThan(whole);
      expect(ab).toBeCloseTo(a + b, 6);
    });

    it("the stored cube is the fit of the stored definition, cell for cell, and sums to the given totals", async () => {
      const ds = (await mods.queries.getDataset())!;
      const cube = await mods.queries.getCube(ds.id);
      const fit = fitDenseCube(mods.data.defaultDataset);
      expect(cube.shape).toEqual(fit.shape);
      expect(cube.firstYear).toBe(2021);
      expect(Buffer.from(cube.micro.buffer).equals(Buffer.from(fit.micro.buffer))).toBe(true);
      const perYear = cube.micro.length / cube.shape[0];
      for (const t of mods.data.defaultDataset.totals) {
        const y = t.year - cube.firstYear;
        const sum = cube.micro.subarray(y * perYear, (y + 1) * perYear).reduce((a, b) => a + b, 0);
        // Whole micro-units: a published total (8,934, 19,700) exactly, a modelled one to the dollar.
        expect(sum / 1e6, `${t.year}`).toBe(Math.round(t.value * 1e6) / 1e6);
        if (t.basis === "published") expect(sum / 1e6).toBe(t.value);
      }
    });

    it("serves JSON and CSV from /api/v1/series", async () => {
      const res = await api("by=region&from=2024&to=2025");
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.dataset).toMatchObject({ unit: "US$ M", currency: "USD", historyTo: 2025 });
      expect(body.series).toHaveLength(5);
      expect(body.series[0].points[0]).toEqual({ year: 2024, value: expect.any(Number), basis: "modelled" });
      expect(res.headers.get("etag")).toBeTruthy();
      const again = await api("by=region&from=2024&to=2025", {
        headers: { "if-none-match": res.headers.get("etag")! },
      });
      expect(again.status).toBe(304);
      const csv = await api("by=total&format=csv");
      expect(csv.status).toBe(200);
      expect(csv.headers.get("content-type")).toContain("text/csv");
      const lines = (await csv.text()).trim().split("\r\n");
      expect(lines[0]).toBe("series_key,series,year,value (US$ M),basis,phase");
      expect(lines).toHaveLength(13);
      expect(lines.find((l) => l.includes(",2024,"))).toMatch(/^total,Total market,2024,8934,published,history$/);
    });

    it("a workbook's ETag covers its export date and permalink, and it is never cached as immutable", async () => {
      const id = ((await (await api("by=total")).json()) as { dataset: { id: string } }).dataset.id;
      const xlsx = (qs: string) => api(`${qs}&dataset=${id}`);
      const first = await xlsx("by=total&format=xlsx");
      expect(first.status).toBe(200);
      expect(first.headers.get("cache-control")).not.toContain("immutable");
      const etag = first.headers.get("etag")!;
      expect((await xlsx("by=total&format=xlsx&from=2021")).headers.get("etag"), "another permalink").not.toBe(etag);
      vi.useFakeTimers({ toFake: ["Date"] });
      try {
        vi.setSystemTime(Date.now() + 86_400_000);
        expect((await xlsx("by=total&format=xlsx")).headers.get("etag"), "another export date").not.toBe(etag);
      } finally {
        vi.useRealTimers();
      }
      expect((await api(`by=total&format=xlsx&dataset=${id}`, { headers: { "if-none-match": etag } })).status).toBe(
        304,
      );
    });

    it.each([
      ["vendor=nobody", "vendor"],
      ["sector=healthcare,mining", "sector"],
      ["from=abc", "from"],
      ["from=2030&to=2022", "from"],
      ["from=2010", "from"],
      ["to=2040", "to"],
      ["by=colour", "by"],
      ["type=General%20Purpose", "type"],
      ["format=pdf", "format"],
      ["vendors=openai", "vendors"],
    ])("answers 400 naming the parameter for %s", async (qs, param) => {
      const res = await api(qs);
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.error.param).toBe(param);
      expect(body.error.message).toContain(param);
    });

    it("answers 404 for an unknown dataset id", async () => {
      const res = await api("dataset=no-such-dataset-v9");
      expect(res.status).toBe(404);
      expect((await res.json()).error.param).toBe("dataset");
    });

    it("reports health: database reachable, active dataset", async () => {
      const res = await mods.health.GET(new Request("http://localhost/api/health"));
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.database.reachable).toBe(true);
      expect(body.dataset).toMatchObject({ id: "large-scale-ai-models-global-v1", facts: 25_920 });
    });

    it("refuses to update or delete stored figures", async () => {
      const prisma = mods.db.getDb().prisma;
      await expect(prisma.cube.updateMany({ data: { cells: 1 } })).rejects.toThrow(/immutable/);
      await expect(prisma.cube.deleteMany({})).rejects.toThrow(/immutable/);
      await expect(prisma.dataset.deleteMany({})).rejects.toThrow(/immutable/);
      const total = (await view({ from: "2024", to: "2024" })).series[0].points[0].value;
      expect(Math.abs(total - 8_934)).toBeLessThanOrEqual(0.5);
    });

    it("a changed definition becomes a new version and the old one stays readable", async () => {
      // A revised edition with a revised modelled total, so the two versions' cubes differ.
      const base = mods.data.defaultDataset;
      const def = {
        ...base,
        edition: `${base.edition} (revised)`,
        totals: base.totals.map((t) => (t.year === 2021 && t.basis === "modelled" ? { ...t, value: t.value + 1 } : t)),
      };
      expect(def.totals).not.toEqual(base.totals);
      const result = await mods.seed.seedDataset(mods.db.getDb().prisma, def);
      expect(result).toMatchObject({ created: true, datasetId: "large-scale-ai-models-global-v2" });
      const datasets = await mods.queries.getDatasets();
      expect(datasets.map((d) => [d.id, d.status])).toEqual([
        ["large-scale-ai-models-global-v2", "active"],
        ["large-scale-ai-models-global-v1", "superseded"],
      ]);
      const pinned = await view({ dataset: "large-scale-ai-models-global-v1", from: "2024", to: "2024" });
      expect(pinned.dataset.id).toBe("large-scale-ai-models-global-v1");
      expect((await view()).dataset.id).toBe("large-scale-ai-models-global-v2");
    });

    it("refuses TRUNCATE of every dataset table, also cascaded; nothing is emptied", async () => {
      const prisma = mods.db.getDb().prisma;
      for (const table of ["Cube", "Member", "Figure", "Outlook", "OtherEstimate", "Dataset"])
        await expect(prisma.$executeRawUnsafe(`TRUNCATE "${table}" CASCADE`)).rejects.toThrow(/immutable: TRUNCATE/);
      expect(await prisma.cube.count()).toBe(2);
      expect(await prisma.member.count({ where: { datasetId: "large-scale-ai-models-global-v1" } })).toBe(33);
    });

    it("seals a version when its load commits: rows added to it later are refused", async () => {
      const prisma = mods.db.getDb().prisma;
      const v1 = await prisma.dataset.findUniqueOrThrow({ where: { id: "large-scale-ai-models-global-v1" } });
      expect(v1.sealedAt).not.toBeNull();
      expect(v1.contentChecksum).toMatch(/^[0-9a-f]{64}$/);
      const { id: _id, ...member } = await prisma.member.findFirstOrThrow({ where: { datasetId: v1.id } });
      await expect(prisma.member.create({ data: { ...member, slug: "late-member" } })).rejects.toThrow(/sealed/);
      await expect(
        prisma.figure.create({ data: { datasetId: v1.id, key: "extra", label: "x", unit: "x", basis: "published" } }),
      ).rejects.toThrow(/sealed/);
      await expect(prisma.$queryRawUnsafe(`SELECT "seal_dataset"('${v1.id}')`)).rejects.toThrow(/already sealed/);
      expect((await mods.setup.verify()).every((c) => c.sealed && c.intact)).toBe(true);
    });

    // Last: it leaves v1 tampered. Only the owner can bypass the triggers; the checksum still tells.
    it("a tampered version is reported by health and never served", async () => {
      const prisma = mods.db.getDb().prisma;
      // One cell of v1's packed cube changed in place (its first 2024 cell's last byte), behind the
      // trigger and the hash constraint.
      await prisma.$transaction([
        prisma.$executeRawUnsafe(`ALTER TABLE "Cube" DISABLE TRIGGER "Cube_immutable"`),
        prisma.$executeRawUnsafe(`ALTER TABLE "Cube" DROP CONSTRAINT "Cube_hash_matches"`),
        prisma.$executeRawUnsafe(
          `UPDATE "Cube" c SET bytes = set_byte(bytes, 32 + 3 * 2160 * 8 + 7, get_byte(bytes, 32 + 3 * 2160 * 8 + 7) # 1)
             FROM "Dataset" d WHERE d.id = 'large-scale-ai-models-global-v1' AND c.hash = d."cubeHash"`,
        ),
        prisma.$executeRawUnsafe(`ALTER TABLE "Cube" ENABLE TRIGGER "Cube_immutable"`),
      ]);
      const checks = await mods.setup.verify();
      expect(checks.find((c) => c.id === "large-scale-ai-models-global-v1")).toMatchObject({
        sealed: true,
        intact: false,
      });
      expect(checks.find((c) => c.id === "large-scale-ai-models-global-v2")).toMatchObject({
        sealed: true,
        intact: true,
      });
      const pinned = await api("dataset=large-scale-ai-models-global-v1");
      expect(pinned.status).toBe(503);
      expect((await pinned.json()).error.message).toMatch(/integrity/);
      expect((await api("")).status).toBe(200);
      // Health shares one check's result for HEALTH_REUSE_MS: the next check after that sees it.
      const { HEALTH_REUSE_MS } = await import("@/lib/server/health");
      await new Promise((resolve) => setTimeout(resolve, HEALTH_REUSE_MS + 50));
      const health = await mods.health.GET(new Request("http://localhost/api/health"));
      expect(health.status).toBe(503);
      expect((await health.json()).integrity.tampered).toEqual(["large-scale-ai-models-global-v1"]);
    });

    // Every path that serves a version refuses the tampered one, in the one problem shape.
    it("a tampered version is refused by its export, diff, cube, preview image and pages", async () => {
      const v1 = "large-scale-ai-models-global-v1";
      const v2 = "large-scale-ai-models-global-v2";
      const refused = async (r: Response, what: string) => {
        expect(r.status, what).toBe(503);
        const body = await r.json();
        expect(body.error, what).toMatchObject({ param: null, message: expect.stringMatching(/integrity/) });
        expect(JSON.stringify(body), what).not.toMatch(/checksum|Fact|stack/);
      };
      const byId = { params: Promise.resolve({ id: v1 }) };
      const exp = await import("@/app/api/v1/datasets/[id]/export/route");
      for (const format of ["csv", "xlsx"])
        await refused(
          await exp.GET(new Request(`http://test/api/v1/datasets/${v1}/export?format=${format}`), byId),
          format,
        );
      const diff = await import("@/app/api/v1/datasets/[id]/diff/route");
      await refused(await diff.GET(new Request(`http://test/api/v1/datasets/${v1}/diff?against=${v2}`), byId), "diff");
      const against = { params: Promise.resolve({ id: v2 }) };
      await refused(
        await diff.GET(new Request(`http://test/api/v1/datasets/${v2}/diff?against=${v1}`), against),
        "diff",
      );
      const cube = await import("@/app/api/v1/cube/route");
      await refused(await cube.GET(new Request(`http://test/api/v1/cube?dataset=${v1}`)), "cube");
      const og = await import("@/app/og/route");
      await refused(await og.GET(new Request(`http://test/og?page=/&dataset=${v1}`)), "og");
      // The intact version is still served by each of them.
      const ok = await exp.GET(new Request(`http://test/api/v1/datasets/${v2}/export`), against);
      expect(ok.status).toBe(200);
      expect((await cube.GET(new Request(`http://test/api/v1/cube?dataset=${v2}`))).status).toBe(200);
      // Pages read through the same context: a pinned tampered version is a 503, never the page.
      const status = (p: Promise<unknown>) =>
        p.then(
          () => 200,
          (e: { status?: number }) => e.status ?? 500,
        );
      expect(await status(mods.market.getPageContext({ dataset: v1 }))).toBe(503);
      const memberPage = await import("@/lib/server/member-page");
      expect(await status(memberPage.getMemberPage("vendor", "openai", { dataset: v1 }, ["region"]))).toBe(503);
      expect(await status(mods.market.getPageContext({ dataset: v2 }))).toBe(200);
      // Before anything streams, a page pinned to it is sent to the 503 page (not a loading shell).
      const gate = await import("@/lib/server/version-gate");
      const target = (p: Promise<unknown>) =>
        p.then(
          () => "served",
          (e: { digest?: string }) => e.digest ?? String(e),
        );
      expect(await target(gate.refuseTamperedVersion({ dataset: v1 }))).toMatch(
        new RegExp(`^NEXT_REDIRECT;\\w+;/unavailable\\?dataset=${v1};307;`),
      );
      expect(await target(gate.refuseTamperedVersion({ dataset: v2 }))).toBe("served");
      expect(await target(gate.refuseTamperedVersion({}))).toBe("served");
      // Every page that shows a version runs that check first, whatever it shows.
      const pages = {
        methodology: await import("@/app/methodology/page"),
        story: await import("@/app/story/page"),
        sectors: await import("@/app/sectors/(index)/page"),
        types: await import("@/app/types/(index)/page"),
        vendors: await import("@/app/vendors/(index)/page"),
        sector: await import("@/app/sectors/[slug]/page"),
        type: await import("@/app/types/[slug]/page"),
        vendor: await import("@/app/vendors/[slug]/page"),
      };
      for (const [name, mod] of Object.entries(pages)) {
        const props = { params: Promise.resolve({ slug: "openai" }), searchParams: Promise.resolve({ dataset: v1 }) };
        const render = mod.default as unknown as (p: typeof props) => Promise<unknown>;
        expect(await target(render(props)), name).toMatch(
          new RegExp(`^NEXT_REDIRECT;\\w+;/unavailable\\?dataset=${v1};307;`),
        );
      }
      // Nor is it made active: activation answers 409 and the log keeps its last entry.
      const imports = await import("@/lib/server/imports");
      const active = await mods.queries.activeVersions();
      expect(await imports.activateDataset(v1, "analyst@example.com")).toMatchObject({ ok: false, status: 409 });
      expect(await mods.queries.activeVersions()).toEqual(active);
      expect([...active.values()]).not.toContain(v1);
      const unavailable = await import("@/app/unavailable/route");
      const page = await unavailable.GET(new Request(`http://test/unavailable?dataset=${v1}`));
      expect(page.status).toBe(503);
      expect(page.headers.get("content-type")).toMatch(/text\/html/);
      expect(await page.text()).toMatch(/failed its integrity check/);
      const intact = await unavailable.GET(new Request(`http://test/unavailable?dataset=${v2}`));
      expect([intact.status, intact.headers.get("location")]).toEqual([307, `/?dataset=${v2}`]);
    });
  });
}
