import { configDefaults, defineConfig } from "vitest/config";
import path from "node:path";
import { fileURLToPath } from "node:url";

const __dirname = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname, "."),
      // `server-only` throws outside React's server build; tests run server code directly.
      "server-only": path.resolve(__dirname, "tests/support/server-only.ts"),
    },
  },
  test: {
    include: [
      "app/**/*.test.ts",
      "components/**/*.test.ts",
      "lib/**/*.test.ts",
      "scripts/**/*.test.ts",
      "tests/**/*.test.ts",
    ],
    // The topology tests need the production build: `npm run test:cluster` (vitest.cluster.config.mts).
    exclude: [...configDefaults.exclude, "tests/cluster/**"],
    environment: "node",
    // A Postgres server for the integration suites: TEST_DATABASE_URL, the local one, or an embedded one.
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Integration suites share one Postgres server and one PGlite directory per file; run files one at a time
    // so two suites never migrate the same database at once on a 2-core machine.
    fileParallelism: false,
  },
});
