import { NextResponse, type NextRequest } from "next/server";
import { databaseAnswers, knownVersions } from "@/lib/server/db-probe";
import { signInGate } from "@/lib/server/sign-in-gate";
import {
  BAD_PATH_PAGE,
  contentSecurityPolicy,
  malformedPath,
  OUTAGE_PAGE,
  outageHeaders,
  securityHeaders,
} from "@/lib/server/security-headers";

/**
 * Runs before every page (not the API: see `config`): security headers, a per-request CSP nonce
 * (Next puts it on its own scripts when the request carries the CSP), and a 400 for paths whose
 * percent-encoding is malformed, before any page tries to decode them. While the database does not
 * answer, pages get an honest 503 (with Retry-After) unless they pin a dataset version this process
 * already holds in memory.
 */
export async function proxy(request: NextRequest) {
  const https = (request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol.replace(":", "")) === "https";
  const base = securityHeaders({ https });
  if (malformedPath(request.nextUrl.pathname)) {
    // A page, with the way back: the API answers the same fault in JSON (front server).
    const { "Retry-After": _retry, ...headers } = outageHeaders(https);
    return new NextResponse(BAD_PATH_PAGE, { status: 400, headers });
  }
  const gate = await signInGate(request);
  if (gate) {
    for (const [k, v] of Object.entries(base)) gate.headers.set(k, v);
    return gate;
  }
  const pinned = request.nextUrl.searchParams.get("dataset");
  if (request.method === "GET" && !(pinned && knownVersions().has(pinned)) && !(await databaseAnswers())) {
    return new NextResponse(OUTAGE_PAGE, { status: 503, headers: outageHeaders(https) });
  }
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [k, v] of Object.entries(base)) response.headers.set(k, v);
  return response;
}

export const config = {
  // Pages only. The build's hashed static files get their headers from next.config.js; so does the
  // API, which stays out of the proxy because a proxy makes Next read (up to 10 MB of) every request
  // body before the route could refuse it: a route checks sign-in, Origin, role and Content-Length
  // first (lib/server/route.ts, guard.ts), and reads a body only when those pass.
  matcher: [{ source: "/((?!api/|api$|_next/static|_next/image).*)" }],
};
