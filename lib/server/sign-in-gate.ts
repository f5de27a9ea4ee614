import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { getSessionUser } from "./auth";
import { getEnv } from "./env";

/**
 * With REQUIRE_SIGN_IN=true every page and data route needs a signed-in user: pages redirect to
 * /sign-in, the API answers 401. The session is checked for real (not only the cookie's presence);
 * state-changing routes check session, role and Origin again in their handlers.
 */
export async function signInGate(request: NextRequest): Promise<NextResponse | null> {
  if (!getEnv().REQUIRE_SIGN_IN) return null;
  const { pathname } = request.nextUrl;
  if (pathname === "/sign-in" || pathname.startsWith("/api/auth/") || pathname === "/api/health") return null;
  const user = await getSessionUser(request.headers).catch(() => null);
  if (user) return null;
  if (pathname.startsWith("/api/")) return NextResponse.json({ error: { message: "Sign in first" } }, { status: 401 });
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = `?next=${encodeURIComponent(pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}
