import { expect, test } from "@playwright/test";

test.describe("panel states", () => {
  // These are the server path's states: a data set too large for the browser (the cube route's 413)
  // keeps every panel on /api/v1/series, whose answers are then made to fail or come back empty.
  test.beforeEach(async ({ page }) => {
    await page.route("**/api/v1/cube?*", (route) =>
      route.fulfill({
        status: 413,
        contentType: "application/json",
        body: JSON.stringify({ error: { param: "dataset", message: "too large for the browser" } }),
      }),
    );
  });

  test("a failed request shows an error with Retry, and Retry recovers", async ({ page }) => {
    let fail = true;
    await page.route("**/api/v1/series?*vendor=rasa*", (route) =>
      fail
        ? route.fulfill({
            status: 503,
            contentType: "application/json",
            body: JSON.stringify({ error: { message: "Database unavailable" } }),
          })
        : route.fallback(),
    );
    await page.goto("/explore?by=total");
    await page.getByText("Vendor: all").click();
    await page.getByRole("group", { name: "Filter by vendor" }).getByRole("checkbox", { name: "Rasa" }).check();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("group", { name: "Filter by vendor" })).toBeHidden();
    const card = page.getByRole("region", { name: "Total market", exact: true });
    await expect(card.getByText("Could not load this chart: Database unavailable")).toBeVisible();
    fail = false;
    await card.getByRole("button", { name: "Retry" }).click();
    await expect(card.getByText(/Rasa grows|The market grows/)).toBeVisible();
    await expect(card.getByRole("button", { name: "Retry" })).toBeHidden();
  });

  test("an empty answer shows the empty state", async ({ page }) => {
    await page.route("**/api/v1/series?*vendor=cohere*", async (route) => {
      const res = await route.fetch();
      const body = await res.json();
      for (const s of body.series) for (const p of s.points) p.value = 0;
      await route.fulfill({ response: res, json: body });
    });
    await page.goto("/explore?by=region");
    await page.getByText("Vendor: all").click();
    await page.getByRole("group", { name: "Filter by vendor" }).getByRole("checkbox", { name: "Cohere" }).check();
    await expect(
      page.getByRole("region", { name: "Market by region", exact: true }).getByText("No data for this combination"),
    ).toBeVisible();
  });
});
