import { defineConfig } from "vitest/config";
import path from "node:path";
import { fileURLToPath } from "node:url";

const __dirname = path.dirname(fileURLToPath(import.meta.url));

/**
 * The topology tests (tests/cluster): they start Postgres, a replica, two app instances of the
 * production build and HAProxy (scripts/cluster.mjs), so they run after `npm run build`, on their
 * own (`npm run test:cluster`), without the integration suites' shared Postgres.
 */
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname, "."),
      "server-only": path.resolve(__dirname, "tests/support/server-only.ts"),
    },
  },
  test: {
    include: ["tests/cluster/**/*.test.ts"],
    environment: "node",
    testTimeout: 180_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
