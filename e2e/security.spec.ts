import net from "node:net";
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

  test("malformed percent-encoding in a path is a 400, never a 500: a page for pages, JSON for the API", async ({
    request,
  }) => {
    for (const p of ["/sectors/%ff", "/vendors/%ff", "/vendors/%E2%82", "/sectors/%"]) {
      const res = await request.get(p);
      expect(res.status(), p).toBe(400);
      expect(res.headers()["content-type"], p).toContain("text/html");
      const html = await res.text();
      expect(html, p).toContain("This address cannot be read");
      expect(html, p).toContain('<nav aria-label="Main"');
      expect(html, p).toContain('href="/explore"');
    }
    const api = await request.get("/api/v1/%zz");
    expect(api.status()).toBe(400);
    expect((await api.json()).error.param).toBe("path");
  });

  test("a malformed page address shows a page a user can leave by its navigation", async ({ page }) => {
    const res = await page.goto("/vendors/%ff");
    expect(res?.status()).toBe(400);
    await expect(page.getByRole("heading", { name: "This address cannot be read" })).toBeVisible();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" }).click();
    await expect(page.getByRole("region", { name: "Headline figures" })).toBeVisible();
  });
});

/** Raw HTTP to the test server: what came back and when the server closed the connection. */
function raw(baseURL: string, text: string, waitMs = 8_000) {
  const { hostname, port } = new URL(baseURL);
  return new Promise<{ reply: string; answeredMs: number | null; closedMs: number | null }>((resolve) => {
    const started = performance.now();
    let answeredMs: number | null = null;
    let reply = "";
    const socket = net.connect(Number(port), hostname, () => socket.write(text));
    socket.on("data", (d) => {
      answeredMs ??= Math.round(performance.now() - started);
      reply += d.toString();
    });
    socket.on("error", () => undefined);
    const done = (closed: boolean) =>
      resolve({ reply, answeredMs, closedMs: closed ? Math.round(performance.now() - started) : null });
    socket.on("close", () => done(true));
    setTimeout(() => {
      socket.destroy();
      done(false);
    }, waitMs);
  });
}

test.describe("hostile requests", () => {
  test("a stalled anonymous upload is refused before its body is read, and its connection closed", async ({
    baseURL,
  }) => {
    const r = await raw(
      baseURL!,
      `POST /api/v1/imports HTTP/1.1\r\nHost: ${new URL(baseURL!).host}\r\nOrigin: ${baseURL}\r\nContent-Type: multipart/form-data; boundary=b\r\n` +
        `Transfer-Encoding: chunked\r\n\r\n100\r\n${"x".repeat(256)}\r\n`,
    );
    expect(r.reply).toMatch(/^HTTP\/1\.1 401/);
    expect(r.answeredMs!).toBeLessThan(3_000);
    expect(r.closedMs, "connection closed").not.toBeNull();
    expect(r.closedMs!).toBeLessThan(5_000);
  });

  test("a declared 500 MB body without the body is a 413 at once", async ({ baseURL }) => {
    const r = await raw(
      baseURL!,
      "POST /api/v1/forecast HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500000000\r\n\r\n",
    );
    expect(r.reply).toMatch(/^HTTP\/1\.1 413/);
    expect(r.answeredMs!).toBeLessThan(2_000);
  });

  test("TRACE and unsupported methods are 405 problems; unknown API paths a JSON 404", async ({ request, baseURL }) => {
    const trace = await raw(baseURL!, "TRACE /api/v1/series HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    expect(trace.reply).toMatch(/^HTTP\/1\.1 405/);
    expect(trace.reply).toContain('"param":"method"');
    const del = await request.delete("/api/v1/series?by=total");
    expect(del.status()).toBe(405);
    expect((await del.json()).error.param).toBe("method");
    for (const path of ["/api/nope", "/api/v1/nope/deeper", "/api/v2/series"]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(404);
      expect(res.headers()["content-type"]).toContain("application/json");
      expect(res.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
      expect((await res.json()).error.param).toBe("path");
    }
  });

  test("every answer has a request id; health has a cheap live check and a ready check", async ({ request }) => {
    const live = await request.get("/api/health/live");
    expect(live.status()).toBe(200);
    expect(await live.json()).toEqual({ ok: true });
    expect(live.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const ready = await request.get("/api/health/ready", { headers: { "x-request-id": "probe-12345678" } });
    expect(ready.status()).toBe(200);
    expect(ready.headers()["x-request-id"]).toBe("probe-12345678");
    const page = await request.get("/methodology");
    expect(page.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("behind the one trusted proxy, addresses a client prepends to X-Forwarded-For do not make it new", async ({
    request,
  }) => {
    // The test server trusts one hop: the proxy's own entry (the right-most) names the client.
    const body = { series: [{ id: "a", values: [1, 2, 3, 4, 5], h: 1, method: "naive" }] };
    const statuses: number[] = [];
    for (let i = 0; i < 24; i++) {
      const res = await request.post("/api/v1/forecast", {
        headers: { "x-forwarded-for": `192.0.2.${i + 1}, 203.0.113.77` },
        data: body,
      });
      statuses.push(res.status());
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(4);
  });
});
