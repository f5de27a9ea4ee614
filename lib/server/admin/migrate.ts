import "server-only";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

/**
 * Migrations with Prisma's own migration engine, shipped as WASM (@prisma/schema-engine-wasm), over
 * the app's driver adapter. The CLI's native engine would have to be downloaded; this one needs no
 * network, and writes `_prisma_migrations` exactly as `prisma migrate deploy` does, so the standard
 * prisma/migrations folders stay usable with the CLI on a connected machine.
 */

type EngineModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
type SchemaEngine = Awaited<ReturnType<EngineModule["SchemaEngine"]["new"]>>;

const FILTERS = { externalTables: [] as string[], externalEnums: [] as string[] };
let enginePromise: Promise<EngineModule> | undefined;

// The package's entry imports the .wasm as an ES module, which Node 20 allows only behind
// --experimental-wasm-modules; instantiating it by hand keeps every entry point flag-free.
function loadEngine(): Promise<EngineModule> {
  enginePromise ??= (async () => {
    const require = createRequire(path.join(process.cwd(), "package.json"));
    const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
    const bg = (await import(/* webpackIgnore: true */ path.join(dir, "schema_engine_bg.js"))) as EngineModule & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const bytes = fs.readFileSync(path.join(dir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg as never });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return enginePromise;
}

export interface MigrationPaths {
  schemaPath: string;
  migrationsDir: string;
}

export function defaultPaths(root = process.cwd()): MigrationPaths {
  return {
    schemaPath: path.join(root, "prisma", "schema.prisma"),
    migrationsDir: path.join(root, "prisma", "migrations"),
  };
}

function readMigrations(migrationsDir: string) {
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const dirs = fs.existsSync(migrationsDir)
    ? fs
        .readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && fs.existsSync(path.join(migrationsDir, d.name, "migration.sql")))
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: lockPath,
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: {
          tag: "ok" as const,
          value: fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8"),
        },
      },
    })),
  };
}

/**
 * @prisma/adapter-pg runs a migration script by splitting it on ";", which breaks dollar-quoted
 * function bodies and applies a failing script halfway. Sending the script as one simple query runs
 * it in a single implicit transaction: a migration then applies whole or not at all.
 */
function wholeScripts(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  type Adapter = Awaited<ReturnType<SqlMigrationAwareDriverAdapterFactory["connect"]>>;
  const patch = (adapter: Adapter): Adapter => {
    const client = (adapter as unknown as { client?: { query?: (sql: string) => Promise<unknown> } }).client;
    if (factory.adapterName === "@prisma/adapter-pg" && typeof client?.query === "function") {
      const query = client.query.bind(client);
      adapter.executeScript = async (script: string) => {
        await query(script);
      };
    }
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => patch(await factory.connect()),
    connectToShadowDb: async () => patch(await factory.connectToShadowDb()),
  };
}

async function withEngine<T>(
  adapter: SqlMigrationAwareDriverAdapterFactory,
  paths: MigrationPaths,
  run: (engine: SchemaEngine, schema: string) => Promise<T>,
): Promise<T> {
  const bg = await loadEngine();
  const schema = fs.readFileSync(paths.schemaPath, "utf8");
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[paths.schemaPath, schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(wholeScripts(adapter)),
  );
  try {
    return await run(engine, schema);
  } finally {
    engine.free();
  }
}

/** Applies every migration not yet applied; returns the names applied now. */
export async function applyMigrations(
  adapter: SqlMigrationAwareDriverAdapterFactory,
  paths: MigrationPaths = defaultPaths(),
): Promise<string[]> {
  return withEngine(adapter, paths, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: readMigrations(paths.migrationsDir), filters: FILTERS });
    return out.appliedMigrationNames;
  });
}

/**
 * The SQL that takes the migrations folder to the current schema (empty when they match). Used to
 * write a new migration folder, and by the tests to prove the folder and schema.prisma agree.
 */
export async function diffMigrationsToSchema(
  adapter: SqlMigrationAwareDriverAdapterFactory,
  paths: MigrationPaths = defaultPaths(),
): Promise<string> {
  return withEngine(adapter, paths, async (engine, schema) => {
    const migrations = readMigrations(paths.migrationsDir);
    const from =
      migrations.migrationDirectories.length === 0
        ? { tag: "empty" as const }
        : { tag: "migrations" as const, ...migrations };
    const result = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: paths.schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: FILTERS,
    } as never);
    return (result as { stdout?: string }).stdout ?? "";
  });
}
