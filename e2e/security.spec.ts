import { expect, test } from "@playwright/test";

/** Security headers on pages, API and static files, and a CSP the app itself keeps (no violations, still interactive). */
test.describe("security headers", () => {
  test("a page carries a nonce CSP and the other headers; no CSP violation while it works", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    const res = await page.goto("/explore?by=region");
    const h = res!.headers();
    const csp = h["content-security-policy"];
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["permissions-policy"]).toContain("camera=()");
    // Served over plain HTTP here: no HSTS (browsers ignore it there anyway).
    expect(h["strict-transport-security"]).toBeUndefined();
    // Every script the server wrote into the page carries this request's nonce (chunks loaded later
    // by those scripts are admitted by 'strict-dynamic' and need none).
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    const html = await res!.text();
    const tags = html.match(/<script\b[^>]*>/g) ?? [];
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
    // Hydrated and interactive under the CSP: a filter opens.
    await page.getByText("Vendor: all").click();
    await expect(page.getByRole("group", { name: "Filter by vendor" })).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("each page load gets its own nonce", async ({ request }) => {
    const a = (await request.get("/methodology")).headers()["content-security-policy"];
    const b = (await request.get("/methodology")).headers()["content-security-policy"];
    expect(a).not.toBe(b);
  });

  test("API answers: a CSP that loads nothing, nosniff, no framing; HSTS behind an HTTPS proxy", async ({
    request,
  }) => {
    const res = await request.get("/api/v1/series?by=total", { headers: { "x-forwarded-proto": "https" } });
    const h = res.headers();
    expect(h["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["strict-transport-security"]).toMatch(/^max-age=\d+/);
  });

  test("static files carry nosniff and no-framing too", async ({ page, request }) => {
    await page.goto("/methodology");
    const src = await page.locator("script[src]").first().getAttribute("src");
    const res = await request.get(src!);
    expect(res.status()).toBe(200);
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
    expect(res.headers()["x-frame-options"]).toBe("DENY");
  });

  test("malformed percent-encoding in a path is a 400, never a 500", async ({ request }) => {
    for (const p of ["/sectors/%ff", "/vendors/%E2%82", "/sectors/%", "/api/v1/%zz"]) {
      const res = await request.get(p);
      expect(res.status(), p).toBe(400);
      expect((await res.json()).error.param).toBe("path");
    }
  });
});
