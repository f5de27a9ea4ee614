/**
 * The embedded database and the generated auth secret are the owner's alone: no file or directory
 * under a fresh PGLITE_DIR is open to the group or to others once the app has started, an existing
 * directory with loose modes is fixed at start, and `.data/auth-secret` is 0600 in a 0700 folder.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgliteDir } from "../support/databases";

function looseEntries(root: string): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const st = fs.lstatSync(p);
    if ((st.mode & 0o077) !== 0) out.push(`${path.relative(root, p) || "."} ${(st.mode & 0o777).toString(8)}`);
    if (st.isDirectory()) for (const name of fs.readdirSync(p)) walk(path.join(p, name));
  };
  walk(root);
  return out;
}

describe("file modes of the embedded database and the auth secret", () => {
  const pglite = createPgliteDir();
  const dir = path.join(pglite.dir, "db");
  let db: typeof import("@/lib/server/db");

  beforeAll(async () => {
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DIR = dir;
    db = await import("@/lib/server/db");
  });
  afterAll(async () => {
    await db?.closeDb();
    pglite.remove();
  });

  it("a fresh PGLITE_DIR has no file or directory the group or others can read or write", async () => {
    const { migrate } = await import("@/lib/server/admin/setup");
    await migrate();
    await db.getDb().prisma.$queryRawUnsafe("SELECT 1");
    const files = fs.readdirSync(dir, { recursive: true });
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain("pg_hba.conf");
    expect(looseEntries(dir)).toEqual([]);
  });

  it("an existing directory with loose modes is made owner-only when the app opens it", async () => {
    await db.closeDb();
    fs.chmodSync(path.join(dir, "pg_hba.conf"), 0o666);
    fs.chmodSync(path.join(dir, "global"), 0o777);
    fs.chmodSync(dir, 0o755);
    expect(looseEntries(dir).length).toBe(3);
    await db.getDb().prisma.$queryRawUnsafe("SELECT 1");
    expect(looseEntries(dir)).toEqual([]);
  });

  it("the generated auth secret is 0600 in a 0700 folder, and a loose one is tightened", async () => {
    const cwd = process.cwd();
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "market-secret-"));
    const saved = process.env.AUTH_SECRET;
    delete process.env.AUTH_SECRET;
    try {
      process.chdir(home);
      const { authSecret } = await import("@/lib/server/auth-secret");
      const first = authSecret();
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      expect(looseEntries(path.join(home, ".data"))).toEqual([]);
      fs.chmodSync(path.join(home, ".data", "auth-secret"), 0o644);
      expect(authSecret()).toBe(first);
      expect(looseEntries(path.join(home, ".data"))).toEqual([]);
    } finally {
      process.chdir(cwd);
      if (saved !== undefined) process.env.AUTH_SECRET = saved;
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
