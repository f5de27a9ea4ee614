import { expect, test } from "@playwright/test";
import {
  bytesOf,
  exportFrom,
  pdfFontNames,
  pngSize,
  pngStats,
  readPdf,
  totalChart,
  vendorChart,
} from "./export-support";

/** Chart image exports in real Chromium: every format is downloaded and its content checked. */

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await expect(totalChart(page).getByRole("button", { name: "Export", exact: true })).toBeVisible();
});

test("the export menu offers every format and the size, scale and background presets", async ({ page }) => {
  const button = totalChart(page).getByRole("button", { name: "Export", exact: true });
  await button.click();
  const menu = page.getByRole("menu");
  for (const f of ["PNG", "SVG", "PDF", "CSV", "XLSX"])
    await expect(menu.getByRole("menuitem", { name: f, exact: true })).toBeVisible();
  for (const checked of ["16:9", "2×", "Light"])
    await expect(menu.getByRole("menuitemradio", { name: checked, exact: true })).toHaveAttribute(
      "aria-checked",
      "true",
    );
  for (const other of ["4:3", "Square", "1×", "3×", "Dark", "Transparent"])
    await expect(menu.getByRole("menuitemradio", { name: other, exact: true })).toHaveAttribute(
      "aria-checked",
      "false",
    );
  await expect(menu.getByRole("menuitem", { name: "PNG", exact: true })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "SVG", exact: true })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
});

test("PNG is the preset size times the scale, not blank, and light differs from dark", async ({ page }) => {
  const light = await exportFrom(page, totalChart(page), "PNG");
  expect(light.name).toMatch(/\.png$/);
  expect(pngSize(light.bytes)).toEqual({ width: 3840, height: 2160 });
  const dark = await exportFrom(page, totalChart(page), "PNG", ["4:3", "1×", "Dark"]);
  expect(pngSize(dark.bytes)).toEqual({ width: 1600, height: 1200 });
  const square = await exportFrom(page, totalChart(page), "PNG", ["Square", "3×", "Transparent"]);
  expect(pngSize(square.bytes)).toEqual({ width: 3240, height: 3240 });

  const l = await pngStats(page, light.bytes);
  const d = await pngStats(page, dark.bytes);
  const t = await pngStats(page, square.bytes);
  expect(l.variance).toBeGreaterThan(100);
  expect(d.variance).toBeGreaterThan(100);
  expect(l.mean).toBeGreaterThan(200);
  expect(d.mean).toBeLessThan(80);
  expect(l.opaque).toBe(1);
  expect(t.opaque).toBeLessThan(0.5);
});

test("SVG carries the title, filters, every legend label, the source line and the permalink, in Inter", async ({
  page,
}) => {
  const { bytes } = await exportFrom(page, totalChart(page), "SVG");
  const svg = bytes.toString("utf8");
  // Assertions on a copy without the embedded font, so a failure prints a readable document.
  const text = svg.replace(/base64,[^)]*/, "base64,…");
  const has = (needle: string) => expect(text).toContain(needle);
  const title = (await totalChart(page).getByRole("heading").first().textContent())!.trim();
  has(`>${title.replace(/&/g, "&amp;")}</text>`);
  expect(text).toMatch(/<svg [^>]*width="1920" height="1080"/);
  has("Source: QYResearch · Dataset ");
  expect(text).toMatch(/Modelled: values not published by QYResearch are model estimates · Exported \d{4}-\d{2}-\d{2}/);
  has("Values in US$ M · Currency: ");
  has(`>${new URL(page.url()).origin}/`);
  expect(
    /@font-face\{font-family:'Inter Variable';[^}]*src:url\(data:font\/woff2;base64,[A-Za-z0-9+/=]{10000,}\)/.test(svg),
    "Inter embedded",
  ).toBe(true);
  for (const label of ["QYResearch outlook", "80% prediction interval", "95% prediction interval", "Published figure"])
    has(`>${label}</text>`);
  expect(text).toMatch(/>Our forecast \(.+?\)<\/text>/);

  // The vendor chart: all 16 vendors in the legend, none lost.
  const vendors = (await (await page.request.get("/api/v1/series?by=vendor")).json()).series.map(
    (s: { label: string }) => s.label,
  ) as string[];
  expect(vendors).toHaveLength(16);
  const v = (await exportFrom(page, vendorChart(page), "SVG", ["Square"])).bytes.toString("utf8");
  for (const label of vendors) expect(v.includes(`>${label}</text>`), label).toBe(true);
});

test("PDF is one vector page: title and source line read back as visible text in Inter, no image", async ({ page }) => {
  const { name, bytes } = await exportFrom(page, totalChart(page), "PDF");
  expect(name).toMatch(/\.pdf$/);
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const pages = await readPdf(bytes);
  expect(pages).toHaveLength(1);
  expect(pages[0].images).toBe(0);
  expect(pages[0].invisibleText).toBe(0);
  expect(pages[0].paths).toBeGreaterThan(20);
  expect(pdfFontNames(bytes).some((f) => /Inter/.test(f))).toBe(true);
  const text = pages[0].text;
  const title = (await totalChart(page).getByRole("heading").first().textContent())!.trim();
  expect(text).toContain(title);
  expect(text).toMatch(/Source: QYResearch · Dataset \S+ · Modelled/);
  expect(text).toContain(`${new URL(page.url()).origin}/`);
});

test("a chart scrolled out of view or on a narrow screen exports the same", async ({ page }) => {
  const svgInView = (await exportFrom(page, totalChart(page), "SVG")).bytes;
  const pngInView = (await exportFrom(page, totalChart(page), "PNG", ["1×"])).bytes;

  // Open the menu, then scroll the chart off screen and pick the format without scrolling back.
  const fromOffscreen = async (format: string) => {
    await totalChart(page).getByRole("button", { name: "Export", exact: true }).click();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect
      .poll(() =>
        totalChart(page).evaluate(
          (el) => el.getBoundingClientRect().bottom < 0 || el.getBoundingClientRect().top > window.innerHeight,
        ),
      )
      .toBe(true);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("menuitem", { name: format, exact: true }).dispatchEvent("click"),
    ]);
    return bytesOf(download);
  };
  expect((await fromOffscreen("SVG")).equals(svgInView)).toBe(true);
  expect((await fromOffscreen("PNG")).equals(pngInView)).toBe(true);

  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto("/");
  const narrow = await exportFrom(page, totalChart(page), "SVG");
  expect(narrow.bytes.equals(svgInView)).toBe(true);
  const narrowPng = await exportFrom(page, totalChart(page), "PNG", ["1×"]);
  expect(narrowPng.bytes.equals(pngInView)).toBe(true);
});
