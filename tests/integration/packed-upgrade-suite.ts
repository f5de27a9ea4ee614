/**
 * The upgrade to packed cubes, run once per database kind: a database whose versions were stored as
 * one "Fact" row per cell (every migration before packed_cubes) is migrated, and each intact
 * version then names the same cube, with the same content hash, that a fresh load of its definition
 * stores, and passes its content check; a version tampered with before the upgrade stays refused.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCube, fitDenseCube } from "@/lib/market/cube/build-cube";
import { encodeCube } from "@/lib/market/cube/packed";
import { DIMENSIONS, MEMBER_KIND } from "@/lib/market/types";

type Setup = () => Promise<{ env: Record<string, string>; teardown: () => Promise<void> }>;
const PACKED = "20261208100000_packed_cubes";

export function definePackedUpgradeSuite(kind: string, setup: Setup) {
  describe(`upgrade to packed cubes on ${kind}`, () => {
    let teardown: () => Promise<void>;
    let before: string;
    let mods: {
      db: typeof import("@/lib/server/db");
      migrate: typeof import("@/lib/server/admin/migrate");
      integrity: typeof import("@/lib/server/integrity");
      queries: typeof import("@/lib/server/queries");
      seed: typeof import("@/lib/server/admin/seed");
      data: typeof import("@/prisma/data/default-dataset");
    };

    beforeAll(async () => {
      const s = await setup();
      teardown = s.teardown;
      Object.assign(process.env, s.env);
      mods = {
        db: await import("@/lib/server/db"),
        migrate: await import("@/lib/server/admin/migrate"),
        integrity: await import("@/lib/server/integrity"),
        queries: await import("@/lib/server/queries"),
        seed: await import("@/lib/server/admin/seed"),
        data: await import("@/prisma/data/default-dataset"),
      };
      // The migrations folder as it was before packed cubes.
      before = fs.mkdtempSync(path.join(os.tmpdir(), "market-migrations-"));
      for (const entry of fs.readdirSync("prisma/migrations", { withFileTypes: true }))
        if (entry.name !== PACKED)
          fs.cpSync(path.join("prisma/migrations", entry.name), path.join(before, entry.name), { recursive: true });
    });

    afterAll(async () => {
      await mods?.db.closeDb();
      fs.rmSync(before, { recursive: true, force: true });
      await teardown?.();
    });

    /** Stores a definition the way versions were stored before packed cubes: a Fact row per cell, then sealed. */
    async function storeAsRows(id: string, version: number, edition: string) {
      const prisma = mods.db.getDb().prisma;
      const def = { ...mods.data.defaultDataset, edition };
      await prisma.$executeRawUnsafe(
        `INSERT INTO "Dataset" (id, key, version, title, publisher, edition, currency, unit, "firstYear", "historyTo", "lastYear", checksum, notes, methodology, definition)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::text[], '{}'::jsonb, $14::jsonb)`,
        id,
        def.key,
        version,
        def.title,
        def.publisher,
        def.edition,
        def.currency,
        def.unit,
        def.firstYear,
        def.historyTo,
        def.lastYear,
        mods.seed.definitionChecksum(def),
        def.notes,
        JSON.stringify(def),
      );
      const members = DIMENSIONS.flatMap((d) => def.members[d].map((m, i) => ({ d, m, i })));
      await prisma.$executeRawUnsafe(
        `INSERT INTO "Member" ("datasetId", kind, slug, name, description, "sortOrder")
         SELECT $1, k::"MemberKind", s, s, '', o FROM unnest($2::text[], $3::text[], $4::int[]) AS u(k, s, o)`,
        id,
        members.map((x) => MEMBER_KIND[x.d]),
        members.map((x) => x.m.slug),
        members.map((x) => x.i),
      );
      const rows = await prisma.$queryRawUnsafe<{ id: number; kind: string; slug: string }[]>(
        `SELECT id, kind::text AS kind, slug FROM "Member" WHERE "datasetId" = $1`,
        id,
      );
      const idOf = new Map(rows.map((r) => [`${r.kind}:${r.slug}`, r.id]));
      const cells = buildCube(def);
      const ref = (d: (typeof DIMENSIONS)[number]) => cells.map((c) => idOf.get(`${MEMBER_KIND[d]}:${c[d]}`));
      await prisma.$executeRawUnsafe(
        `INSERT INTO "Fact" ("datasetId", year, "typeId", "sectorId", "vendorId", "regionId", value, basis)
         SELECT $1, y, t, s, v, r, x, 'modelled'::"Basis"
         FROM unnest($2::int[], $3::int[], $4::int[], $5::int[], $6::int[], $7::float8[]) AS u(y, t, s, v, r, x)`,
        id,
        cells.map((c) => c.year),
        ref("type"),
        ref("sector"),
        ref("vendor"),
        ref("region"),
        cells.map((c) => c.value),
      );
      await prisma.activation.create({ data: { datasetKey: def.key, datasetId: id, actor: null } });
      await prisma.$queryRawUnsafe(`SELECT "seal_dataset"($1)::text AS checksum`, id);
      return def;
    }

    it("packs every stored version; an intact one names the cube a fresh load stores and passes its check", async () => {
      const { adapter, prisma } = mods.db.getDb();
      await mods.migrate.applyMigrations(adapter, { schemaPath: "prisma/schema.prisma", migrationsDir: before });
      const def = await storeAsRows("upgrade-v1", 1, "first");
      await storeAsRows("upgrade-v2", 2, "second");
      // v2 is tampered with before the upgrade, behind the trigger: one cell moves by a dollar.
      await prisma.$transaction([
        prisma.$executeRawUnsafe(`ALTER TABLE "Fact" DISABLE TRIGGER "Fact_immutable"`),
        prisma.$executeRawUnsafe(
          `UPDATE "Fact" SET value = value + 0.000001 WHERE ctid = (SELECT ctid FROM "Fact" WHERE "datasetId" = 'upgrade-v2' LIMIT 1)`,
        ),
        prisma.$executeRawUnsafe(`ALTER TABLE "Fact" ENABLE TRIGGER "Fact_immutable"`),
      ]);

      expect(await mods.migrate.applyMigrations(adapter)).toEqual([PACKED]);

      const fresh = mods.seed.cubeHash(encodeCube(fitDenseCube(def)));
      const v1 = await prisma.dataset.findUniqueOrThrow({ where: { id: "upgrade-v1" } });
      expect(v1.cubeHash).toBe(fresh);
      const checks = await mods.integrity.checkVersions();
      expect(checks.map((c) => [c.id, c.intact])).toEqual([
        ["upgrade-v1", true],
        ["upgrade-v2", false],
      ]);
      const tables = await prisma.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'Fact'`,
      );
      expect(Number(tables[0].n)).toBe(0);
      const cube = await mods.queries.getCube("upgrade-v1");
      expect(Array.from(cube.micro)).toEqual(Array.from(fitDenseCube(def).micro));
    });
  });
}
