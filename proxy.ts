import { NextResponse, type NextRequest } from "next/server";
import { databaseAnswers, knownVersions } from "@/lib/server/db-probe";
import { signInGate } from "@/lib/server/sign-in-gate";
import { API_CSP, contentSecurityPolicy, malformedPath, securityHeaders } from "@/lib/server/security-headers";

/**
 * Runs before every route: security headers on every answer, a per-request CSP nonce for pages
 * (Next puts it on its own scripts when the request carries the CSP), and a 400 for paths whose
 * percent-encoding is malformed, before any page tries to decode them. While the database does not
 * answer, pages get an honest 503 (with Retry-After) unless they pin a dataset version this process
 * already holds in memory; API routes answer for themselves.
 */
export async function proxy(request: NextRequest) {
  const https = (request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol.replace(":", "")) === "https";
  const base = securityHeaders({ https });
  if (malformedPath(request.nextUrl.pathname)) {
    return NextResponse.json(
      { error: { param: "path", message: "path: malformed percent-encoding" } },
      { status: 400, headers: { ...base, "Content-Security-Policy": API_CSP, "Cache-Control": "no-store" } },
    );
  }
  const gate = await signInGate(request);
  if (gate) {
    for (const [k, v] of Object.entries(base)) gate.headers.set(k, v);
    return gate;
  }
  const api = request.nextUrl.pathname.startsWith("/api/");
  const pinned = request.nextUrl.searchParams.get("dataset");
  if (!api && request.method === "GET" && !(pinned && knownVersions().has(pinned)) && !(await databaseAnswers())) {
    return new NextResponse(OUTAGE_PAGE, {
      status: 503,
      headers: {
        ...base,
        "Content-Type": "text/html; charset=utf-8",
        "Retry-After": "5",
        "Cache-Control": "no-store",
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      },
    });
  }
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

const OUTAGE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Temporarily unavailable · Large-scale AI Models market</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5">
<h1>Temporarily unavailable</h1><p>The market data cannot be read right now. Please try again in a few seconds.</p>
<p><a href="">Try again</a></p></body></html>`;

export const config = {
  // Everything but the build's hashed static files (they get the same headers from next.config.js).
  matcher: [{ source: "/((?!_next/static|_next/image).*)" }],
};
