// Configuration for the Prisma CLI (used here only for `prisma generate`; migrations run through
// lib/server/admin/migrate.ts (scripts/db.ts), which drives Prisma's WASM migration engine over the app's own driver adapter).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
