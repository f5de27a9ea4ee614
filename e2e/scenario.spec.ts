import { expect, test, type Page } from "@playwright/test";
import { exportFrom, totalChart } from "./export-support";
import { approxUsdM } from "./panel";

/** Scenarios on the overview, in real Chromium: levers in the URL, every chart following, Back, a shared link, an export. */

const LEVER = "general-to-specialised";
const region = (page: Page, name: string) => page.getByRole("region", { name, exact: true });
const scenarioPanel = (page: Page) => page.getByRole("region", { name: "Scenario", exact: true });
const sectorChart = (page: Page) => page.getByRole("region", { name: /^By application sector/ }).first();

/** The sector chart's table: its 2031 row (one cell per sector), as the table prints it. */
async function sector2031(page: Page): Promise<string[]> {
  const chart = sectorChart(page);
  const toggle = chart.getByRole("button", { name: "Show table" });
  if (await toggle.isVisible()) await toggle.click();
  const row = chart
    .getByRole("table")
    .locator("tbody tr")
    .filter({ hasText: /^\s*2031/ });
  await expect(row).toHaveCount(1);
  return row.locator("td, th").allTextContents();
}

test("a lever moves the cards, the charts and the tables; Back restores the base; the link and the export carry it", async ({
  page,
  browser,
}) => {
  const api = await (await page.request.get(`/api/v1/series?by=total&levers=${LEVER}:2`)).json();
  const scenario2031 = api.series[0].points.find((p: { year: number }) => p.year === 2031).value as number;
  expect(scenario2031).not.toBe(19700);

  await page.goto("/");
  const cards = region(page, "Headline figures");
  await expect(cards).toContainText("QYResearch outlook 2031");
  await expect(cards).toContainText("US$ 19,700 M");
  const panel = scenarioPanel(page);
  await expect(panel).toContainText("Base: the publisher's outlook");
  const baseSectors = await sector2031(page);
  await expect(totalChart(page)).not.toContainText("Scenario:");

  await panel.getByRole("button", { name: /^From general to specialised models \+2/ }).click();
  await expect(page).toHaveURL(new RegExp(`levers=${LEVER}%3A2|levers=${LEVER}:2`));
  await expect(panel).toContainText("Scenario: From general to specialised models +2 (1 override)");
  // A lever of this version is valid: the page names nothing in its URL as ignored.
  await expect(page.getByText("Some of this link's settings were not valid")).toHaveCount(0);
  await expect(panel.locator(`[data-lever="${LEVER}"]`)).toContainText("override +2");
  // The cards: the outlook card now shows the scenario's 2031, to three significant digits.
  await expect(cards).toContainText("Scenario 2031");
  await expect(cards).toContainText(approxUsdM(scenario2031));
  await expect(cards).not.toContainText("QYResearch outlook 2031");
  // The charts: subtitles name the scenario; the sector table's 2031 values moved.
  await expect(totalChart(page)).toContainText("Scenario: From general to specialised models +2 (our assumptions)");
  await expect(sectorChart(page)).toContainText("Scenario: From general to specialised models +2");
  const movedSectors = await sector2031(page);
  expect(movedSectors).not.toEqual(baseSectors);
  // The comparison: base and this scenario, with a delta against the base.
  const comparison = page.getByTestId("scenario-comparison");
  await expect(comparison.getByRole("table")).toContainText("Base (publisher's outlook)");
  await expect(comparison.getByRole("table")).toContainText("Scenario: From general to specialised models +2");
  // Steps show beside the lever, labelled as our assumption.
  await panel.locator(`[data-lever="${LEVER}"]`).getByRole("button", { name: /Steps/ }).click();
  await expect(panel.locator(`[data-lever="${LEVER}"]`)).toContainText("share 3% higher each year per level");
  await expect(panel.locator(`[data-lever="${LEVER}"]`)).toContainText("(our assumption)");

  // The export names the scenario in its subtitle.
  const svg = (await exportFrom(page, totalChart(page), "SVG")).bytes.toString("utf8");
  expect(svg).toContain("Scenario: From general to specialised models +2");

  const link = page.url();

  // Back: the base again, everywhere.
  await page.goBack();
  await expect(page).not.toHaveURL(/levers=/);
  await expect(cards).toContainText("QYResearch outlook 2031");
  await expect(cards).toContainText("US$ 19,700 M");
  await expect(panel).toContainText("Base: the publisher's outlook");
  await expect(totalChart(page)).not.toContainText("Scenario:");
  expect(await sector2031(page)).toEqual(baseSectors);

  // The copied link, in a fresh browser context, reproduces the scenario.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(region(other, "Headline figures")).toContainText("Scenario 2031");
  await expect(region(other, "Headline figures")).toContainText(approxUsdM(scenario2031));
  await expect(other.getByText("Some of this link's settings were not valid")).toHaveCount(0);
  await expect(scenarioPanel(other).locator(`[data-lever="${LEVER}"]`)).toContainText("override +2");
  expect(await sector2031(other)).toEqual(movedSectors);
  await fresh.close();
});

test("Bull and Bear move every lever; Reset returns to the base; a bad lever in the URL is ignored with a notice", async ({
  page,
}) => {
  await page.goto("/");
  const panel = scenarioPanel(page);
  await panel.getByRole("button", { name: "Bull", exact: true }).click();
  await expect(panel).toContainText("(9 overrides)");
  await expect(region(page, "Headline figures")).toContainText("Scenario 2031");
  await panel.getByRole("button", { name: "Add to comparison" }).click();
  await panel.getByRole("button", { name: "Bear", exact: true }).click();
  const table = page.getByTestId("scenario-comparison").getByRole("table");
  // Base, the current (Bear) and the pinned Bull: three rows.
  await expect(table.locator("tbody tr")).toHaveCount(3);
  await panel.getByRole("button", { name: "Reset", exact: true }).click();
  await expect(page).not.toHaveURL(/levers=/);
  await expect(region(page, "Headline figures")).toContainText("US$ 19,700 M");

  await page.goto("/?levers=no-such-lever:1");
  await expect(page.getByText(/Ignored levers: "no-such-lever" is not a lever/)).toBeVisible();
  await expect(region(page, "Headline figures")).toContainText("US$ 19,700 M");
});

test("an analyst saves a scenario; its ?scenario= link opens it on its pinned version for another reader", async ({
  page,
  browser,
}) => {
  const admin = {
    email: process.env.E2E_ADMIN_EMAIL ?? "e2e-admin@example.com",
    password: process.env.E2E_ADMIN_PASSWORD ?? "e2e-admin-password",
  };
  await page.goto(`/sign-in?next=${encodeURIComponent("/explore")}`);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => u.pathname === "/explore");
  const panel = scenarioPanel(page);
  await panel.getByRole("button", { name: /^Enterprise use cases in every sector −2/ }).click();
  await expect(page).toHaveURL(/levers=enterprise-use-cases/);
  const name = `Weak enterprise demand ${Date.now()}`;
  await panel.getByLabel("Scenario name").fill(name);
  await panel.getByRole("button", { name: "Save scenario" }).click();
  await expect(panel.getByRole("status")).toHaveText(`Saved “${name}”`);
  const link = panel.getByRole("link", { name, exact: true });
  await expect(link).toBeVisible();
  const id = new URL((await link.getAttribute("href"))!, page.url()).searchParams.get("scenario");
  expect(id).toMatch(/^sc_/);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(`/?scenario=${id}`);
  await expect(other).toHaveURL(/levers=enterprise-use-cases%3A-2|levers=enterprise-use-cases:-2/);
  await expect(other).toHaveURL(/dataset=/);
  await expect(region(other, "Headline figures")).toContainText("Scenario 2031");
  await expect(scenarioPanel(other).locator('[data-lever="enterprise-use-cases"]')).toContainText("override −2");
  await fresh.close();
});
