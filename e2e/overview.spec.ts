import { expect, test, type Page } from "@playwright/test";
import { summaryText } from "./panel";

const search = (page: Page) => new URL(page.url()).searchParams;

test.describe("overview", () => {
  test("shows the headline figures, the forecast KPI and every panel", async ({ page }) => {
    await page.goto("/");
    const kpis = page.getByRole("region", { name: "Headline figures" });
    await expect(kpis).toContainText("US$ 8,934 M");
    await expect(kpis).toContainText("Published (QYResearch)");
    await expect(kpis).toContainText("Our forecast 2031");
    await expect(kpis).toContainText("80%:");
    for (const name of [
      "Total market 2021-2032",
      "By model type",
      "By application sector",
      "By vendor",
      "By region",
      "Vendor ranking, 2024",
    ])
      await expect(page.getByRole("region", { name, exact: true })).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" }),
    ).toHaveAttribute("aria-current", "page");
    await expect(page.getByText("large-scale-ai-models-global-v1").first()).toBeVisible();
  });

  test("a legend click cross-filters the page; the chip removes it; Back and Forward replay it", async ({ page }) => {
    await page.goto("/");
    const sector = page.getByRole("region", { name: "By application sector" });
    // A panel's summary sentence is its accessible description (the subtitle only lists the filters).
    const types = page.getByRole("region", { name: "By model type" });
    await expect(types).toHaveAccessibleDescription(/ of US\$ 8,934 M/);
    const before = await summaryText(types);
    await sector.getByRole("button", { name: "Filter by Healthcare" }).click();
    const chip = page.getByRole("button", { name: "Remove Healthcare filter" });
    await expect(chip).toBeVisible();
    await expect.poll(() => search(page).get("sector")).toBe("healthcare");
    // Within Healthcare the split is of Healthcare's total, no longer of the whole market.
    await expect(types).not.toHaveAccessibleDescription(/ of US\$ 8,934 M/);
    await expect(page.getByRole("region", { name: "Headline figures" })).toContainText("Market size 2024 (filtered)");

    await page.goBack();
    await expect(chip).toBeHidden();
    await expect(types).toHaveAccessibleDescription(before);
    await page.goForward();
    await expect(chip).toBeVisible();

    await chip.click();
    await expect(chip).toBeHidden();
    await expect.poll(() => search(page).get("sector")).toBeNull();
    await expect(types).toHaveAccessibleDescription(before);
  });

  test("clicking a bar filters by its member", async ({ page }) => {
    await page.goto("/");
    const region = page.getByRole("region", { name: "By region" });
    const bar = region.locator(".stacked-segment").first();
    await expect(bar).toBeVisible();
    await bar.click({ force: true });
    await expect(page.getByRole("button", { name: "Remove North America filter" })).toBeVisible();
    await expect.poll(() => search(page).get("region")).toBe("north-america");
  });

  test("the year selector moves the KPIs and the ranking", async ({ page }) => {
    await page.goto("/");
    await page.getByLabel("Year").selectOption("2025");
    await expect.poll(() => search(page).get("year")).toBe("2025");
    await expect(page.getByRole("region", { name: "Vendor ranking, 2025", exact: true })).toBeVisible();
    await expect(page.getByRole("region", { name: "Headline figures" })).toContainText("Market size 2025");
  });

  test("every chart switches to a table and back", async ({ page }) => {
    await page.goto("/");
    const total = page.getByRole("region", { name: "Total market 2021-2032" });
    await total.getByRole("button", { name: "Show table" }).click();
    const table = total.getByRole("table");
    await expect(table).toBeVisible();
    await expect(table.getByRole("row", { name: /^2024/ })).toContainText("US$ 8,934 M");
    await expect(table.getByRole("row", { name: /^2024/ })).toContainText("published");
    await total.getByRole("button", { name: "Show chart" }).click();
    await expect(table).toBeHidden();
    await expect(total.locator(".recharts-wrapper")).toBeVisible();
  });

  test("dark mode toggles the class on <html> and persists", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "Dark mode" }).click();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await expect(page.getByRole("button", { name: "Light mode" })).toBeVisible();
    await page.reload();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await page.getByRole("button", { name: "Light mode" }).click();
    await expect(page.locator("html")).not.toHaveClass(/dark/);
  });

  test("fits a 375 px wide screen without horizontal scrolling", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/");
    await expect(page.getByRole("region", { name: "Headline figures" })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
