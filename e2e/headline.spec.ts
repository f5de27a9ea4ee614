import { expect, test, type Page } from "@playwright/test";
import { approxUsdM, summaryText } from "./panel";

/** What a strategist quotes: like compared with like, honest precision, titles naming the slice. */

const region = (page: Page, name: string) => page.getByRole("region", { name, exact: true });
const signed = (ratio: number) => {
  const pct = ratio * 100;
  return `${pct < 0 ? "−" : "+"}${Math.abs(pct).toFixed(Math.abs(pct) < 10 ? 1 : 0)}%`;
};
type Point = { year: number; value: number; basis: string };
type Fc = { year: number; mean: number; lower: Record<string, number>; upper: Record<string, number> };

test("the headline sets our forecast beside the published outlook for the same year, and says how fragile it is", async ({
  page,
}) => {
  const api = await (await page.request.get("/api/v1/series?by=total&forecast=auto")).json();
  const market = api.series[0];
  const fc2031 = (market.forecast.points as Fc[]).find((p) => p.year === 2031)!;
  const history = (market.points as Point[]).filter((p) => p.year <= api.dataset.historyTo);

  // The same forecast with the last history year 5% higher, through the public forecast API.
  const values = history.map((p) => p.value);
  const bumped = values.map((v, i) => (i === values.length - 1 ? v * 1.05 : v));
  const h = 2032 - api.dataset.historyTo;
  const run = async (v: number[]) => {
    const r = await page.request.post("/api/v1/forecast", {
      data: { series: [{ id: "m", values: v, h, level: [80, 95], method: "auto" }] },
    });
    expect(r.status()).toBe(200);
    return (await r.json()).series[0].mean[2031 - api.dataset.historyTo - 1] as number;
  };
  const base = await run(values);
  expect(base).toBeCloseTo(fc2031.mean, 6);
  const sensitivity = (await run(bumped)) / base - 1;

  await page.goto("/");
  const cards = region(page, "Headline figures");
  await expect(cards).toContainText("Market size 2024");
  await expect(cards).toContainText("US$ 8,934 M");
  await expect(cards).toContainText("12.1%");
  await expect(cards).toContainText("QYResearch outlook 2031");
  await expect(cards).toContainText("US$ 19,700 M");
  await expect(cards).toContainText("Our forecast 2031");
  await expect(cards).toContainText(approxUsdM(fc2031.mean));
  await expect(cards).toContainText(`${signed(fc2031.mean / 19_700 - 1)} vs QYResearch's 2031 outlook`);
  await expect(cards).toContainText(
    `80%: ${approxUsdM(fc2031.lower["80"]).slice(2)} – ${approxUsdM(fc2031.upper["80"]).slice(2)}`,
  );
  await expect(cards).toContainText("Fitted to 5 history years (2021-2025), 1 of them published (2024)");
  await expect(cards).toContainText(`5% more in 2025 moves its 2031 value by ${signed(sensitivity)}`);
  // No modelled figure claims a precision to the million on the cards.
  await expect(cards).not.toContainText(`US$ ${Math.round(fc2031.mean).toLocaleString("en-US")} M`);

  // The sentence names how a year past the last published outlook year was made.
  const total = region(page, "Total market 2021-2032");
  const sentence = await summaryText(total);
  expect(sentence).toContain("in 2032 (extended at the published CAGR)");
  // 2021 is modelled: approximate, not to the million.
  const v2021 = (market.points as Point[]).find((p) => p.year === 2021)!.value;
  expect(sentence).toContain(`The market grows from ${approxUsdM(v2021)} in 2021`);
});

test("titles, sentences and legends name the slice shown when a filter is set", async ({ page }) => {
  await page.goto("/?sector=healthcare");
  const total = region(page, "Healthcare 2021-2032");
  await expect(total).toBeVisible();
  await expect(region(page, "Total market 2021-2032")).toHaveCount(0);
  expect(await summaryText(total)).toMatch(/^Healthcare grows from/);
  await expect(total).not.toContainText("Total market");
  await expect(page.getByText("All segments")).toHaveCount(0);

  await page.goto("/explore?sector=healthcare");
  await expect(page.getByText("Filtered by").first()).toBeVisible();
  await expect(page.getByText("All segments")).toHaveCount(0);

  // The link preview of a member page names the member, not "All segments".
  const html = await (await page.request.get("/sectors/healthcare")).text();
  const description = /<meta property="og:description" content="([^"]*)"/.exec(html)?.[1] ?? "";
  expect(description).toContain("Healthcare");
  expect(description).not.toContain("All segments");
});
