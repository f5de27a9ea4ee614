import { toNextJsHandler } from "better-auth/next-js";
import { CLIENT_ADDRESS_HEADER, getAuth } from "@/lib/server/auth";
import { audit } from "@/lib/server/audit";
import { clientAddress } from "@/lib/server/client-address";
import { problem } from "@/lib/server/guard";
import { signInThrottle, THROTTLE } from "@/lib/server/sign-in-throttle";
import { readTextCapped } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** Bounds of a sign-in request, checked before better-auth reads it. */
export const SIGN_IN_LIMITS = { bodyBytes: 4_096, email: 254, password: 128 } as const;

/**
 * better-auth reads the client's address from one header, which is set here from the app's own
 * reading of it (lib/server/client-address.ts), replacing whatever a client sent under that name.
 */
function withAddress(request: Request, address: string, body?: string): Request {
  const headers = new Headers(request.headers);
  headers.delete(CLIENT_ADDRESS_HEADER);
  if (address !== "unknown") headers.set(CLIENT_ADDRESS_HEADER, address);
  return new Request(request.url, {
    method: request.method,
    headers,
    body: body ?? (request.method === "GET" || request.method === "HEAD" ? undefined : request.body),
    ...(body === undefined && request.body ? { duplex: "half" } : {}),
  } as RequestInit);
}

export async function GET(request: Request) {
  return toNextJsHandler(getAuth()).GET(withAddress(request, clientAddress(request)));
}

export async function POST(request: Request) {
  const handler = toNextJsHandler(getAuth());
  const address = clientAddress(request);
  if (!new URL(request.url).pathname.endsWith("/sign-in/email")) return handler.POST(withAddress(request, address));

  const text = await readTextCapped(request, SIGN_IN_LIMITS.bodyBytes);
  if (text === null) return problem(413, `The sign-in request is larger than ${SIGN_IN_LIMITS.bodyBytes} bytes`);
  let body: { email?: unknown; password?: unknown } | null;
  try {
    body = JSON.parse(text) as { email?: unknown; password?: unknown } | null;
  } catch {
    return problem(400, "The sign-in request must be JSON with email and password");
  }
  if (typeof body?.email !== "string" || body.email.length > SIGN_IN_LIMITS.email)
    return problem(400, `email must be text of at most ${SIGN_IN_LIMITS.email} characters`, { param: "email" });
  if (typeof body.password !== "string" || body.password.length > SIGN_IN_LIMITS.password)
    return problem(400, `password must be text of at most ${SIGN_IN_LIMITS.password} characters`, {
      param: "password",
    });
  const email = body.email.trim().toLowerCase();
  const throttle = signInThrottle();
  const verdict = await throttle.check(email, address);
  if (verdict.blocked) {
    const who = verdict.scope === "address" ? "from this address" : "for this account from this address";
    return new Response(
      JSON.stringify({
        error: {
          param: null,
          message: `Too many failed sign-ins ${who}: try again in ${verdict.retryAfterSeconds} s`,
        },
      }),
      {
        status: 429,
        headers: { "content-type": "application/json", "retry-after": String(verdict.retryAfterSeconds) },
      },
    );
  }

  const response = await handler.POST(withAddress(request, address, text));
  const ip = address === "unknown" ? null : address;
  if (response.status === 401) {
    const outcome = await throttle.recordFailure(email, address);
    await audit({ action: "sign-in.failed", actor: email, ip, detail: { status: response.status } });
    for (const trip of outcome.trips)
      await audit({ action: "sign-in.throttled", actor: email, ip, detail: { ...trip } });
    if (outcome.alertAddresses !== null)
      await audit({
        action: "sign-in.alert",
        actor: email,
        ip,
        detail: {
          message: `failed sign-ins from ${outcome.alertAddresses} addresses within ${THROTTLE.windowSeconds / 60} minutes`,
          addresses: outcome.alertAddresses,
        },
      });
  } else if (response.ok) await throttle.recordSuccess(email, address);
  if (response.status === 429) return response;
  return response.status >= 500 ? problem(503, "Sign-in is unavailable") : response;
}
