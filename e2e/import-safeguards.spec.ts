import fs from "node:fs";
import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from "@playwright/test";

/**
 * What an import may lose, caught in the browser: a vendor's row renamed by a slip shows the figure
 * it removes and asks "did you mean"; mapping the name back leaves nothing to commit. One edited
 * figure previews as exactly one change, and the versions screen opens on that comparison with the
 * refit summed up per table.
 */

const ADMIN = {
  email: process.env.E2E_ADMIN_EMAIL ?? "e2e-admin@example.com",
  password: process.env.E2E_ADMIN_PASSWORD ?? "e2e-admin-password",
};
const run = Date.now().toString(36);
const ANALYST = { email: `safe-analyst-${run}@example.com`, password: "analyst-password-1", name: "Sam Analyst" };

test.describe.configure({ mode: "serial" });

let api: APIRequestContext;
let oldId = "";

async function signInPage(page: Page, next: string) {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(ANALYST.email);
  await page.getByLabel("Password").fill(ANALYST.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => u.pathname === next);
}

/** The active version's CSV, downloaded from the versions screen as an analyst does. */
async function downloadActive(page: Page): Promise<{ id: string; lines: string[] }> {
  await page.goto("/admin/datasets");
  const activeRow = page.locator("tr", { has: page.getByText("active", { exact: true }) }).first();
  const id = (await activeRow.locator("td").first().innerText()).trim();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    activeRow.getByRole("link", { name: "CSV" }).click(),
  ]);
  return {
    id,
    lines: fs
      .readFileSync((await download.path())!, "utf8")
      .trimEnd()
      .split(/\r?\n/),
  };
}

test.beforeAll(async ({ baseURL }) => {
  api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  expect((await api.post("/api/auth/sign-in/email", { data: ADMIN })).status()).toBe(200);
  const r = await api.post("/api/auth/admin/create-user", { data: { ...ANALYST, role: "analyst" } });
  expect(r.status(), await r.text()).toBe(200);
});

test.afterAll(async () => {
  // The specs share one database: leave the version that was active before this file active again.
  if (api && oldId) {
    const { datasets } = (await (await api.get("/api/v1/datasets")).json()) as {
      datasets: { id: string; key: string; active: boolean }[];
    };
    const key = datasets.find((d) => d.id === oldId)?.key;
    if (key && datasets.find((d) => d.key === key && d.active)?.id !== oldId)
      expect((await api.post(`/api/v1/datasets/${oldId}/activate`)).status()).toBeLessThan(300);
  }
  await api?.dispose();
});

test("a vendor renamed by a slip: the preview shows the figure it removes and asks 'did you mean'; mapping it back leaves nothing to commit", async ({
  page,
}, testInfo) => {
  await signInPage(page, "/admin/datasets");
  const { id, lines } = await downloadActive(page);
  oldId = id;
  const row = lines.findIndex((l) => l.startsWith("vendor,openai,2025,"));
  expect(row).toBeGreaterThan(0);
  const old = Number(lines[row].split(",")[3]);
  const edited = [...lines];
  edited[row] = lines[row].replace("vendor,openai,", "vendor,Open-AI Inc,");
  const file = testInfo.outputPath("typo.csv");
  fs.writeFileSync(file, edited.join("\n") + "\n");

  await page.goto("/admin/import");
  await page.getByLabel("File to import").setInputFiles(file);
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("heading", { level: 2 })).toHaveText("typo.csv: 1 change, 1 removal");
  const warnings = preview.getByRole("alert", { name: "Warnings" });
  const shown = old.toLocaleString("en-US", { maximumFractionDigits: 1 });
  await expect(warnings).toContainText(`OpenAI (vendor) 2025: ${shown} → 0, left out of the file`);
  await expect(warnings).toContainText("new member 'Open-AI Inc': did you mean 'OpenAI'?");
  const removed = preview.getByRole("table", { name: "Figures typo.csv removes" });
  await expect(removed.locator("tbody tr")).toHaveCount(1);
  await expect(removed.locator("tbody tr")).toContainText(["OpenAI"]);
  const commit = preview.getByRole("button", { name: /Commit/ });
  await expect(commit).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath("typo-preview.png"), fullPage: true });

  // Confirming both would let it through; the analyst maps the name to OpenAI instead.
  await preview.getByLabel("Remove this figure: I checked it").check();
  await preview.getByLabel("Keep ‘Open-AI Inc’ as a new member").check();
  await expect(commit).toBeEnabled();
  await preview.getByRole("button", { name: "Use OpenAI" }).click();
  await expect(preview.getByRole("heading", { level: 2 })).toHaveText("typo.csv: no changes");
  await expect(preview.getByRole("status")).toHaveText("Read as existing members: vendor 'Open-AI Inc' → openai.");
  await expect(preview.getByRole("alert", { name: "Warnings" })).toHaveCount(0);
  await expect(preview.getByRole("button", { name: /Commit/ })).toBeDisabled();

  // Nothing was committed: the same version is still active.
  await page.goto("/admin/datasets");
  await expect(page.locator(`tr[data-version="${oldId}"]`)).toContainText("active");
});

test("one edited figure: the preview lists exactly that change, and the versions screen opens on it with the refit summed up", async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await signInPage(page, "/admin/datasets");
  const { id, lines } = await downloadActive(page);
  expect(id).toBe(oldId);
  const row = lines.findIndex((l) => l.startsWith("total,total,2025,"));
  const cols = lines[row].split(",");
  const from = Number(cols[3]);
  const to = from + 5;
  const edited = [...lines];
  edited[row] = [cols[0], cols[1], cols[2], String(to), cols[4]].join(",");
  const file = testInfo.outputPath("one-figure.csv");
  fs.writeFileSync(file, edited.join("\n") + "\n");

  await page.goto("/admin/import");
  await page.getByLabel("File to import").setInputFiles(file);
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("heading", { level: 2 })).toHaveText("one-figure.csv: 1 change");
  const changes = preview.getByRole("table", { name: "Changes in one-figure.csv" }).locator("tbody tr");
  await expect(changes).toHaveCount(1);
  await expect(changes.first()).toContainText("Total market");
  await expect(changes.first()).toContainText(to.toLocaleString("en-US", { maximumFractionDigits: 2 }));
  const moves = preview.getByRole("group", { name: "Modelled cells the fit moves" });
  await expect(moves.locator("summary")).toHaveText([
    /^type: 3 modelled cells refitted; largest move 0\.\d+%$/,
    /^sector: 9 modelled cells refitted; largest move/,
    /^vendor: 16 modelled cells refitted; largest move/,
    /^region: 5 modelled cells refitted; largest move/,
  ]);
  await expect(preview.getByRole("alert", { name: "Warnings" })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("one-figure-preview.png"), fullPage: true });
  await preview.getByRole("button", { name: /Commit/ }).click();
  const done = page.getByRole("status").filter({ hasText: "Committed" });
  await expect(done).toContainText("is now active", { timeout: 120_000 });
  const newId = (await done.locator(".font-mono").innerText()).trim();

  await page.goto("/admin/datasets");
  const compare = page.getByRole("region", { name: "Compare versions" });
  await expect(compare.getByLabel("From")).toHaveValue(oldId);
  await expect(compare.getByLabel("to")).toHaveValue(newId);
  await expect(compare.getByRole("heading", { name: "Figures the analyst changed (1)" })).toBeVisible();
  const diffRows = compare.getByRole("table", { name: `Differences from ${oldId} to ${newId}` }).locator("tbody tr");
  await expect(diffRows).toHaveCount(1);
  await expect(diffRows.first()).toContainText("Total market");
  await expect(diffRows.first()).toContainText("2025");
  const refit = compare.getByRole("group", { name: "Modelled cells the fit moved" }).locator("summary");
  await expect(refit.first()).toHaveText(/^type: \d+ modelled cells? refitted; largest move/);
  // Expanded, a table's line shows the cells behind it.
  await refit.first().click();
  await expect(
    compare.getByRole("table", { name: "Modelled type cells refitted" }).locator("tbody tr").first(),
  ).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("compare.png"), fullPage: true });
});
