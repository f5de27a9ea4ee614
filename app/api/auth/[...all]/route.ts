import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/server/auth";
import { audit, recentFailures } from "@/lib/server/audit";
import { clientIp, problem } from "@/lib/server/guard";

export const dynamic = "force-dynamic";

/** Failed sign-ins for one email (or from one address) within the window before 429. */
const MAX_FAILURES = 5;
const WINDOW_MINUTES = 15;

export async function GET(request: Request) {
  return toNextJsHandler(getAuth()).GET(request);
}

export async function POST(request: Request) {
  const handler = toNextJsHandler(getAuth());
  if (!new URL(request.url).pathname.endsWith("/sign-in/email")) return handler.POST(request);

  const body = (await request
    .clone()
    .json()
    .catch(() => null)) as { email?: unknown } | null;
  const email = typeof body?.email === "string" ? body.email.trim().toLowerCase() : "";
  const ip = clientIp(request);
  if (email && (await recentFailures(email, WINDOW_MINUTES)) >= MAX_FAILURES) {
    return new Response(
      JSON.stringify({ error: { message: `Too many failed sign-ins: try again in ${WINDOW_MINUTES} minutes` } }),
      {
        status: 429,
        headers: { "content-type": "application/json", "retry-after": String(WINDOW_MINUTES * 60) },
      },
    );
  }
  const response = await handler.POST(request);
  if (response.status === 401 || response.status === 400 || response.status === 403) {
    if (email) await audit({ action: "sign-in.failed", actor: email, ip, detail: { status: response.status } });
  }
  if (response.status === 429) return response;
  return response.status >= 500 ? problem(503, "Sign-in is unavailable") : response;
}
