import { afterAll, beforeAll, describe } from "vitest";
import { createPgliteDir } from "../support/databases";
import { defineOwnerRefusals, type OwnerSql } from "./owner-refusals";

// The embedded database has one user, its owner (a superuser): the triggers hold for it as well.
describe("append-only logs and audited roles on embedded PGlite", () => {
  const dir = createPgliteDir();
  let db: typeof import("@/lib/server/db");
  let sql: OwnerSql;

  beforeAll(async () => {
    delete process.env.DATABASE_URL;
    Object.assign(process.env, {
      PGLITE_DIR: dir.dir,
      ADMIN_EMAIL: "admin@example.com",
      ADMIN_PASSWORD: "first-admin-password",
    });
    db = await import("@/lib/server/db");
    const setup = await import("@/lib/server/admin/setup");
    await setup.migrate();
    await setup.seed();
    await setup.firstAdmin();
    const prisma = db.getDb().prisma;
    sql = (text) => prisma.$queryRawUnsafe<Record<string, unknown>[]>(text);
  });
  afterAll(async () => {
    await db?.closeDb();
    dir.remove();
    delete process.env.ADMIN_EMAIL;
    delete process.env.ADMIN_PASSWORD;
  });

  defineOwnerRefusals(() => sql);
});
