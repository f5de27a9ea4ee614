import { describe, expect, it } from "vitest";
import { API_CSP, contentSecurityPolicy, malformedPath, securityHeaders } from "@/lib/server/security-headers";

describe("security headers", () => {
  it("production CSP: nonce + strict-dynamic scripts, no eval, no framing, no plugins", () => {
    const csp = contentSecurityPolicy("abc123", { dev: false, https: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("dev allows eval for the refresh runtime; HTTPS upgrades insecure requests", () => {
    expect(contentSecurityPolicy("n", { dev: true, https: false })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy("n", { dev: false, https: true })).toContain("upgrade-insecure-requests");
  });

  it("HSTS only over HTTPS; the rest always", () => {
    expect(securityHeaders({ https: false })["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({ https: true })["Strict-Transport-Security"]).toMatch(/max-age=\d{7,}/);
    expect(securityHeaders({ https: false })).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
    });
    expect(API_CSP).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it("malformed percent-encoding is recognised; valid encodings are not", () => {
    for (const p of ["/sectors/%ff", "/vendors/%E2%82", "/sectors/%", "/a%zz"]) expect(malformedPath(p)).toBe(true);
    for (const p of ["/sectors/healthcare", "/vendors/a%20b", "/x/%E2%82%AC"]) expect(malformedPath(p)).toBe(false);
  });
});
