import { expect, test } from "@playwright/test";
import { summaryText } from "./panel";

test.describe("sector, vendor and methodology pages", () => {
  test("the nav reaches every page", async ({ page }) => {
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const [link, heading] of [
      ["Explore", "Explore the market"],
      ["Sectors", "Application sectors"],
      ["Vendors", "Vendors"],
      ["Methodology", "Methodology and sources"],
      ["Overview", "Large-scale AI Models market, global"],
    ]) {
      await nav.getByRole("link", { name: link }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    }
  });

  test("a sector page shows its use cases, size, forecast and splits", async ({ page }) => {
    await page.goto("/sectors");
    await page.getByRole("link", { name: "Healthcare" }).click();
    await expect(page).toHaveURL(/\/sectors\/healthcare$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Healthcare");
    await expect(page.getByRole("heading", { name: "What Healthcare uses large models for" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Key figures" })).toContainText("Modelled");
    for (const name of ["Healthcare: size and forecast", "By model type", "By vendor", "By region"])
      await expect(page.getByRole("region", { name, exact: true })).toBeVisible();
    await expect(page.getByRole("region", { name: "By region" })).toContainText("Application sector: Healthcare");
  });

  test("a vendor page shows its group, value, share and splits", async ({ page }) => {
    await page.goto("/vendors/openai");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("OpenAI");
    for (const name of [
      "OpenAI: estimated value",
      "OpenAI: share of the market",
      "By application sector",
      "By model type",
    ])
      await expect(page.getByRole("region", { name, exact: true })).toBeVisible();
    await expect(page.getByText(/indicative/).first()).toBeVisible();
  });

  test("sector and vendor pages cross-filter by the other dimensions; the page's own member stays fixed", async ({
    page,
  }) => {
    for (const [path, panel, member] of [
      ["/sectors/healthcare", "By region", "Europe"],
      ["/vendors/openai", "By application sector", "BFSI"],
    ] as const) {
      await page.goto(path);
      // The panel's summary sentence (its accessible description), not its subtitle of filters.
      const types = page.getByRole("region", { name: "By model type" });
      await expect(types).toHaveAccessibleDescription(/is the largest model type in/);
      const before = await summaryText(types);
      await page
        .getByRole("region", { name: panel, exact: true })
        .getByRole("button", { name: `Filter by ${member}` })
        .click();
      const chip = page.getByRole("button", { name: `Remove ${member} filter` });
      await expect(chip).toBeVisible();
      await expect
        .poll(() => new URL(page.url()).search)
        .toContain(member === "Europe" ? "region=europe" : "sector=bfsi");
      await expect(types).not.toHaveAccessibleDescription(before);
      expect(new URL(page.url()).pathname).toBe(path);
      await chip.click();
      await expect(chip).toBeHidden();
      await expect(types).toHaveAccessibleDescription(before);
    }
  });

  test("unknown slugs answer 404 with the not-found page", async ({ page }) => {
    for (const path of ["/sectors/mining", "/vendors/nobody", "/types/quantum"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not found");
    }
  });

  test("the methodology lists published and modelled figures, other estimates and forecast accuracy", async ({
    page,
  }) => {
    await page.goto("/methodology");
    await expect(page.getByRole("region", { name: "Figures and their sources (table)" })).toContainText("published");
    await expect(page.getByRole("heading", { name: "What is modelled, and how" })).toBeVisible();
    const estimates = page.getByRole("region", { name: "Other firms' estimates" });
    await expect(estimates.locator(".recharts-wrapper")).toBeVisible();
    await expect(page.getByRole("region", { name: "Forecast accuracy (table)" })).toContainText("sMAPE");
    // The market's own regime (five history years) is stated with its measured accuracy beside Theta's.
    await expect(page.locator("section", { has: page.locator("#forecasts") })).toContainText(
      /five-year windows.*sMAPE \d+\.\d and MASE \d\.\d\d \(Theta: \d+\.\d and \d\.\d\d\)/,
    );
  });
});
