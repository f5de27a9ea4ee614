import { expect, test } from "@playwright/test";

test("the home page shows the published figures and renders the total market chart", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Large-scale AI Models");
  const headline = page.getByRole("region", { name: "Headline figures" });
  await expect(headline).toContainText("8,934");
  await expect(headline).toContainText("19,700");
  await expect(headline).toContainText("12.1%");
  // The chart is drawn: an SVG with a line path for history and the dashed outlook.
  const chart = page.locator(".recharts-wrapper svg").first();
  await expect(chart).toBeVisible();
  await expect(page.locator(".recharts-area-curve").first()).toBeVisible();
  await expect(page.locator(".recharts-line-curve[stroke-dasharray]").first()).toBeVisible();
});

test("the health endpoint reports a reachable database and the active dataset", async ({ request }, testInfo) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.database.reachable).toBe(true);
  // The main project always runs on Postgres (DATABASE_URL, or a throwaway database made by
  // scripts/e2e-server.mjs); the second one on the app's default embedded PGlite.
  expect(body.database.kind).toBe(testInfo.project.name === "embedded-pglite" ? "pglite" : "postgres");
  expect(body.dataset.facts).toBe(25_920);
});
