import "server-only";
import fs from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { readReplicas } from "@prisma/extension-read-replicas";
import { PrismaClient } from "./generated/prisma/client";
import { ConfigError, getEnv, type Env } from "./env";
import { restrictToOwner } from "./file-modes";
import { log } from "./log";

export type Db = PrismaClient;

/**
 * The client for reads of sealed dataset versions (cubes, members): with DATABASE_REPLICA_URLS,
 * Prisma's read-replicas extension over the primary, whose model reads go to a replica; without,
 * the primary itself. Everything else (writes, the activation log and version list, accounts,
 * imports, audit: an analyst's reads right after their own write) uses `prisma`, the primary.
 */
export type Reader = Pick<PrismaClient, "cube" | "member" | "dataset"> & {
  $replica(): Pick<PrismaClient, "cube" | "member" | "dataset" | "$queryRawUnsafe">;
};

/** What is known of the replicas in this process. */
export interface ReplicaState {
  url: string;
  /** Until when (ms since epoch) reads skip this replica after it failed to answer. */
  downUntil: number;
  /** Model reads it served, and reads that went to the primary instead because it was down. */
  served: number;
  fellBack: number;
}

interface DbHandle {
  prisma: PrismaClient;
  reader: Reader;
  replicas: ReplicaState[];
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
    // Every query is bounded: the server cancels a statement after DB_STATEMENT_TIMEOUT_MS, and the
    // client gives up a little later (a frozen server never answers the cancel), so a hung database
    // yields a fast 503 instead of a hung request.
    const adapter = new PrismaPg({
      connectionString: env.DATABASE_URL,
      max: 10,
      connectionTimeoutMillis: env.DB_CONNECT_TIMEOUT_MS,
      statement_timeout: env.DB_STATEMENT_TIMEOUT_MS,
      query_timeout: env.DB_STATEMENT_TIMEOUT_MS + 1_000,
      idle_in_transaction_session_timeout: env.DB_STATEMENT_TIMEOUT_MS * 2,
    });
    const prisma = new PrismaClient({ adapter });
    const urls = (env.DATABASE_REPLICA_URLS ?? "")
      .split(",")
      .map((u) => u.trim())
      .filter(Boolean);
    const replicas = urls.map<ReplicaState>((url) => ({ url, downUntil: 0, served: 0, fellBack: 0 }));
    const { reader, clients } = urls.length ? withReplicas(prisma, replicas, env) : { reader: prisma, clients: [] };
    return {
      prisma,
      reader: reader as unknown as Reader,
      replicas,
      adapter,
      kind: "postgres",
      location: describeUrl(env.DATABASE_URL),
      close: async () => {
        await Promise.all([prisma.$disconnect(), ...clients.map((c) => c.$disconnect())]);
      },
    };
  }
  const dir = path.resolve(/* turbopackIgnore: true */ process.cwd(), env.PGLITE_DIR);
  // PGlite creates the data folder itself but not its parents (e.g. `.data/` on a fresh clone).
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  restrictToOwner(dir);
  const pglite = new PGlite(dir);
  // Its first start unpacks the data directory world-writable (pg_hba.conf, pg_authid included):
  // owner-only as soon as it is ready, synchronously, before any query continues.
  void pglite.waitReady.then(() => restrictToOwner(dir)).catch(() => undefined);
  const adapter = new PrismaPGlite(pglite);
  const prisma = new PrismaClient({ adapter });
  return {
    prisma,
    reader: prisma as unknown as Reader,
    replicas: [],
    adapter,
    kind: "pglite",
    location: `embedded PGlite at ${env.PGLITE_DIR}`,
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

/** How long reads skip a replica that failed to answer before trying it again. */
export const REPLICA_RETRY_MS = 3_000;

/**
 * Prisma's read-replicas extension over the primary. Each replica client falls back to the primary
 * when its server does not answer (refused, shut down, timed out): the read is served, the replica
 * is skipped for REPLICA_RETRY_MS, and a warning is logged once per outage. Other errors pass.
 */
function withReplicas(primary: PrismaClient, states: ReplicaState[], env: Env) {
  const clients = states.map((state) => {
    const base = new PrismaClient({
      adapter: new PrismaPg({
        connectionString: state.url,
        max: 10,
        // Short: a replica that does not answer within 1 s is skipped and the read goes to the primary.
        connectionTimeoutMillis: Math.min(env.DB_CONNECT_TIMEOUT_MS, 1_000),
        statement_timeout: env.DB_STATEMENT_TIMEOUT_MS,
        query_timeout: env.DB_STATEMENT_TIMEOUT_MS + 1_000,
      }),
    });
    return {
      base,
      client: base.$extends({
        query: {
          async $allOperations({ model, operation, args, query }) {
            const onPrimary = () => {
              state.fellBack++;
              if (!model) throw new Error(`${operation} on a replica that is down has no primary fallback`);
              const delegate = (primary as unknown as Record<string, Record<string, (a: unknown) => Promise<unknown>>>)[
                model.charAt(0).toLowerCase() + model.slice(1)
              ];
              return delegate[operation](args);
            };
            if (Date.now() < state.downUntil) return onPrimary();
            try {
              const result = await query(args);
              // Model reads only: the raw queries sent through $replica() are health checks.
              if (model) state.served++;
              return result;
            } catch (error) {
              if (!isDbUnavailable(error)) throw error;
              if (Date.now() >= state.downUntil)
                log.warn(
                  { replica: describeUrl(state.url), err: describeDbError(error) },
                  "replica does not answer: reads go to the primary",
                );
              state.downUntil = Date.now() + REPLICA_RETRY_MS;
              return onPrimary();
            }
          },
        },
      }),
    };
  });
  const reader = primary.$extends(readReplicas({ replicas: clients.map((c) => c.client) as never[] }));
  return { reader, clients: clients.map((c) => c.base) };
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
  if (error instanceof DbTimeoutError) return `Cannot reach ${where}: no answer in time (${error.message})`;
  if (code === "ECONNREFUSED" || /ECONNREFUSED/.test(text)) return `Cannot reach ${where}: connection refused`;
  if (code === "ENOTFOUND" || /ENOTFOUND|EAI_AGAIN/.test(text)) return `Cannot reach ${where}: host not found`;
  if (code === "ETIMEDOUT" || /timeout/i.test(text)) return `Cannot reach ${where}: connection timed out`;
  if (/Can't reach database server/i.test(text))
    return `Cannot reach ${where}: is the server running, and are host and port right?`;
  if (code === "3D000" || /database .* does not exist/i.test(text)) return `${where}: database does not exist`;
  if (code === "28P01" || code === "28000" || /password authentication|authentication failed/i.test(text))
    return `${where}: authentication failed`;
  if (/relation .* does not exist|P2021/.test(text) || code === "P2021")
    return `${where} is not migrated: run \`npm run db:migrate\``;
  const first = (e?.message ?? String(error)).split("\n").find((l) => l.trim()) ?? "unknown error";
  return `Database error (${where}): ${first.trim()}`;
}

const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "ECONNRESET",
  "EPIPE",
  "EHOSTUNREACH",
  "57014",
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
]);
const UNAVAILABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TlsConnectionError",
  "DatabaseDoesNotExist",
  "AuthenticationFailed",
  "DatabaseAccessDenied",
]);
const UNAVAILABLE_TEXT =
  /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|Connection terminated|connection timeout|timeout exceeded when trying to connect|Query read timeout|statement timeout|Can't reach database server|the database system is (starting up|shutting down)|Client has encountered a connection error|database .* does not exist|authentication failed/i;

/**
 * True when an error means the database could not answer (refused, unreachable, timed out,
 * misconfigured): a 503. False for everything else, which is a defect of ours: a 500, not
 * "Database error". Walks the cause chain, where the driver adapters put the original error.
 */
export function isDbUnavailable(error: unknown): boolean {
  if (error instanceof ConfigError || error instanceof DbTimeoutError) return true;
  const seen = new Set<unknown>();
  let e = error as { code?: unknown; kind?: unknown; name?: unknown; message?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && typeof e === "object" && !seen.has(e) && depth < 6; depth++) {
    seen.add(e);
    if (typeof e.code === "string" && (UNAVAILABLE_CODES.has(e.code) || e.code.startsWith("08"))) return true;
    if (typeof e.kind === "string" && UNAVAILABLE_KINDS.has(e.kind)) return true;
    if (e.name === "PrismaClientInitializationError") return true;
    if (typeof e.message === "string" && UNAVAILABLE_TEXT.test(e.message)) return true;
    e = e.cause as typeof e;
  }
  return false;
}

/** How long the reads of one API request may take before it answers 503 (queries go on to their own timeouts). */
export const READ_DEADLINE_MS = 5_000;

/** The database did not answer within the time a caller allowed. */
export class DbTimeoutError extends Error {
  override name = "DbTimeoutError";
}

/** Resolves like `work`, or rejects with DbTimeoutError after `ms` (the work itself is left to its own timeouts). */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new DbTimeoutError(`${what}: no answer within ${ms} ms (connection timed out)`)),
      ms,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
