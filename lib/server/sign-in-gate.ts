import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "./env";

/**
 * With REQUIRE_SIGN_IN=true every page and data route needs a signed-in user: pages redirect to
 * /sign-in (proxy.ts calls `signInGate`), the API answers 401 (route.ts calls `apiSignInGate`,
 * before the handler reads anything). The session is checked for real (not only the cookie's
 * presence); state-changing routes check session, role and Origin again in their handlers.
 */
function open(pathname: string): boolean {
  return (
    pathname === "/sign-in" ||
    pathname.startsWith("/api/auth/") ||
    pathname === "/api/health" ||
    pathname.startsWith("/api/health/")
  );
}

async function signedIn(headers: Headers): Promise<boolean> {
  const { getSessionUser } = await import("./auth");
  return !!(await getSessionUser(headers).catch(() => null));
}

export async function signInGate(request: NextRequest): Promise<NextResponse | null> {
  if (!getEnv().REQUIRE_SIGN_IN) return null;
  const { pathname } = request.nextUrl;
  if (open(pathname) || (await signedIn(request.headers))) return null;
  if (pathname.startsWith("/api/"))
    return NextResponse.json({ error: { param: null, message: "Sign in first" } }, { status: 401 });
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = `?next=${encodeURIComponent(pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

/** The API's half of the gate: 401 (problem shape) without a session, null when the request may go on. */
export async function apiSignInGate(request: Request): Promise<Response | null> {
  if (!getEnv().REQUIRE_SIGN_IN) return null;
  let pathname = "/";
  try {
    pathname = new URL(request.url).pathname;
  } catch {
    /* an unparseable URL is not an open path */
  }
  if (open(pathname) || (await signedIn(request.headers))) return null;
  return Response.json(
    { error: { param: null, message: "Sign in first" } },
    { status: 401, headers: { "Cache-Control": "no-store" } },
  );
}
