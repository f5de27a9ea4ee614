import "server-only";
import { createHash } from "node:crypto";
import { LruCache } from "./cache";

/**
 * The one problem shape of every route: `{ error: { param, message } }`. `param` names the query
 * parameter or body field at fault (dotted path, e.g. "series.0.values"); it is null only for
 * server-side faults (5xx), whose body then carries the `requestId` found in the logs.
 */
export interface Problem {
  param: string;
  message: string;
}

export interface ProblemBody {
  error: { param: string | null; message: string; requestId?: string };
}

/** A client mistake or refusal, thrown anywhere below a route wrapper and answered as-is. */
export class HttpProblem extends Error {
  override name = "HttpProblem";
  constructor(
    readonly status: number,
    /** The parameter or field at fault; null for refusals that are nobody's field (a full queue). */
    readonly param: string | null,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** A 4xx with a message that names the parameter. */
export function problemResponse(status: number, problem: Problem, headers: Record<string, string> = {}): Response {
  const body: ProblemBody = { error: { param: problem.param, message: problem.message } };
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/** A server-side fault: a plain sentence (no host, port or stack) and the request id of its log line. */
export function faultResponse(
  status: number,
  message: string,
  requestId: string,
  headers: Record<string, string> = {},
): Response {
  const body: ProblemBody = { error: { param: null, message, requestId } };
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

export function etagFor(parts: string): string {
  return `"${createHash("sha1").update(parts).digest("base64url")}"`;
}

/**
 * Dataset versions never change: an answer for a pinned dataset is immutable; an unpinned one
 * follows the active version, so it is revalidated on every use.
 */
export function cacheHeaders(etag: string, pinned: boolean): Record<string, string> {
  return {
    ETag: etag,
    // Unpinned: revalidate every time (a 304 when the ETag still matches), so an activation or a
    // rollback shows at once instead of after a browser's cached minute.
    "Cache-Control": pinned ? "public, max-age=31536000, immutable" : "public, no-cache",
  };
}

export function notModified(request: Request, etag: string): boolean {
  return etagMatches(request.headers.get("if-none-match"), etag);
}

/** Does an If-None-Match header name this ETag (weakly or strongly)? */
export function etagMatches(header: string | null | undefined, etag: string): boolean {
  return !!header && header.split(",").some((t) => t.trim() === etag || t.trim() === `W/${etag}`);
}

const bodies = new LruCache<string>(1_000);

/**
 * Serialised answers by ETag: the same (dataset version, query) always gives the same bytes, so
 * a repeated request skips the serialisation.
 */
export function cachedBody(etag: string, make: () => string): string {
  let body = bodies.get(etag);
  if (body === undefined) {
    body = make();
    bodies.set(etag, body);
  }
  return body;
}
