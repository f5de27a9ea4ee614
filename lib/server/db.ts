import "server-only";
import fs from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "./generated/prisma/client";
import { ConfigError, getEnv } from "./env";

export type Db = PrismaClient;

interface DbHandle {
  prisma: PrismaClient;
  adapter: SqlMigrationAwareDriverAdapterFactory;
  kind: "postgres" | "pglite";
  /** Where the data lives, without credentials: shown in health and error messages. */
  location: string;
  close(): Promise<void>;
}

// One handle per process: PGlite allows a single opener per directory, and dev-mode hot reloads
// would otherwise open a new pool on every edit.
const globalForDb = globalThis as unknown as { __marketDb?: DbHandle };

export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || "5432"}${u.pathname}`;
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

function open(): DbHandle {
  const env = getEnv();
  if (env.DATABASE_URL) {
    const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max: 10, connectionTimeoutMillis: 5_000 });
    const prisma = new PrismaClient({ adapter });
    return {
      prisma,
      adapter,
      kind: "postgres",
      location: describeUrl(env.DATABASE_URL),
      close: () => prisma.$disconnect(),
    };
  }
  const dir = path.resolve(/* turbopackIgnore: true */ process.cwd(), env.PGLITE_DIR);
  // PGlite creates the data folder itself but not its parents (e.g. `.data/` on a fresh clone).
  fs.mkdirSync(dir, { recursive: true });
  const pglite = new PGlite(dir);
  const adapter = new PrismaPGlite(pglite);
  const prisma = new PrismaClient({ adapter });
  return {
    prisma,
    adapter,
    kind: "pglite",
    location: `embedded PGlite at ${env.PGLITE_DIR}`,
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

export function getDb(): DbHandle {
  globalForDb.__marketDb ??= open();
  return globalForDb.__marketDb;
}

export async function closeDb(): Promise<void> {
  const handle = globalForDb.__marketDb;
  globalForDb.__marketDb = undefined;
  await handle?.close();
}

/** Turns driver errors into one line that names the problem. */
export function describeDbError(error: unknown): string {
  if (error instanceof ConfigError) return error.message;
  const e = error as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e?.code ?? e?.cause?.code;
  const where = (() => {
    try {
      const env = getEnv();
      return env.DATABASE_URL ? `Postgres at ${describeUrl(env.DATABASE_URL)}` : `embedded PGlite at ${env.PGLITE_DIR}`;
    } catch {
      return "the database";
    }
  })();
  const text = `${e?.message ?? ""} ${e?.cause?.message ?? ""}`;
  if (code === "ECONNREFUSED" || /ECONNREFUSED/.test(text)) return `Cannot reach ${where}: connection refused`;
  if (code === "ENOTFOUND" || /ENOTFOUND|EAI_AGAIN/.test(text)) return `Cannot reach ${where}: host not found`;
  if (code === "ETIMEDOUT" || /timeout/i.test(text)) return `Cannot reach ${where}: connection timed out`;
  if (/Can't reach database server/i.test(text)) return `Cannot reach ${where}: is the server running, and are host and port right?`;
  if (code === "3D000" || /database .* does not exist/i.test(text)) return `${where}: database does not exist`;
  if (code === "28P01" || code === "28000" || /password authentication|authentication failed/i.test(text))
    return `${where}: authentication failed`;
  if (/relation .* does not exist|P2021/.test(text) || code === "P2021")
    return `${where} is not migrated: run \`npm run db:migrate\``;
  const first = (e?.message ?? String(error)).split("\n").find((l) => l.trim()) ?? "unknown error";
  return `Database error (${where}): ${first.trim()}`;
}
