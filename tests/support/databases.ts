/**
 * Real databases for the integration suites: a throwaway database on the Postgres server named by
 * TEST_DATABASE_URL (set by tests/support/global-setup.ts: the given server, the local one, or an
 * embedded one it started), or a throwaway PGlite directory. Each suite makes its own and removes it
 * afterwards, so runs never depend on an empty server.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDatabase, LOCAL_ADMIN_URL } from "../../scripts/test-postgres.mjs";

export function createPostgresDatabase(prefix = "market_test"): Promise<{ url: string; drop: () => Promise<void> }> {
  return createDatabase(process.env.TEST_DATABASE_URL || LOCAL_ADMIN_URL, prefix);
}

export function createPgliteDir(): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "market-pglite-"));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
