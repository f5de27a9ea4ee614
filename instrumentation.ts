import type { Instrumentation } from "next";

/**
 * At server start (not during the build), every stored version's checksum is verified in the
 * background, one at a time, so neither the first page nor a health check pays for hashing.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { verifyInBackground } = await import("@/lib/server/integrity");
  setTimeout(() => void verifyInBackground(), 2_000).unref();
}

/**
 * Errors Next captures while rendering a page, running a route or the proxy go to the app's log
 * (pino, one JSON line) with the request id the front server gave the request, instead of a
 * plain-text stack (scripts/server.mjs starts Next quiet). Route handlers wrapped by route.ts
 * answer their own errors and log them there; this catches the rest.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { log } = await import("@/lib/server/log");
  const id = request.headers["x-request-id"];
  const digest = typeof error === "object" && error !== null && "digest" in error ? String(error.digest) : undefined;
  log.error(
    {
      requestId: Array.isArray(id) ? id[0] : id,
      method: request.method,
      path: request.path.slice(0, 500),
      route: context.routePath,
      kind: context.routeType,
      digest,
      err: error,
    },
    "request error",
  );
};
