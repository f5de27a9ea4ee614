import { expect, test } from "@playwright/test";

/**
 * The overview is rendered once per URL for readers not signed in and sent again from memory
 * (lib/server/fast-pages.ts). A repeat must be the same page to the reader: its own CSP nonce on
 * every script, no CSP violation, the same figures, and it works (a legend click cross-filters).
 */
test.describe("overview sent again from memory", () => {
  test("each load has its own nonce on every script, no CSP violation, and the page works", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    const nonces: string[] = [];
    // The first load may render; the later ones are the kept copy (the browser asks for gzip).
    for (let i = 0; i < 3; i++) {
      const res = await page.goto("/?year=2024");
      expect(res!.status()).toBe(200);
      const h = res!.headers();
      const csp = h["content-security-policy"];
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(h["x-content-type-options"]).toBe("nosniff");
      expect(h["x-frame-options"]).toBe("DENY");
      expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(h["permissions-policy"]).toContain("camera=()");
      expect(h["cache-control"]).toContain("no-store");
      expect(h["x-request-id"]).toBeTruthy();
      const nonce = /'nonce-([^']+)'/.exec(csp)![1];
      nonces.push(nonce);
      const html = await res!.text();
      const tags = html.match(/<script\b[^>]*>/g) ?? [];
      expect(tags.length).toBeGreaterThan(0);
      for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
      for (const earlier of nonces.slice(0, -1)) expect(html).not.toContain(earlier);
      await expect(page.getByRole("region", { name: "Headline figures" })).toContainText("US$ 8,934 M");
    }
    expect(new Set(nonces).size).toBe(3);

    // Hydrated under the CSP: a legend click filters the page.
    await page
      .getByRole("region", { name: "By model type", exact: true })
      .getByRole("button", { name: /^Filter by / })
      .first()
      .click();
    await expect(page.getByRole("button", { name: /^Remove .* filter$/ })).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("a signed-in reader gets the page rendered for them, not the copy kept for the public", async ({
    page,
    request,
  }) => {
    // Warm the public copy first.
    await (await request.get("/")).text();
    await (await request.get("/")).text();
    await page.goto("/sign-in?next=%2F");
    await page.getByLabel("Email").fill(process.env.E2E_ADMIN_EMAIL ?? "e2e-admin@example.com");
    await page.getByLabel("Password").fill(process.env.E2E_ADMIN_PASSWORD ?? "e2e-admin-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((u) => u.pathname === "/");
    await page.reload();
    await expect(page.getByRole("link", { name: "Audit" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Sign in" })).toHaveCount(0);
  });
});
