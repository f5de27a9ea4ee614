import fs from "node:fs";
import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from "@playwright/test";

/**
 * A commit that outlasts its request (the test servers set COMMIT_WAIT_MS=0, so every commit
 * answers 202): the import page says it is committing and for how long, keeps the commit in its
 * address, survives a reload, polls until the version is stored and then shows it as before.
 * Runs on Postgres and on the embedded PGlite.
 */

const ADMIN = {
  email: process.env.E2E_ADMIN_EMAIL ?? "e2e-admin@example.com",
  password: process.env.E2E_ADMIN_PASSWORD ?? "e2e-admin-password",
};
const ANALYST = {
  email: `job-analyst-${Date.now().toString(36)}@example.com`,
  password: "analyst-password-1",
  name: "Job Analyst",
};

test.describe.configure({ mode: "serial" });

let api: APIRequestContext;
let oldId = "";

test.beforeAll(async ({ baseURL }) => {
  api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  expect((await api.post("/api/auth/sign-in/email", { data: ADMIN })).status()).toBe(200);
  const r = await api.post("/api/auth/admin/create-user", { data: { ...ANALYST, role: "analyst" } });
  expect(r.status(), await r.text()).toBe(200);
});

test.afterAll(async () => {
  // The specs share one database: leave the version that was active before this file active again.
  if (api && oldId) expect((await api.post(`/api/v1/datasets/${oldId}/activate`)).status()).toBeLessThan(300);
  await api?.dispose();
});

async function signInPage(page: Page, next: string) {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(ANALYST.email);
  await page.getByLabel("Password").fill(ANALYST.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => u.pathname === next);
}

test("a commit that runs on: the page shows it committing with the time it takes, survives a reload and shows the new version when stored", async ({
  page,
}, testInfo) => {
  // On the embedded PGlite of a loaded machine a commit takes tens of seconds.
  test.setTimeout(180_000);
  const { datasets } = (await (await api.get("/api/v1/datasets")).json()) as {
    datasets: { id: string; active: boolean; publisher: string }[];
  };
  oldId = datasets.find((d) => d.active)!.id;
  const csv = await (await api.get(`/api/v1/datasets/${oldId}/export?format=csv`)).text();
  const changed = csv
    .trimEnd()
    .split("\n")
    .map((line) => {
      const [table, member, year, value, basis] = line.split(",");
      if (table === "meta" || year !== "2026") return line;
      return [table, member, year, String(Number(value) * 1.02), basis].join(",");
    });
  const file = testInfo.outputPath("slow-commit.csv");
  fs.writeFileSync(file, changed.join("\n") + "\n");

  await signInPage(page, "/admin/import");
  await page.getByLabel("File to import").setInputFiles(file);
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("heading", { level: 2 })).toContainText("slow-commit.csv");

  const answered = page.waitForResponse((r) => r.request().method() === "POST" && /\/commit$/.test(r.url()));
  await preview.getByRole("button", { name: /Commit/ }).click();
  const response = await answered;
  expect(response.status()).toBe(202);
  const job = (await response.json()) as { job: { import: string; status: string }; poll: string };
  expect(job.job.status).toBe("running");

  // The page names the commit in its address, so a reload comes back to it.
  await expect(page).toHaveURL(new RegExp(`[?&]commit=${job.job.import}`));
  const committing = page
    .getByRole("status")
    .filter({ hasText: "Committing slow-commit.csv… (fitting and storing the new version)" });
  const done = page.getByRole("status").filter({ hasText: "Committed" });
  // Seen committing (with its clock) or, on a fast machine, already committed.
  await expect(committing.or(done)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("committing.png"), fullPage: true });

  await page.reload();
  // After the reload: still committing, its clock ticking, or (fast machine) committed.
  const ticking = page.getByRole("status").filter({ hasText: /Committing slow-commit\.csv.*· \d+ (s|min)/ });
  await expect(ticking.or(done)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("after-reload.png"), fullPage: true });
  await expect(done).toContainText("is now active", { timeout: 150_000 });
  const newId = (await done.locator(".font-mono").innerText()).trim();
  expect(newId).not.toBe(oldId);

  // The server says the same: committed as that version, now the active one.
  const state = await (await api.get(job.poll)).json();
  expect(state).toMatchObject({ job: { status: "committed" }, dataset: { id: newId } });
  const after = (await (await api.get("/api/v1/datasets")).json()) as { datasets: { id: string; active: boolean }[] };
  expect(after.datasets.find((d) => d.id === newId)?.active).toBe(true);

  // Opened afresh, the page shows no commit running any more.
  await page.goto("/admin/import");
  await expect(page.getByRole("status").filter({ hasText: "Committing" })).toHaveCount(0);
});
