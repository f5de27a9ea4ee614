import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

const PAGES = [
  "/",
  "/explore?by=vendor&ca=sector:healthcare",
  "/sectors",
  "/sectors/healthcare",
  "/vendors",
  "/vendors/openai",
  "/methodology",
  "/sectors/unknown",
  "/story",
  "/types",
  "/types/general-purpose",
  "/types/industry-specific",
  "/types/vertically-specialized",
  "/explore?by=group",
];

for (const theme of ["light", "dark"] as const) {
  test.describe(`axe, ${theme} mode`, () => {
    test.use({ colorScheme: theme });
    for (const path of PAGES) {
      test(`${path} has no serious or critical violations`, async ({ page }) => {
        await page.addInitScript((t) => localStorage.setItem("theme", t), theme);
        await page.goto(path);
        await expect(page.locator("html")).toHaveClass(theme === "dark" ? /dark/ : /^(?!.*dark)/);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        // Wait for the plots (loaded after the page) so they are checked too.
        if ((await page.locator("[aria-busy=true]").count()) > 0)
          await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
        await page.waitForLoadState("networkidle");
        const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
        const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
        expect(
          bad.map(
            (v) =>
              `${v.id}: ${v.nodes
                .map((n) => n.target.join(" "))
                .slice(0, 3)
                .join(" | ")}`,
          ),
        ).toEqual([]);
      });
    }
  });
}
