import { expect, test, type Page } from "@playwright/test";
import { bytesOf, pngSize, readPdf, totalChart } from "./export-support";

/** The dashboard deck (vector PDF) on every dashboard page, its progress toast, errors with Retry, and Copy PNG. */

/** Records every text the export toast shows, however briefly. */
async function recordToast(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { toastTexts: string[] };
    w.toastTexts = [];
    const grab = () =>
      document.querySelectorAll("[data-export-toast]").forEach((e) => {
        const t = (e.textContent ?? "").trim();
        if (t && w.toastTexts[w.toastTexts.length - 1] !== t) w.toastTexts.push(t);
      });
    new MutationObserver(grab).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { toastTexts: string[] }).toastTexts);
}

async function deck(page: Page) {
  const button = page.getByRole("button", { name: "Export dashboard" });
  await expect(button).toBeEnabled();
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 30_000 }), button.click()]);
  const bytes = await bytesOf(download);
  return { name: download.suggestedFilename(), bytes, pages: await readPdf(bytes) };
}

const chartIds = (page: Page) =>
  page.locator("[data-chart-id]").evaluateAll((els) => els.map((e) => e.getAttribute("data-chart-id")!));

test("the overview deck: cover, headline cards, every chart with the ranking, all vector text, with steps shown", async ({
  page,
}) => {
  await page.goto("/");
  await expect(totalChart(page).getByRole("button", { name: "Export", exact: true })).toBeVisible();
  await expect(page.locator('[data-chart-id="vendor-ranking"]')).toBeVisible();
  const ids = await chartIds(page);
  expect(ids).toContain("vendor-ranking");
  const toast = await recordToast(page);
  const { name, pages } = await deck(page);
  expect(name).toBe("ai-models-market_2021-2032.pdf");
  expect(pages).toHaveLength(2 + ids.length);
  for (const p of pages) {
    expect(p.images).toBe(0);
    expect(p.invisibleText).toBe(0);
    expect([p.width, p.height]).toEqual([960, 540]);
  }
  // The headline cards slide holds the values the page shows.
  const cards = page.getByRole("region", { name: "Headline figures" });
  const values = await cards.locator(":scope > div > div:nth-child(2)").allTextContents();
  expect(values.length).toBe(4);
  expect(pages[1].text).toContain("Headline figures");
  // The deck's font has no "≈": approximate values print as "~US$ 17.3 B".
  for (const v of values) expect(pages[1].text).toContain(v.trim().replace(/≈\s?/g, "~"));
  // Every chart page: its title and the filters line.
  const titles = await page.locator("[data-chart-id] h2").allTextContents();
  titles.forEach((t, i) => expect(pages[2 + i].text).toContain(t.trim()));
  // The cover's contents number each page as the PDF does (cover 1, headline figures 2, charts from 3).
  expect(pages[0].text).toContain("2. Headline figures");
  titles.forEach((t, i) => expect(pages[0].text).toContain(`${3 + i}. ${t.trim()}`));
  // The ranking's Others row carries no rank placeholder.
  expect(pages.map((p) => p.text).join("\n")).not.toContain("–. Others");
  const leader = (await page
    .locator('[data-chart-id="vendor-ranking"] tbody tr')
    .first()
    .locator("td")
    .first()
    .textContent())!.trim();
  expect(pages.map((p) => p.text).join("\n")).toContain(`1. ${leader}`);
  const steps = await toast();
  expect(steps.some((s) => s.includes(`Rendering chart 1 of ${ids.length}`))).toBe(true);
  expect(steps.some((s) => s.includes(`Rendering chart ${ids.length} of ${ids.length}`))).toBe(true);
  expect(steps.some((s) => s.includes(`Downloaded ${name} (${pages.length} pages)`))).toBe(true);
});

test("a filtered sector page's deck is named after the view and carries the filters on every chart page", async ({
  page,
}) => {
  await page.goto("/sectors/healthcare?vendor=openai");
  await expect(page.locator("[data-chart-id]").first()).toBeVisible();
  const { name, pages } = await deck(page);
  expect(name).toBe("ai-models-market-healthcare_vendor-openai_2021-2032.pdf");
  // After the cards: the drivers and trends that move the sector, labelled as our reading.
  const moves = await page.getByTestId("story-moves").getByRole("link").allTextContents();
  expect(moves.length).toBeGreaterThan(0);
  expect(pages[2].text).toContain("Drivers and trends that move Healthcare (our reading)");
  for (const title of moves) expect(pages[2].text).toContain(title.trim());
  const charts = pages.slice(3);
  expect(charts.length).toBe((await chartIds(page)).length);
  for (const p of charts) expect(p.text).toMatch(/Vendor: OpenAI/);
  expect(pages[1].text).toContain("Headline figures");
});

test("vendor, model type and explore pages export decks too, with the share chart and the story slide", async ({
  page,
}) => {
  await page.goto("/types/industry-specific");
  await expect(page.locator("[data-chart-id]").first()).toBeVisible();
  const t = await deck(page);
  expect(t.name).toBe("ai-models-market-industry-specific_2021-2032.pdf");
  expect(t.pages[2].text).toContain("Drivers and trends that move Industry-specific (our reading)");
  await page.goto("/vendors/openai");
  await expect(page.locator('[data-chart-id="vendor-openai-share"]')).toBeVisible();
  const v = await deck(page);
  expect(v.name).toBe("ai-models-market-openai_2021-2032.pdf");
  expect(v.pages.map((p) => p.text).join("\n")).toContain("OpenAI: share of the market");
  expect(v.pages[2].text).toContain("Drivers and trends that move OpenAI (our reading)");
  await page.goto("/explore?by=vendor&sector=healthcare");
  await expect(page.locator("[data-chart-id]").first()).toBeVisible();
  const e = await deck(page);
  expect(e.name).toBe("ai-models-market-explore_by-vendor_sector-healthcare_2021-2032.pdf");
  expect(e.pages.length).toBeGreaterThanOrEqual(2);
});

test("a failed export says why in a visible alert, and Retry completes it", async ({ page }) => {
  await page.goto("/");
  await expect(totalChart(page).getByRole("button", { name: "Export", exact: true })).toBeVisible();
  await page.route("**/fonts/inter-regular.ttf", (route) => route.fulfill({ status: 503, body: "unavailable" }));
  await page.getByRole("button", { name: "Export dashboard" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Exporting the dashboard failed" });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("Could not load the PDF font (503)");
  await page.unroute("**/fonts/inter-regular.ttf");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    alert.getByRole("button", { name: "Retry" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("ai-models-market_2021-2032.pdf");
  await expect(alert).toBeHidden();
});

test("Copy PNG puts the chart on the clipboard as an image", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/");
  await totalChart(page).getByRole("button", { name: "Export", exact: true }).click();
  await page.getByRole("menuitem", { name: "Copy PNG" }).click();
  await expect(page.locator('[data-export-toast="done"]')).toContainText("Chart copied as PNG");
  const b64 = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const blob = await item.getType("image/png");
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = "";
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s);
  });
  expect(pngSize(Buffer.from(b64, "base64"))).toEqual({ width: 3840, height: 2160 });
});
