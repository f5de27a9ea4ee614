import "server-only";
import { getEnv } from "./env";
import { getSessionUser, type SessionUser } from "./auth";
import { problem } from "./guard";
import { unavailableResponse } from "./http";

/** Runs a handler; a failure of the database or of anything else becomes a 503 with one line. */
export async function handle(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    console.error(error);
    return unavailableResponse(error);
  }
}

/** Reading: public unless REQUIRE_SIGN_IN=true; returns the user (or null) or a 401. */
export async function readerOrProblem(request: Request): Promise<{ user: SessionUser | null } | Response> {
  const user = await getSessionUser(request.headers);
  if (!user && getEnv().REQUIRE_SIGN_IN) return problem(401, "Sign in first");
  return { user };
}
