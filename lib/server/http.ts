import "server-only";
import { createHash } from "node:crypto";
import type { QueryProblem } from "@/lib/market/query/filters";
import { LruCache } from "./cache";
import { describeDbError } from "./db";

/** A 4xx with a message that names the parameter. */
export function problemResponse(status: number, problem: QueryProblem): Response {
  return Response.json({ error: { message: problem.message, param: problem.param } }, { status });
}

/** A database failure as a 503 with one line, never a stack trace. */
export function unavailableResponse(error: unknown): Response {
  return Response.json({ error: { message: describeDbError(error) } }, { status: 503 });
}

export function etagFor(parts: string): string {
  return `"${createHash("sha1").update(parts).digest("base64url")}"`;
}

/**
 * Dataset versions never change: an answer for a pinned dataset is immutable; an unpinned one may
 * move to a newer version, so it is cached briefly.
 */
export function cacheHeaders(etag: string, pinned: boolean): Record<string, string> {
  return {
    ETag: etag,
    "Cache-Control": pinned ? "public, max-age=31536000, immutable" : "public, max-age=60, stale-while-revalidate=300",
  };
}

export function notModified(request: Request, etag: string): boolean {
  const header = request.headers.get("if-none-match");
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
