import "server-only";
import { appOrigin, getSessionUser, type Role, type SessionUser } from "./auth";

/**
 * Checks done in every route handler (the proxy's cookie check is only a shortcut for pages):
 * the Origin of a state-changing request, the session and the role.
 */

const RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };

/** The app's problem shape, `{error: {param, message}}`; `param` null when no field is at fault. */
export function problem(status: number, message: string, extra: { param?: string } = {}): Response {
  return Response.json(
    { error: { param: extra.param ?? null, message } },
    { status, headers: { "Cache-Control": "no-store" } },
  );
}

/** A state-changing request must come from the app's own origin: anything else gets 403. */
export function checkOrigin(request: Request): Response | null {
  const origin = request.headers.get("origin");
  const own = appOrigin(request);
  if (!origin) return problem(403, "Origin header missing: state-changing requests must come from the app's own pages");
  if (origin !== own) return problem(403, `Origin ${origin} is not allowed`);
  return null;
}

/** 401 without a session, 403 below `role`; otherwise the user. */
export async function requireRole(request: Request, role: Role): Promise<SessionUser | Response> {
  const user = await getSessionUser(request.headers);
  if (!user) return problem(401, "Sign in first");
  if (RANK[user.role] < RANK[role]) return problem(403, `This needs the ${role} role; you are ${user.role}`);
  return user;
}

/** Origin, then session and role, for a state-changing route. */
export async function guardChange(request: Request, role: Role): Promise<SessionUser | Response> {
  return checkOrigin(request) ?? requireRole(request, role);
}
