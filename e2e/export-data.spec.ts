import { expect, test } from "@playwright/test";
import { parseCsv } from "../tests/support/parse-csv";
import { exportFrom, totalChart, vendorChart, xlsxRows } from "./export-support";

/** Data exports (CSV, XLSX, the API's) and the dashboard deck, in real Chromium. */

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await expect(totalChart(page).getByRole("button", { name: "Export", exact: true })).toBeVisible();
});

test("CSV and XLSX hold the numbers the API gives for the same view", async ({ page }) => {
  const api = await page.request.get("/api/v1/series?by=total&format=csv");
  expect(api.ok()).toBe(true);
  const apiRows = parseCsv(await api.text());
  const json = await (await page.request.get("/api/v1/series?by=total&forecast=auto")).json();

  const csv = parseCsv((await exportFrom(page, totalChart(page), "CSV")).bytes.toString("utf8"));
  expect(csv[0]).toEqual(apiRows[0]);
  expect(csv[0][3]).toBe("value (US$ M)");
  // History rows are the API's rows verbatim; later years come out as the outlook line.
  for (const r of apiRows.slice(1)) {
    const match = csv.find((c) => (c[0] === r[0] || c[0] === "outlook") && c[2] === r[2] && c[3] === r[3]);
    expect(match, `year ${r[2]}`).toBeTruthy();
  }
  expect(csv.filter((c) => c[0] === "total").map((c) => c.slice(0, 5))).toEqual(
    apiRows
      .slice(1)
      .filter((r) => Number(r[2]) <= json.dataset.historyTo)
      .map((r) => r.slice(0, 5)),
  );
  expect(csv.some((c) => c[4] === "modelled")).toBe(true);
  const forecast = json.series[0].forecast.points as { year: number; mean: number }[];
  expect(csv.filter((c) => c[0] === "forecast").map((c) => [Number(c[2]), Number(c[3])])).toEqual(
    forecast.map((p) => [p.year, p.mean]),
  );

  const xlsx = await xlsxRows((await exportFrom(page, totalChart(page), "XLSX")).bytes);
  expect(xlsx.sheets).toEqual(["Data", "Sources and notes"]);
  expect(xlsx.data.map((r) => r.map(String))).toEqual(csv);
  expect(xlsx.notes).toContain("QYResearch");

  const apiXlsx = await page.request.get("/api/v1/series?by=total&format=xlsx");
  expect(apiXlsx.headers()["content-type"]).toContain("spreadsheetml");
  const fromApi = await xlsxRows(Buffer.from(await apiXlsx.body()));
  expect(fromApi.data.map((r) => r.map(String))).toEqual(apiRows);
  expect(fromApi.sheets).toEqual(["Data", "Sources and notes"]);
  expect((await page.request.get("/api/v1/series?format=pptx")).status()).toBe(400);
});

test("labels that read as formulas are escaped in CSV and XLSX", async ({ page }) => {
  // Serve the page (and its API answers) with vendor names turned into formula bait.
  const bait: [string, string][] = [
    ["OpenAI", "=OpenAI"],
    ["Anthropic", "+Anthropic"],
    ["Cohere", "-Cohere"],
    ["Rasa", "@Rasa"],
  ];
  const poison = (text: string) => bait.reduce((t, [from, to]) => t.replaceAll(from, to), text);
  await page.route(/\/(\?.*)?$/, async (route) => {
    const res = await route.fetch();
    await route.fulfill({ response: res, body: poison(await res.text()) });
  });
  await page.route(/\/api\/v1\//, async (route) => {
    const res = await route.fetch();
    await route.fulfill({ response: res, body: poison(await res.text()) });
  });
  await page.goto("/");
  const csv = parseCsv((await exportFrom(page, vendorChart(page), "CSV")).bytes.toString("utf8"));
  const labels = new Set(csv.slice(1).map((r) => r[1]));
  for (const [, to] of bait) expect(labels).toContain(`'${to}`);
  for (const l of labels) expect(l).not.toMatch(/^[=+\-@]/);
  const xlsx = await xlsxRows((await exportFrom(page, vendorChart(page), "XLSX")).bytes);
  const xl = new Set(xlsx.data.slice(1).map((r) => String(r[1])));
  for (const [, to] of bait) expect(xl).toContain(`'${to}`);
});
