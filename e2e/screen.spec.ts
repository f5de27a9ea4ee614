import { expect, test, type Page } from "@playwright/test";
import { approxUsdM } from "./panel";

/** What a user checks on screen: filters reach every figure, charts read right, nothing hidden. */

const region = (page: Page, name: string) => page.getByRole("region", { name, exact: true });

/** The y-axis tick labels of a chart card, as drawn. */
async function yTicks(page: Page, card: string): Promise<string[]> {
  const ticks = region(page, card).locator(
    ".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value, .stacked-plot .axis-tick-value",
  );
  await expect(ticks.first()).toBeVisible();
  return ticks.allTextContents();
}

function parseTick(label: string): { value: number; unit: string } {
  const m = /^([\d.,]+)\s*(B|M|%)$/.exec(label.trim());
  if (!m) throw new Error(`unreadable tick "${label}"`);
  return { value: Number(m[1].replace(/,/g, "")), unit: m[2] };
}

function expectEvenOneUnit(labels: string[]) {
  const ticks = labels.map(parseTick);
  expect(new Set(ticks.map((t) => t.unit)).size, `one unit on ${labels.join(", ")}`).toBe(1);
  const steps = ticks.slice(1).map((t, i) => Number((t.value - ticks[i].value).toFixed(6)));
  expect(new Set(steps).size, `even steps on ${labels.join(", ")}`).toBe(1);
  expect(ticks[0].value).toBe(0);
}

test.describe("screen", () => {
  test("the first load of each page makes no /api/v1/series call", async ({ page }) => {
    const calls: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/api/v1/series")) calls.push(r.url());
    });
    for (const path of [
      "/",
      "/?sector=healthcare&year=2030",
      // The scenario panel's comparison (the base and the page's scenario) is answered with the page.
      "/?sector=healthcare&levers=general-to-specialised:1",
      "/sectors/healthcare",
      "/vendors/anthropic?region=europe",
    ]) {
      await page.goto(path, { waitUntil: "networkidle" });
      await expect(page.locator(".recharts-wrapper").first()).toBeVisible();
    }
    expect(calls).toEqual([]);
  });

  test("once the cube is loaded, a cross-filter is answered in the browser, with the server's figures", async ({
    page,
  }) => {
    const calls: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/api/v1/series")) calls.push(r.url());
    });
    const cubeLoaded = page.waitForResponse((r) => r.url().includes("/api/v1/cube") && r.status() === 200);
    await page.goto("/");
    await cubeLoaded;
    await region(page, "By application sector").getByRole("button", { name: "Filter by Healthcare" }).click();
    const typeSummary = region(page, "By model type").locator("p").nth(1);
    const api = await (await page.request.get("/api/v1/series?by=type&sector=healthcare")).json();
    const gp = api.series
      .find((s: { key: string }) => s.key === "general-purpose")
      .points.find((p: { year: number }) => p.year === 2024).value;
    // Modelled figures print to three significant digits in sentences.
    await expect(typeSummary).toContainText(`(${approxUsdM(gp)})`);
    // Our forecast is split in the browser too, to the server's figure.
    const total = await (await page.request.get("/api/v1/series?by=total&sector=healthcare&forecast=auto")).json();
    const mean2031 = total.series[0].forecast.points.find((p: { year: number }) => p.year === 2031).mean;
    await expect(page.getByRole("region", { name: "Headline figures" })).toContainText(approxUsdM(mean2031));
    // Nothing went to the server for the click.
    expect(calls).toEqual([]);
  });

  test("a cross-filter keeps the clicked chart whole and highlights; the other charts filter", async ({ page }) => {
    await page.goto("/");
    const sector = region(page, "By application sector");
    const legend = sector.getByRole("list", { name: "Legend" }).getByRole("button");
    // Every sector of the data set is in the legend, before and after the click.
    const members = ((await (await page.request.get("/api/v1/series?by=sector")).json()) as { series: unknown[] })
      .series.length;
    await expect(legend).toHaveCount(members);
    const typeSummary = region(page, "By model type").locator("p").nth(1);
    const before = await typeSummary.textContent();
    await sector.getByRole("button", { name: "Filter by Healthcare" }).click();
    await expect(page.getByRole("button", { name: "Remove Healthcare filter" })).toBeVisible();
    await expect(typeSummary).not.toHaveText(before!);
    // Still every sector, Healthcare selected, the others dimmed.
    await expect(legend).toHaveCount(members);
    await expect(sector.getByRole("button", { name: "Filter by Healthcare" })).toHaveAttribute("aria-pressed", "true");
    await expect(sector.getByRole("button", { name: "Filter by BFSI" })).toHaveAttribute("aria-pressed", "false");
    // The plot draws after its legend: wait for the highlighted segments before reading them all.
    await expect(sector.locator('.stacked-segment[data-key="healthcare"]').first()).toHaveAttribute(
      "fill-opacity",
      "1",
    );
    const opacity = await sector
      .locator(".stacked-segment")
      .evaluateAll((segs) =>
        Object.fromEntries(segs.map((s) => [s.getAttribute("data-key"), s.getAttribute("fill-opacity")])),
      );
    expect(Object.keys(opacity)).toHaveLength(members);
    expect(
      Object.entries(opacity)
        .filter(([, o]) => o === "1")
        .map(([k]) => k),
    ).toEqual(["healthcare"]);
    expect(Object.values(opacity).filter((o) => o === "0.25")).toHaveLength(members - 1);
    await expect(sector).toContainText("IT & Telecom is the largest application sector");
  });

  test("'Others' comes last and the ranking shows every vendor without an inner scroll", async ({ page }) => {
    await page.goto("/");
    const shares = region(page, "By vendor").locator("details ol li");
    await expect(shares.last()).toContainText("Others");
    const ranking = region(page, "Vendor ranking, 2024");
    const rows = ranking.getByRole("table").getByRole("row");
    const legendCount = await region(page, "By vendor")
      .getByRole("list", { name: "Legend" })
      .getByRole("button")
      .count();
    await expect(rows).toHaveCount(legendCount + 1); // + header
    await expect(rows.last()).toContainText("Others");
    const box = ranking.getByRole("region", { name: /\(table\)$/ });
    const [scrollHeight, clientHeight] = await box.evaluate((el) => [el.scrollHeight, el.clientHeight]);
    expect(scrollHeight).toBeLessThanOrEqual(clientHeight + 1);
    await rows.last().scrollIntoViewIfNeeded();
    await expect(rows.last()).toBeInViewport();
  });

  test("member page cards, sentence and scale follow a filter; the year selector moves the cards", async ({ page }) => {
    await page.goto("/sectors/healthcare");
    const facts = page.getByRole("region", { name: "Key figures" });
    await expect(facts).toContainText("Healthcare, 2024");
    const whole = await facts.textContent();
    const total = region(page, "Healthcare: size and forecast");
    const sentence = await total.locator("p").nth(1).textContent();
    const ticksBefore = await yTicks(page, "Healthcare: size and forecast");
    await region(page, "By vendor").getByRole("button", { name: "Filter by Cohere" }).click();
    await expect(facts).toContainText("Healthcare · Cohere, 2024");
    await expect(facts).toContainText("Share of Cohere, 2024");
    expect(await facts.textContent()).not.toBe(whole);
    await expect(total.locator("p").nth(1)).toContainText("Healthcare · Cohere grows from");
    expect(await total.locator("p").nth(1).textContent()).not.toBe(sentence);
    // The scale fits the much smaller slice.
    await expect.poll(() => yTicks(page, "Healthcare: size and forecast")).not.toEqual(ticksBefore);
    expectEvenOneUnit(await yTicks(page, "Healthcare: size and forecast"));

    await page.getByLabel("Year").selectOption("2030");
    await expect.poll(() => new URL(page.url()).searchParams.get("year")).toBe("2030");
    await expect(facts).toContainText("Healthcare · Cohere, 2030");
    await expect(facts).toContainText("Outlook (modelled");
  });

  test("member pages give the same notice for bad parameters as the overview", async ({ page }) => {
    for (const path of ["/", "/vendors/anthropic", "/sectors/healthcare"]) {
      await page.goto(`${path}?region=atlantis&year=3000`);
      const notice = page.getByRole("status").filter({ hasText: "not valid" });
      await expect(notice, path).toBeVisible();
      await expect(notice, path).toContainText("atlantis");
    }
  });

  test("axes step evenly in one unit; published points are marked; small values keep their digits", async ({
    page,
  }) => {
    await page.goto("/");
    for (const card of ["Total market 2021-2032", "By model type", "By vendor"])
      expectEvenOneUnit(await yTicks(page, card));
    await expect(region(page, "Total market 2021-2032").locator(".recharts-scatter-symbol path")).toHaveCount(2);
    await expect(region(page, "Total market 2021-2032")).toContainText("Published figure");
    await page.goto("/explore?by=vendor&view=share");
    expectEvenOneUnit(await yTicks(page, "Market by vendor"));
    expect(await yTicks(page, "Market by vendor")).toEqual(["0%", "20%", "40%", "60%", "80%", "100%"]);
    await page.goto("/vendors/rasa?region=latin-america&type=vertically-specialized");
    const facts = page.getByRole("region", { name: "Key figures" });
    await expect(facts).toBeVisible();
    await expect(facts).not.toContainText("US$ 0.0 M");
  });
});
