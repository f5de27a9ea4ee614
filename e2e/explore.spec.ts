import { expect, test, type Page } from "@playwright/test";

const param = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);
const main = (page: Page, name: RegExp | string) => page.getByRole("region", { name });

async function summaryOf(page: Page, name: RegExp | string) {
  return (await main(page, name).locator("p").nth(1).textContent()) ?? "";
}

test.describe("explorer", () => {
  test("the breakdown, view and method controls change the chart and the URL", async ({ page }) => {
    await page.goto("/explore");
    await expect(main(page, "Market by application sector")).toBeVisible();

    await page.getByLabel("Break down by").selectOption("vendor");
    await expect.poll(() => param(page, "by")).toBe("vendor");
    await expect(main(page, "Market by vendor")).toBeVisible();

    await page.getByRole("radio", { name: "Share of market" }).check();
    await expect.poll(() => param(page, "view")).toBe("share");
    await expect(main(page, "Market by vendor")).toContainText("share of market");

    await page.getByLabel("Forecast method").selectOption("theta");
    await expect.poll(() => param(page, "method")).toBe("theta");
    const card = main(page, "Market by vendor");
    // The bars stay the data (the publisher's outlook after the history); our forecast is the overlay,
    // drawn on values (as shares every stack is 100%).
    await card.getByRole("button", { name: "Show table" }).click();
    await expect(card.getByRole("row", { name: /^2030/ })).toContainText("publisher outlook");
    await page.getByRole("radio", { name: "Absolute (US$ M)" }).check();
    await card.getByRole("button", { name: "Show chart" }).click();
    await expect(card.getByRole("list", { name: "Legend" })).toContainText(/Our forecast \(.*Theta/);

    await page.getByLabel("Forecast method").selectOption("outlook");
    await expect.poll(() => param(page, "method")).toBe("outlook");
    // Publisher outlook only: no overlay.
    await expect(card.getByRole("list", { name: "Legend" })).not.toContainText("Our forecast");
    await expect(card.locator("g.stacked-overlay")).toHaveCount(0);
    await card.getByRole("button", { name: "Show table" }).click();
    await expect(card.getByRole("row", { name: /^2030/ })).toContainText("publisher outlook");
  });

  for (const [dim, label, member, slug] of [
    ["type", "Model type", "Industry-specific", "industry-specific"],
    ["sector", "Application sector", "Healthcare", "healthcare"],
    ["vendor", "Vendor", "OpenAI", "openai"],
    ["region", "Region", "Europe", "europe"],
  ] as const) {
    test(`the ${dim} filter narrows the chart and writes the URL`, async ({ page }) => {
      await page.goto("/explore?by=total");
      const before = await summaryOf(page, "Total market");
      await page.getByText(`${label}: all`).click();
      await page
        .getByRole("group", { name: `Filter by ${label.toLowerCase()}` })
        .getByRole("checkbox", { name: member })
        .check();
      await expect.poll(() => param(page, dim)).toBe(slug);
      await expect(page.getByRole("button", { name: `Remove ${member} filter` })).toBeVisible();
      await expect.poll(() => summaryOf(page, "Total market")).not.toBe(before);
    });
  }

  test("the year range changes the chart and the URL", async ({ page }) => {
    await page.goto("/explore?by=region");
    await page.getByLabel("From", { exact: true }).selectOption("2023");
    await page.getByLabel("To", { exact: true }).selectOption("2028");
    await expect.poll(() => param(page, "from")).toBe("2023");
    await expect.poll(() => param(page, "to")).toBe("2028");
    const card = main(page, "Market by region");
    await expect(card).toContainText("2023-2028");
    await card.getByRole("button", { name: "Show table" }).click();
    await expect(card.getByRole("rowheader")).toHaveText(["2023", "2024", "2025", "2026", "2027", "2028"]);
  });

  test("/explore opens on the publisher's outlook stacked, with our forecast of the total as an overlay", async ({
    page,
    request,
  }) => {
    await page.goto("/explore");
    const card = page.getByRole("region", { name: "Market by application sector", exact: true });
    // The overlay's legend entry names our forecast and its method.
    await expect(card.getByRole("list", { name: "Legend" })).toContainText(/Our forecast \(auto: /);
    await expect(card.locator("g.stacked-overlay polyline.stacked-overlay-line")).toBeVisible();
    // Every member's bar segment in a forecast year is the outlook the API gives for that view.
    const outlook = (await (await request.get("/api/v1/series?by=sector")).json()) as {
      series: { key: string; label: string; points: { year: number; value: number; basis: string }[] }[];
    };
    const valueIn = (s: (typeof outlook.series)[number], year: number) => s.points.find((p) => p.year === year)!.value;
    const usd = (v: number) => `US$ ${Math.round(v).toLocaleString("en-US")} M`;
    expect(outlook.series[0].points.find((p) => p.year === 2030)?.basis).not.toBe("our forecast");
    await card.getByRole("button", { name: "Show table" }).click();
    const row = card.getByRole("row", { name: /^2030/ });
    await expect(row).toContainText("publisher outlook");
    const cells = await row.getByRole("cell").allTextContents();
    const header = await card.getByRole("columnheader").allTextContents();
    for (const s of outlook.series) expect(cells[header.indexOf(s.label) - 1], s.label).toBe(usd(valueIn(s, 2030)));
    // The bar's total is the outlook total; our forecast's column is the market's own forecast.
    const barTotal = outlook.series.reduce((a, s) => a + valueIn(s, 2030), 0);
    const market = (await (await request.get("/api/v1/series?by=total")).json()) as typeof outlook;
    expect(Math.abs(barTotal - valueIn(market.series[0], 2030))).toBeLessThan(0.01);
    const ours = (
      await (await request.get("/api/v1/series?by=total&forecast=auto")).json()
    ).series[0].forecast.points.find((p: { year: number }) => p.year === 2030).mean;
    expect(cells.at(-1)).toBe(usd(ours));
    expect(usd(ours)).not.toBe(usd(barTotal));
    // The shares list and the sentence say their basis.
    await expect(card).toContainText(/Shares in \d{4} \((outlook, )?modelled\)/);
  });

  test("two slices compare side by side", async ({ page }) => {
    await page.goto("/explore");
    await page.getByLabel("Compare slice A").selectOption("sector:healthcare");
    await page.getByLabel("Compare slice B").selectOption("region:europe");
    await expect(main(page, "A: Healthcare")).toBeVisible();
    await expect(main(page, "B: Europe")).toBeVisible();
    expect(param(page, "ca")).toBe("sector:healthcare");
    expect(param(page, "cb")).toBe("region:europe");
  });

  test("a slice of several members from a pasted link shows in its picker and compares", async ({ page }) => {
    await page.goto("/explore?ca=sector:healthcare,region:europe");
    const picker = page.getByLabel("Compare slice A");
    await expect(picker.locator("option:checked")).toHaveText(/Healthcare/);
    await expect(picker.locator("option:checked")).toHaveText(/Europe/);
    await expect(page.getByRole("region", { name: /^A: / })).toBeVisible();
    await picker.selectOption("vendor:openai");
    await expect.poll(() => param(page, "ca")).toBe("vendor:openai");
  });

  test("a pasted link reproduces the view", async ({ page, context }) => {
    const url =
      "/explore?by=vendor&sector=healthcare,bfsi&region=europe&from=2022&to=2030&view=share&method=drift&year=2025&ca=vendor:openai";
    await page.goto(url);
    await expect(page.getByLabel("Break down by")).toHaveValue("vendor");
    await expect(page.getByLabel("Forecast method")).toHaveValue("drift");
    await expect(page.getByRole("radio", { name: "Share of market" })).toBeChecked();
    await expect(page.getByLabel("From", { exact: true })).toHaveValue("2022");
    for (const name of ["Healthcare", "BFSI", "Europe"])
      await expect(page.getByRole("button", { name: `Remove ${name} filter` })).toBeVisible();
    await expect(main(page, "A: OpenAI")).toBeVisible();
    const summary = await summaryOf(page, "Market by vendor");
    // The same link in a fresh tab shows the same figures.
    const other = await context.newPage();
    await other.goto(url);
    await expect.poll(() => summaryOf(other, "Market by vendor")).toBe(summary);
    await other.close();
  });

  test("an invalid link falls back to the defaults with a visible notice", async ({ page }) => {
    await page.goto("/explore?by=colour&sector=Health!,mining&year=3000&method=magic");
    const notice = page.getByRole("status").filter({ hasText: "not valid" });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText("Ignored by");
    await expect(notice).toContainText("Ignored unknown sector: mining");
    await expect(notice).toContainText("Ignored method");
    await expect(main(page, "Market by application sector")).toBeVisible();
    await expect(page.getByLabel("Forecast method")).toHaveValue("auto");
    await expect(page.getByText("No filters: the whole market is shown.")).toBeVisible();
  });

  test("filters work from the keyboard", async ({ page }) => {
    await page.goto("/explore?by=total");
    const summary = page.getByText("Region: all");
    await summary.focus();
    await page.keyboard.press("Enter");
    const box = page.getByRole("group", { name: "Filter by region" }).getByRole("checkbox", { name: "Asia-Pacific" });
    await box.focus();
    await page.keyboard.press("Space");
    await expect.poll(() => param(page, "region")).toBe("asia-pacific");
    const chip = page.getByRole("button", { name: "Remove Asia-Pacific filter" });
    await chip.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => param(page, "region")).toBeNull();
  });
});
