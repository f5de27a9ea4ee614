// Generates the Prisma client (lib/server/generated/prisma). `prisma generate` does not use the
// native schema engine, but the CLI insists on downloading it unless PRISMA_SCHEMA_ENGINE_BINARY
// points at an existing file; machines without access to Prisma's binary host would fail here.
// Migrations run through the WASM engine instead (lib/server/admin/migrate.ts).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const result = spawnSync(
  process.execPath,
  [path.join(root, "node_modules", "prisma", "build", "index.js"), "generate"],
  {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || path.join(root, "package.json"),
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
    },
  },
);
process.exit(result.status ?? 1);
