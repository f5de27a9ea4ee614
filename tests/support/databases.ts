/**
 * Real databases for the integration suites: a throwaway database on the Postgres server named by
 * TEST_DATABASE_URL (default: the local server), or a throwaway PGlite directory. Each suite makes
 * its own and removes it afterwards, so runs never depend on an empty server.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export const ADMIN_URL = process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

export async function createPostgresDatabase(prefix = "market_test"): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `Integration tests need a Postgres server: cannot connect to ${ADMIN_URL} (${(error as Error).message}). Set TEST_DATABASE_URL.`,
    );
  }
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

export function createPgliteDir(): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "market-pglite-"));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
