import "server-only";
import { getEnv } from "./env";
import { getSessionUser, type SessionUser } from "./auth";
import { problem } from "./guard";
import { route } from "./route";

/**
 * Runs a handler of the accounts/import routes through the one route wrapper (`route()`): the same
 * request id, logging and problem shape as every other route (503 for the database, a logged 500
 * for anything else, never a stack trace).
 */
export function handle(request: Request, run: () => Promise<Response>): Promise<Response> {
  return route(new URL(request.url).pathname, () => run())(request);
}

/** Reading: public unless REQUIRE_SIGN_IN=true; returns the user (or null) or a 401. */
export async function readerOrProblem(request: Request): Promise<{ user: SessionUser | null } | Response> {
  const user = await getSessionUser(request.headers);
  if (!user && getEnv().REQUIRE_SIGN_IN) return problem(401, "Sign in first");
  return { user };
}
