import { NextResponse, type NextRequest } from "next/server";
import { API_CSP, contentSecurityPolicy, malformedPath, securityHeaders } from "@/lib/server/security-headers";

/**
 * Runs before every route: security headers on every answer, a per-request CSP nonce for pages
 * (Next puts it on its own scripts when the request carries the CSP), and a 400 for paths whose
 * percent-encoding is malformed, before any page tries to decode them.
 */
export function proxy(request: NextRequest) {
  const https = (request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol.replace(":", "")) === "https";
  const base = securityHeaders({ https });
  if (malformedPath(request.nextUrl.pathname)) {
    return NextResponse.json(
      { error: { param: "path", message: "path: malformed percent-encoding" } },
      { status: 400, headers: { ...base, "Content-Security-Policy": API_CSP, "Cache-Control": "no-store" } },
    );
  }
  const api = request.nextUrl.pathname.startsWith("/api/");
  const nonce = api ? "" : btoa(crypto.randomUUID());
  const csp = api ? API_CSP : contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https });
  const requestHeaders = new Headers(request.headers);
  if (!api) {
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", csp);
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [k, v] of Object.entries(base)) response.headers.set(k, v);
  return response;
}

export const config = {
  // Everything but the build's hashed static files (they get the same headers from next.config.js).
  matcher: [{ source: "/((?!_next/static|_next/image).*)" }],
};
