import { expect, test, type Locator, type Page } from "@playwright/test";
import { exportFrom, vendorChart } from "./export-support";

/** The finish a new user noticed: each check reads what a user would see (bounds, scales, files). */

const region = (page: Page, name: string) => page.getByRole("region", { name, exact: true });
type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function textBoxes(chart: Locator, text: string): Promise<Box[]> {
  return chart.locator("svg text").evaluateAll(
    (els, t) =>
      els
        .filter((e) => e.textContent?.trim() === t)
        .map((e) => {
          const r = e.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height };
        }),
    text,
  );
}

async function expectLabelClearOfArrows(chart: Locator) {
  await expect(chart.locator("svg text", { hasText: "Outlook / forecast" })).toBeVisible();
  const [label] = await textBoxes(chart, "Outlook / forecast");
  const arrows = await textBoxes(chart, "▲");
  for (const arrow of arrows) expect(overlaps(label, arrow), JSON.stringify({ label, arrow })).toBe(false);
  return arrows.length;
}

test("the clipped-interval arrows never cover the Outlook / forecast label (desktop, phone, compare)", async ({
  page,
}) => {
  await page.goto("/");
  const arrowsDesktop = await expectLabelClearOfArrows(region(page, "Total market 2021-2032"));
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/");
  await expectLabelClearOfArrows(region(page, "Total market 2021-2032"));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/explore?ca=sector:healthcare&cb=vendor:openai");
  for (const name of ["A: Healthcare", "B: OpenAI"]) await expectLabelClearOfArrows(region(page, name));
  // The check is about something: the default overview does clip its 95% interval somewhere.
  expect(arrowsDesktop).toBeGreaterThan(0);
});

test("Compare two slices draws both charts on one y-scale", async ({ page }) => {
  await page.goto("/explore?ca=sector:healthcare&cb=vendor:openai");
  const ticks = async (name: string) => {
    const axis = region(page, name).locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value");
    await expect(axis.first()).toBeVisible();
    return axis.allTextContents();
  };
  const a = await ticks("A: Healthcare");
  const b = await ticks("B: OpenAI");
  expect(a.length).toBeGreaterThan(1);
  expect(a).toEqual(b);
});

test("a filter reaches an off-screen chart without scrolling to it", async ({ page }) => {
  await page.goto("/");
  const plot = page.locator('[data-chart-id="overview-total"] .recharts-area-curve').first();
  await expect(plot).toBeAttached();
  const before = await plot.getAttribute("d");
  // Scroll the total chart out of view, then filter from a chart further down.
  const vendor = region(page, "By vendor");
  await vendor.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 600));
  await vendor.getByRole("button", { name: "Filter by OpenAI" }).click();
  await expect(region(page, "OpenAI 2021-2032")).toBeAttached();
  // Still off screen: the plot has caught up with the filter named in its title.
  await expect.poll(() => plot.getAttribute("d"), { timeout: 10_000 }).not.toBe(before);
  expect(await region(page, "OpenAI 2021-2032").evaluate((el) => el.getBoundingClientRect().bottom < 0)).toBe(true);
});

test("an exported chart's file name names the filtered view", async ({ page }) => {
  await page.goto("/");
  const plain = await exportFrom(page, vendorChart(page), "PNG");
  await page.goto("/?sector=healthcare");
  await expect(vendorChart(page).getByRole("button", { name: "Export", exact: true })).toBeVisible();
  const filtered = await exportFrom(page, vendorChart(page), "PNG");
  expect(filtered.name).toContain("healthcare");
  expect(filtered.name).not.toBe(plain.name);
  const csv = await exportFrom(page, vendorChart(page), "CSV");
  expect(csv.name).toBe("overview-vendor_sector-healthcare.csv");
});

test("at 375 px the /explore filter pop-ups stay on screen", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/explore");
  // The filter pop-ups: the details whose content is a set of checkboxes.
  const summaries = page.locator("details:has(> fieldset) > summary");
  const count = await summaries.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    await summaries.nth(i).click();
    const box = await page.locator("details[open] > fieldset").boundingBox();
    expect(box, `pop-up ${i}`).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
    await page.keyboard.press("Escape");
  }
});

test("methodology counts and names the three published figures, links the publisher, and labels estimates for readers", async ({
  page,
}) => {
  await page.goto("/methodology");
  const published = page
    .getByRole("region", { name: "What is published" })
    .or(page.locator("section", { has: page.getByRole("heading", { name: "What is published" }) }));
  const text = (await published.first().textContent()) ?? "";
  expect(text).toContain("3 figures come from QYResearch");
  for (const figure of ["US$ 8,934 M for 2024", "US$ 19,700 M for 2031", "12.1% CAGR for 2025-2031"])
    expect(text).toContain(figure);
  // The primary link is the publisher's own site; the blog copy is named a repost.
  await expect(published.first().locator('a[href^="https://www.qyresearch.com"]').first()).toBeAttached();
  expect(text).toContain("repost");
  // The estimates chart reads like a chart: no internal indexes, one unit on the axis.
  const estimates = page.locator("section", { has: page.getByRole("heading", { name: /estimates/i }) }).first();
  await expect(estimates.locator(".recharts-yAxis-tick-labels").first()).toBeVisible();
  const names = await estimates
    .locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value")
    .allTextContents();
  expect(names.length).toBeGreaterThan(3);
  for (const n of names) expect(n).not.toMatch(/#\d+|^Unattributed ?\d{4}$/);
  const ticks = await estimates
    .locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value")
    .allTextContents();
  const units = new Set(ticks.map((t) => t.trim().split(" ").at(-1)));
  expect(units.size).toBe(1);
});

test("at 375 px the ranking's values are in view without scrolling sideways", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/");
  const ranking = page.getByRole("region", { name: /^Vendor ranking/ }).first();
  const table = ranking.getByRole("table");
  await expect(table).toBeVisible();
  const cell = table.getByRole("row").nth(1).getByRole("cell").first();
  await cell.scrollIntoViewIfNeeded();
  const header = await table.getByRole("columnheader").allTextContents();
  expect(header.findIndex((h) => h.startsWith("Value ("))).toBeGreaterThan(-1);
  const valueCell = table.getByRole("row").nth(1).getByRole("cell", { name: /US\$/ }).first();
  const box = (await valueCell.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(375);
});
