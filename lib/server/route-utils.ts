import "server-only";
import { getEnv } from "./env";
import { getSessionUser, type SessionUser } from "./auth";
import { describeDbError, isDbUnavailable } from "./db";
import { problem } from "./guard";
import { faultResponse } from "./http";
import { log } from "./log";
import { requestIdOf } from "./route";

/**
 * Runs a handler of the accounts/import routes with the app's problem shape: the database being
 * unreachable is a 503 (Retry-After), anything else unexpected a logged 500; never a stack trace.
 */
export async function handle(request: Request, run: () => Promise<Response>): Promise<Response> {
  const requestId = requestIdOf(request);
  let response: Response;
  try {
    response = await run();
  } catch (error) {
    const path = new URL(request.url).pathname;
    if (isDbUnavailable(error)) {
      log.error({ path, requestId, status: 503, cause: describeDbError(error), err: error }, "database unavailable");
      response = faultResponse(503, "The database is unavailable; try again shortly.", requestId, {
        "Retry-After": "5",
      });
    } else {
      log.error({ path, requestId, status: 500, err: error }, "unhandled error");
      response = faultResponse(500, "Internal error; it has been logged.", requestId);
    }
  }
  response.headers.set("x-request-id", requestId);
  return response;
}

/** Reading: public unless REQUIRE_SIGN_IN=true; returns the user (or null) or a 401. */
export async function readerOrProblem(request: Request): Promise<{ user: SessionUser | null } | Response> {
  const user = await getSessionUser(request.headers);
  if (!user && getEnv().REQUIRE_SIGN_IN) return problem(401, "Sign in first");
  return { user };
}
