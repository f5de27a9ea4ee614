import { expect, test, type Locator, type Page } from "@playwright/test";
import { bytesOf } from "./export-support";

/**
 * Every chart on every dashboard page exports as the chart on screen: the exported SVG has the
 * same kind of chart, the same series in the same order and colours, and one mark per bar.
 */

interface Marks {
  kind: string | null;
  /** Per series, in drawing order: colour and number of marks (bars, or points of a line). */
  series: { color: string; marks: number }[];
  /** Legend labels in order (stacked charts). */
  labels: string[];
}

const PAGES = ["/", "/explore?by=vendor", "/explore?by=total", "/sectors/healthcare", "/vendors/openai"];

/** What the screen draws, read from the rendered Recharts SVG (or the ranking's bar column). */
async function screenMarks(card: Locator): Promise<Marks> {
  return card.evaluate((el) => {
    const kind = el.getAttribute("data-chart-kind");
    const hex = (c: string | null) => (c ?? "").toLowerCase();
    const series: { color: string; marks: number }[] = [];
    if (kind === "stacked-bar") {
      // Plain SVG segments, one per member and year, keyed by member; empty segments draw nothing.
      const byKey = new Map<string, { color: string; marks: number }>();
      for (const rect of Array.from(el.querySelectorAll("rect.stacked-segment"))) {
        const key = rect.getAttribute("data-key")!;
        const entry = byKey.get(key) ?? { color: hex(rect.getAttribute("fill")), marks: 0 };
        if (Number(rect.getAttribute("height")) > 0) entry.marks++;
        byKey.set(key, entry);
      }
      series.push(...byKey.values());
      // Our forecast of the total, drawn over the bars (/explore with a forecast method): one line.
      const overlay = el.querySelector("g.stacked-overlay polyline.stacked-overlay-line");
      if (overlay) series.push({ color: hex(overlay.getAttribute("stroke")), marks: 1 });
    } else if (kind === "ranking-bar") {
      for (const cell of Array.from(el.querySelectorAll("span[data-series]")))
        series.push({ color: (cell.firstElementChild as HTMLElement).style.background, marks: 1 });
    } else if (kind === "total-forecast") {
      const areas = Array.from(el.querySelectorAll("g.recharts-area path.recharts-area-curve"));
      const lines = Array.from(el.querySelectorAll("g.recharts-line path.recharts-line-curve"));
      // History is the last area (after the 95% and 80% bands); then the outlook and forecast lines.
      series.push({ color: hex(areas[areas.length - 1]?.getAttribute("stroke") ?? null), marks: 1 });
      for (const l of lines) series.push({ color: hex(l.getAttribute("stroke")), marks: 1 });
    } else if (kind === "share-line") {
      // One line; Recharts draws its dots in a layer of their own.
      const line = el.querySelector("g.recharts-line path.recharts-line-curve");
      series.push({
        color: hex(line?.getAttribute("stroke") ?? null),
        marks: el.querySelectorAll("circle.recharts-line-dot").length,
      });
    }
    const labels = Array.from(el.querySelectorAll('ul[aria-label="Legend"] li')).map((li) =>
      (li.textContent ?? "").trim(),
    );
    return { kind, series, labels };
  });
}

/** The same, read from the exported SVG's marks (each series' marks sit in <g data-series>). */
async function exportedMarks(page: Page, svg: string): Promise<Marks & { forecastStartsAtHistoryEnd: boolean | null }> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    const root = doc.documentElement;
    const kind = root.getAttribute("data-chart-kind");
    const groups = Array.from(doc.querySelectorAll("g[data-series]")).filter(
      (g) => !g.getAttribute("data-series")!.startsWith("band-"),
    );
    const series = groups.map((g) => {
      const rects = g.querySelectorAll("rect").length;
      const dots = g.querySelectorAll("circle").length;
      const line = g.getAttribute("data-series") === "forecast";
      return {
        color: g.getAttribute("data-color")!,
        marks: kind === "share-line" ? dots : kind === "total-forecast" || line ? 1 : rects,
      };
    });
    // The forecast line's first point is the history line's last point: no gap after history.
    const firstPoint = (d: string | null | undefined) =>
      d
        ? d
            .match(/M([\d.]+) ([\d.]+)/)
            ?.slice(1)
            .map(Number)
        : undefined;
    const lastPoint = (d: string | null | undefined) =>
      d ? [...d.matchAll(/[ML]([\d.]+) ([\d.]+)/g)].pop()?.slice(1).map(Number) : undefined;
    const fc = firstPoint(doc.querySelector('g[data-series="forecast"] path')?.getAttribute("d"));
    const hist = Array.from(doc.querySelectorAll("g[data-series]")).find(
      (g) => g.getAttribute("data-color") === "#0072b2" && g.querySelector('path[fill="none"]'),
    );
    const hl = lastPoint(hist?.querySelector('path[fill="none"]')?.getAttribute("d"));
    const forecastStartsAtHistoryEnd = fc && hl ? Math.abs(fc[0] - hl[0]) < 0.5 && Math.abs(fc[1] - hl[1]) < 0.5 : null;
    return { kind, series, labels: [], forecastStartsAtHistoryEnd };
  }, svg);
}

async function exportSvg(page: Page, card: Locator): Promise<string> {
  await card.getByRole("button", { name: "Export", exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("menuitem", { name: "SVG", exact: true }).click(),
  ]);
  return (await bytesOf(download)).toString("utf8");
}

const rgbToHex = (c: string) => {
  const m = c.match(/rgb\((\d+), (\d+), (\d+)\)/);
  return m
    ? `#${m
        .slice(1)
        .map((x) => Number(x).toString(16).padStart(2, "0"))
        .join("")}`
    : c.toLowerCase();
};

for (const path of PAGES)
  test(`every chart on ${path} exports as shown: kind, series order and colours, one mark per bar`, async ({
    page,
  }) => {
    await page.goto(path);
    const cards = page.locator("[data-chart-id][data-chart-kind]");
    await expect(cards.first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Export dashboard" })).toBeEnabled();
    const ids = await cards.evaluateAll((els) => els.map((e) => e.getAttribute("data-chart-id")!));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const card = page.locator(`[data-chart-id="${id}"]`);
      await card.scrollIntoViewIfNeeded();
      const kind = await card.getAttribute("data-chart-kind");
      if (kind !== "ranking-bar")
        await expect(card.locator(".recharts-surface, svg.stacked-plot").first()).toBeVisible();
      const screen = await screenMarks(card);
      screen.series = screen.series.map((s) => ({ ...s, color: rgbToHex(s.color) }));
      const exported = await exportedMarks(page, await exportSvg(page, card));
      expect(exported.kind, id).toBe(screen.kind);
      expect(exported.series.length, `${id}: series count`).toBeGreaterThan(0);
      expect(exported.series, `${id}: series colours and marks`).toEqual(screen.series);
      if (kind === "stacked-bar") {
        expect(
          new Set(screen.series.map((s) => s.color)).size,
          `${id}: one colour per member (and for our forecast)`,
        ).toBe(screen.series.length);
        expect(screen.labels.length).toBe(screen.series.length);
      }
      if (kind === "total-forecast")
        expect(exported.forecastStartsAtHistoryEnd, `${id}: forecast joins history`).toBe(true);
    }
  });

test("Others is grey and a vendor keeps its colour when filters change", async ({ page }) => {
  const colorOf = async (label: string) =>
    page
      .locator('[data-chart-id="overview-vendor"] ul[aria-label="Legend"] li')
      .filter({ hasText: new RegExp(`^${label}$`) })
      .locator("span[aria-hidden]")
      .first()
      .evaluate((s) => getComputedStyle(s).backgroundColor);
  await page.goto("/");
  await expect(page.locator('[data-chart-id="overview-vendor"]')).toBeVisible();
  const others = await colorOf("Others");
  const anthropic = await colorOf("Anthropic");
  expect(rgbToHex(others)).toBe("#9aa3ae");
  // Filtered to two vendors, and on a sector page, Anthropic keeps its colour.
  await page.goto("/?vendor=anthropic,ibm&region=europe");
  await expect(page.locator('[data-chart-id="overview-vendor"] svg.stacked-plot')).toBeVisible();
  expect(await colorOf("Anthropic")).toBe(anthropic);
  expect(await colorOf("Others")).toBe(others);
  await page.goto("/sectors/healthcare?region=europe");
  const sectorVendor = page
    .locator('[data-chart-id="sector-healthcare-vendor"] ul[aria-label="Legend"] li')
    .filter({ hasText: /^Anthropic$/ })
    .locator("span[aria-hidden]")
    .first();
  expect(await sectorVendor.evaluate((s) => getComputedStyle(s).backgroundColor)).toBe(anthropic);
});
