import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/**
 * Browser tests drive Chromium against the production build (`next build` first) on a real
 * database: DATABASE_URL when set (CI points it at a throwaway Postgres), otherwise a throwaway
 * database on the test Postgres server (TEST_DATABASE_URL, the local one, or an embedded one).
 * Chromium comes from the system (CHROMIUM_PATH, default /usr/bin/chromium): Playwright's own
 * browser downloads are not used.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
/** A second server always on a fresh embedded PGlite, so the browser tests cover the default too. */
const PGLITE_PORT = PORT + 1;
/**
 * The first admin of the test servers (there is no default admin: setup creates it from these).
 * COMMIT_WAIT_MS=0: every commit answers 202 at once and the import page polls it, the path a
 * real report's commit (minutes) takes.
 */
const E2E_ADMIN = {
  ...(process.env as Record<string, string>),
  ADMIN_EMAIL: process.env.E2E_ADMIN_EMAIL ?? "e2e-admin@example.com",
  ADMIN_PASSWORD: process.env.E2E_ADMIN_PASSWORD ?? "e2e-admin-password",
  COMMIT_WAIT_MS: process.env.COMMIT_WAIT_MS ?? "0",
};
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!fs.existsSync(chromiumPath)) {
  console.error(
    `No Chromium at ${chromiumPath}: install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    acceptDownloads: true,
    trace: "off",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } },
    {
      name: "embedded-pglite",
      testMatch: ["home.spec.ts", "import.spec.ts", "import-commit-job.spec.ts"],
      use: { ...devices["Desktop Chrome"], channel: undefined, baseURL: `http://127.0.0.1:${PGLITE_PORT}` },
    },
  ],
  webServer: [
    {
      command: `node scripts/e2e-server.mjs ${PORT}`,
      env: E2E_ADMIN,
      url: `http://127.0.0.1:${PORT}/api/health`,
      timeout: 180_000,
      reuseExistingServer: !process.env.CI,
      // SIGTERM first, so the server script removes the database it made.
      gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      command: `node scripts/e2e-server.mjs ${PGLITE_PORT} --pglite`,
      env: E2E_ADMIN,
      url: `http://127.0.0.1:${PGLITE_PORT}/api/health`,
      timeout: 180_000,
      reuseExistingServer: !process.env.CI,
      // SIGTERM first, so the server script removes the database it made.
      gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
