import { expect, test } from "@playwright/test";
import { pngSize } from "./export-support";

/** Link previews (Open Graph / Twitter cards) and the site's static files. */

test("a filtered view unfurls with its title, filters and an image of its main chart", async ({ page, request }) => {
  await page.goto("/sectors/healthcare?vendor=openai");
  const meta = (sel: string) => page.locator(sel).getAttribute("content");
  expect(await meta('meta[property="og:title"]')).toBe("Healthcare: size and forecast");
  expect(await meta('meta[property="og:description"]')).toContain("Vendor: OpenAI · 2021-2032");
  expect(await meta('meta[name="twitter:card"]')).toBe("summary_large_image");
  const image = (await meta('meta[property="og:image"]'))!;
  const url = new URL(image);
  // Absolute, on the site's own origin, pinned to the data set version and carrying the view's filters.
  expect(url.origin).toBe(new URL(page.url()).origin);
  expect(url.searchParams.get("page")).toBe("/sectors/healthcare");
  expect(url.searchParams.get("vendor")).toBe("openai");
  expect(url.searchParams.get("dataset")).toBeTruthy();
  expect(await meta('meta[name="twitter:image"]')).toBe(image);

  const first = await request.get(image);
  expect(first.status()).toBe(200);
  expect(first.headers()["content-type"]).toBe("image/png");
  expect(first.headers()["cache-control"]).toContain("immutable");
  const png = await first.body();
  expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  // The same view again comes from the cache, byte for byte.
  const again = await request.get(image);
  expect(again.headers()["x-preview-cache"]).toBe("hit");
  expect((await again.body()).equals(png)).toBe(true);

  // A different filter is a different image.
  await page.goto("/sectors/healthcare?vendor=google");
  const other = (await page.locator('meta[property="og:image"]').getAttribute("content"))!;
  expect(other).not.toBe(image);
  expect((await (await request.get(other)).body()).equals(png)).toBe(false);
});

test("every dashboard page has a preview image; a bad preview request is a 4xx naming the field", async ({
  request,
  page,
}) => {
  for (const path of ["/", "/explore?by=vendor&region=europe", "/vendors/openai"]) {
    await page.goto(path);
    const image = (await page.locator('meta[property="og:image"]').getAttribute("content"))!;
    const res = await request.get(image);
    expect(res.status(), path).toBe(200);
    expect(pngSize(await res.body())).toEqual({ width: 1200, height: 630 });
  }
  const bad = await request.get("/og?page=/etc/passwd");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.param).toBe("page");
  expect((await request.get("/og?page=/sectors/no-such-sector")).status()).toBe(404);
});

test("public/ serves the favicon and robots.txt", async ({ request }) => {
  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  expect(await robots.text()).toMatch(/User-agent: \*[\s\S]*Disallow: \/api\//);
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect((await ico.body()).subarray(0, 4).equals(Buffer.from([0, 0, 1, 0]))).toBe(true);
  expect((await request.get("/favicon.svg")).headers()["content-type"]).toContain("image/svg+xml");
});
