import "server-only";
import { randomUUID } from "node:crypto";
import { describeDbError, isDbUnavailable } from "./db";
import { faultResponse, HttpProblem, problemResponse } from "./http";
import { log } from "./log";
import { apiSignInGate } from "./sign-in-gate";

/**
 * The one wrapper for route handlers. It gives every request an id (an incoming `x-request-id` of
 * safe characters, else a new UUID), echoes it in the `x-request-id` header, and turns what the
 * handler throws into the one problem shape:
 *   HttpProblem        → its status, `{error: {param, message}}` (logged at info);
 *   database unreachable / timed out → 503 + Retry-After, cause logged (with host and port);
 *   anything else (a bug) → 500, logged with its stack — never reported as a database error.
 * 5xx bodies carry `requestId`, the same id as the log line. The id normally comes from the server
 * in front of Next (scripts/front-server.mjs), which gives every request one before Next sees it.
 */
export interface RouteContext {
  requestId: string;
}

type Handler<P> = (request: Request, context: RouteContext & { params: P }) => Promise<Response> | Response;

const SAFE_ID = /^[A-Za-z0-9._-]{8,64}$/;

export function requestIdOf(request: Request): string {
  const incoming = request.headers.get("x-request-id");
  return incoming && SAFE_ID.test(incoming) ? incoming : randomUUID();
}

export function route<P = Record<string, never>>(name: string, handler: Handler<P>) {
  return async (request: Request, nextContext?: { params?: Promise<P> }): Promise<Response> => {
    const requestId = requestIdOf(request);
    const started = performance.now();
    let response: Response;
    try {
      // REQUIRE_SIGN_IN: refused here, before the handler reads anything (the API is not behind proxy.ts).
      const gate = await apiSignInGate(request);
      if (gate) response = gate;
      else {
        const params = ((await nextContext?.params) ?? {}) as P;
        response = await handler(request, { requestId, params });
      }
    } catch (error) {
      response = answerError(name, request, requestId, error, started);
    }
    response.headers.set("x-request-id", requestId);
    return response;
  };
}

function answerError(name: string, request: Request, requestId: string, error: unknown, started: number): Response {
  const ms = Math.round(performance.now() - started);
  const where = { route: name, method: request.method, path: safePath(request.url), requestId, ms };
  if (error instanceof HttpProblem) {
    const { status, param, message, headers } = error;
    if (param === null) {
      log.warn({ ...where, status }, message);
      return faultResponse(status, message, requestId, headers);
    }
    log.info({ ...where, status, param }, message);
    return problemResponse(status, { param, message }, headers);
  }
  if (isDbUnavailable(error)) {
    log.error({ ...where, status: 503, cause: describeDbError(error), err: error }, "database unavailable");
    return faultResponse(503, "The database is unavailable; try again shortly.", requestId, { "Retry-After": "5" });
  }
  log.error({ ...where, status: 500, err: error }, "unhandled error");
  return faultResponse(500, "Internal error; it has been logged.", requestId);
}

function safePath(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return "(unparseable)";
  }
}

/**
 * The body as UTF-8 text, or null as soon as more than `limit` bytes are declared or have arrived:
 * the stream is then cancelled, so an oversized body is never held in memory.
 */
export async function readTextCapped(request: Request, limit: number): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? "0") > limit) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(concat(chunks, size));
}

/** The most a request body may hold: the largest legal forecast request is ~0.8 MB of JSON. */
export const BODY_LIMIT_BYTES = 1_000_000;

/**
 * Reads a JSON body: 415 unless Content-Type is JSON, 413 as soon as more than `limit` bytes have
 * arrived (or Content-Length says so, before reading anything), 400 for malformed JSON. The stream
 * is cancelled on refusal, so an oversized body is never held in memory.
 */
export async function readJsonBody(request: Request, limit = BODY_LIMIT_BYTES): Promise<unknown> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json" && !/^application\/[a-z0-9.+-]+\+json$/.test(type))
    throw new HttpProblem(
      415,
      "content-type",
      `Content-Type must be application/json (got ${type ? `"${type.slice(0, 60)}"` : "none"})`,
    );
  const tooLarge = () => new HttpProblem(413, "body", `body: larger than the limit of ${limit} bytes`);
  if (Number(request.headers.get("content-length") ?? "0") > limit) throw tooLarge();
  if (!request.body) throw new HttpProblem(400, "body", "body: missing");
  const text = await readTextCapped(request, limit);
  if (text === null) throw tooLarge();
  if (!text.trim()) throw new HttpProblem(400, "body", "body: empty; expected JSON");
  if (nestingDepth(text) > MAX_JSON_DEPTH)
    throw new HttpProblem(400, "body", `body: nested deeper than ${MAX_JSON_DEPTH} levels`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpProblem(400, "body", "body: invalid JSON");
  }
}

/** No route's JSON nests deeper than a few levels; validators and workers recurse, so refuse it early. */
export const MAX_JSON_DEPTH = 32;

/** The deepest nesting of arrays and objects in a JSON text (brackets inside strings do not count). */
export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) max = Math.max(max, ++depth);
    else if (c === 93 || c === 125) depth--;
  }
  return max;
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
