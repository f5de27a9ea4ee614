import fs from "node:fs";
import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from "@playwright/test";

/**
 * The analyst's round trip, in the browser: export the active version, change one year's total
 * (scaling that year's breakdowns), import, check the preview, commit, see the new total; a pinned
 * link keeps the old figure; a bad file lists every bad row and writes nothing; rollback; roles,
 * Origin and throttling. Runs on Postgres and on the embedded PGlite.
 */

const ADMIN = {
  email: process.env.E2E_ADMIN_EMAIL ?? "e2e-admin@example.com",
  password: process.env.E2E_ADMIN_PASSWORD ?? "e2e-admin-password",
};
const run = Date.now().toString(36);
const ANALYST = { email: `analyst-${run}@example.com`, password: "analyst-password-1", name: "Ana Analyst" };
const VIEWER = { email: `viewer-${run}@example.com`, password: "viewer-password-1", name: "Vic Viewer" };

test.describe.configure({ mode: "serial" });

let api: APIRequestContext;
let origin = "";

async function signedIn(who: { email: string; password: string }): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL: origin, extraHTTPHeaders: { origin } });
  const r = await ctx.post("/api/auth/sign-in/email", { data: { email: who.email, password: who.password } });
  expect(r.status()).toBe(200);
  return ctx;
}

async function signInPage(page: Page, who: { email: string; password: string }, next: string) {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => u.pathname === next);
}

const headline = (page: Page) => page.getByRole("region", { name: "Headline figures" });

test.beforeAll(async ({ baseURL }) => {
  origin = baseURL!;
  api = await signedIn(ADMIN);
  for (const [who, role] of [
    [ANALYST, "analyst"],
    [VIEWER, "viewer"],
  ] as const) {
    const r = await api.post("/api/auth/admin/create-user", {
      data: { email: who.email, password: who.password, name: who.name, role },
    });
    expect(r.status(), await r.text()).toBe(200);
  }
});

test.afterAll(async () => {
  // The specs share one database: whatever failed above, leave the version that was active before
  // this file active again, so the other specs still see the published figures.
  if (api && oldId) {
    const { datasets } = (await (await api.get("/api/v1/datasets")).json()) as {
      datasets: { id: string; key: string; active: boolean }[];
    };
    const key = datasets.find((d) => d.id === oldId)?.key;
    const active = datasets.find((d) => d.key === key && d.active)?.id;
    if (key && active !== oldId)
      expect((await api.post(`/api/v1/datasets/${oldId}/activate`)).status()).toBeLessThan(300);
  }
  await api?.dispose();
});

let oldId = "";
let newId = "";

test("an analyst exports the active version, changes 2024, sees exactly those changes, commits, and the dashboard shows the new total", async ({
  page,
}, testInfo) => {
  // The commit fits and stores a whole new cube: on the embedded PGlite of a loaded machine that
  // takes tens of seconds (bench:import measures it).
  test.setTimeout(180_000);
  await signInPage(page, ANALYST, "/admin/datasets");
  const activeRow = page.locator("tr", { has: page.getByText("active", { exact: true }) }).first();
  oldId = (await activeRow.locator("td").first().innerText()).trim();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    activeRow.getByRole("link", { name: "CSV" }).click(),
  ]);
  const csv = fs.readFileSync((await download.path())!, "utf8");

  const lines = csv.trimEnd().split("\n");
  const old2024 = Number(lines.find((l) => l.startsWith("total,total,2024,"))!.split(",")[3]);
  expect(old2024).toBe(8934);
  const factor = 9500 / old2024;
  const changed = lines.map((line) => {
    const [table, member, year, value, basis] = line.split(",");
    if (table === "meta" || year !== "2024") return line;
    return [table, member, year, String(table === "total" ? 9500 : Number(value) * factor), basis].join(",");
  });
  const file = testInfo.outputPath("changed-2024.csv");
  fs.writeFileSync(file, changed.join("\n") + "\n");

  await page.goto("/admin/import");
  await page.getByLabel("File to import").setInputFiles(file);
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("heading", { level: 2 })).toHaveText("changed-2024.csv: 34 changes");
  const rows = preview.getByRole("table").locator("tbody tr");
  await expect(rows).toHaveCount(34);
  // Every change is in 2024 and nothing else.
  const years = await rows.locator("td:nth-child(3)").allInnerTexts();
  expect(new Set(years)).toEqual(new Set(["2024"]));
  await expect(rows.first()).toContainText("Total market");
  await expect(rows.first()).toContainText("8,934");
  await expect(rows.first()).toContainText("9,500");
  await expect(rows.first()).toContainText("+6.34%");
  await page.screenshot({ path: testInfo.outputPath("preview-changed.png"), fullPage: true });

  await preview.getByRole("button", { name: /Commit/ }).click();
  const done = page.getByRole("status").filter({ hasText: "Committed" });
  await expect(done).toContainText("is now active", { timeout: 120_000 });
  newId = (await done.locator(".font-mono").innerText()).trim();
  expect(newId).not.toBe(oldId);

  await page.goto("/");
  await expect(headline(page)).toContainText("US$ 9,500 M");
  await expect(page.getByText(newId).first()).toBeVisible();
});

test("a pinned link to the old version still shows the old figure", async ({ page }) => {
  await page.goto(`/?dataset=${oldId}`);
  await expect(headline(page)).toContainText("US$ 8,934 M");
});

test("a bad file shows every bad row and writes nothing", async ({ page }, testInfo) => {
  const before = await (await api.get("/api/v1/datasets")).json();
  await signInPage(page, ANALYST, "/admin/import");
  const file = testInfo.outputPath("bad.csv");
  fs.writeFileSync(
    file,
    [
      "table,member,year,value,basis",
      'total,total,2024,"9,100",published',
      "vendor,,2024,10,modelled",
      "planet,mars,2024,5,",
      "total,total,20x4,100,",
      "type,general-purpose,2024,12%,",
      "total,total,2040,100,",
    ].join("\n"),
  );
  await page.getByLabel("File to import").setInputFiles(file);
  const problems = page.getByRole("region", { name: "Problems" });
  await expect(problems.getByRole("heading")).toHaveText("6 problems in bad.csv: nothing was written");
  const rows = problems.locator("tbody tr");
  await expect(rows).toHaveCount(6);
  expect(await rows.locator("td:nth-child(1)").allInnerTexts()).toEqual(["2", "3", "4", "5", "6", "7"]);
  await expect(rows.nth(0)).toContainText("thousands separators");
  await expect(rows.nth(2)).toContainText('unknown table "planet"');
  await expect(rows.nth(5)).toContainText("outside the data set's years");
  await page.screenshot({ path: testInfo.outputPath("preview-bad.png"), fullPage: true });
  const after = await (await api.get("/api/v1/datasets")).json();
  expect(after.datasets).toEqual(before.datasets);
});

test("rollback restores the old figure", async ({ page }) => {
  await signInPage(page, ANALYST, "/admin/datasets");
  await page.locator(`tr[data-version="${oldId}"]`).getByRole("button", { name: "Activate" }).click();
  await expect(page.locator(`tr[data-version="${oldId}"]`)).toContainText("active");
  await page.goto("/");
  await expect(headline(page)).toContainText("US$ 8,934 M");
  await page.goto(`/?dataset=${newId}`);
  await expect(headline(page)).toContainText("US$ 9,500 M");
});

test("after signing in, ?next= never leads off the site (backslash, tab)", async ({ page }) => {
  for (const next of ["/%5Cevil.example/phish", "/%09/evil.example/phish"]) {
    await page.context().clearCookies();
    await page.goto(`/sign-in?next=${next}`);
    await page.getByLabel("Email").fill(VIEWER.email);
    await page.getByLabel("Password").fill(VIEWER.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((u) => u.origin === origin && u.pathname === "/", { timeout: 15_000 });
  }
});

test("a viewer gets 403, an anonymous user 401, a foreign Origin 403, repeated bad passwords 429", async () => {
  const file = {
    name: "x.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("table,member,year,value,basis\ntotal,total,2024,9000,published\n"),
  };
  const viewer = await signedIn(VIEWER);
  expect((await viewer.post("/api/v1/imports", { multipart: { file } })).status()).toBe(403);
  expect((await viewer.post(`/api/v1/datasets/${newId}/activate`)).status()).toBe(403);
  const anonymous = await playwrightRequest.newContext({ baseURL: origin, extraHTTPHeaders: { origin } });
  expect((await anonymous.post("/api/v1/imports", { multipart: { file } })).status()).toBe(401);
  const analyst = await signedIn(ANALYST);
  expect(
    (
      await analyst.post("/api/v1/imports", { multipart: { file }, headers: { origin: "https://evil.example" } })
    ).status(),
  ).toBe(403);
  expect(
    (
      await analyst.post(`/api/v1/datasets/${newId}/activate`, { headers: { origin: "https://evil.example" } })
    ).status(),
  ).toBe(403);
  const statuses: number[] = [];
  for (let i = 0; i < 7; i++) {
    statuses.push(
      (
        await anonymous.post("/api/auth/sign-in/email", { data: { email: VIEWER.email, password: "not-the-password" } })
      ).status(),
    );
  }
  expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
  for (const c of [viewer, anonymous, analyst]) await c.dispose();
});
