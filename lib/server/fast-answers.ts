import "server-only";
import { gzipSync } from "node:zlib";
import { LruCache } from "./cache";
import { etagMatches } from "./http";
import { databaseAnsweredRecently } from "./db-probe";
import { datasetNow, versionsChecked } from "./queries";
import { parseSeriesQuery } from "@/lib/market/query/filters";
import { canonicalQueryKey } from "@/lib/market/query/key";

/**
 * Public API answers the front server (scripts/front-server.mjs) may send again without entering
 * Next, for the exact URL they were made for. An answer is served from here only while it is still
 * the answer: the version its query resolves to right now is the one it was made from, found
 * intact (`datasetNow`). A pinned version is final (a pinned answer carries nothing an activation
 * changes), so that is known at once. An unpinned answer waits for the activation log's check
 * (`versionsChecked`: one shared round trip), so an activation made by any instance is seen by the
 * next request; while the database does not answer, it goes to Next. Otherwise the request goes
 * through Next as usual, which makes and publishes a new one. Only answers of routes that check nothing per request (no session, no limit) are
 * published, and none while REQUIRE_SIGN_IN is on. The front server adds the API's security
 * headers, the request id and the access log line, as for every answer.
 */
interface Entry {
  /** The id of the version it was made from. */
  version: string;
  /** The pinned dataset id of the query, if any. */
  pinned: string | undefined;
  etag: string;
  headers: Record<string, string>;
  body: Buffer;
  gzip?: Buffer;
}

export interface FastAnswer {
  status: 200 | 304;
  headers: Record<string, string>;
  body: Buffer | null;
}

/** The Vary Next sends with a route handler's answer (its 304 leaves out Accept-Encoding). */
const NEXT_VARY = "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch";

/** Next compresses answers of 1 KB and more (its compression middleware's threshold); so do these. */
const GZIP_MIN_BYTES = 1_024;

const g = globalThis as unknown as {
  __marketFastAnswers?: LruCache<Entry>;
  __marketFastAnswer?: typeof fastAnswer;
};
const entries = (g.__marketFastAnswers ??= new LruCache<Entry>(1_000));
/** Series URLs as sent → their canonical form (the key of their answer). */
const canonicalUrls = new LruCache<string>(1_000);

/** The one path whose query has a canonical key (lib/market/query/key); other paths keep their query as sent. */
const SERIES_PATH = "/api/v1/series";

/**
 * Path and query of a request URL (a full URL, or the front server's `req.url`): the key an answer
 * is kept under. A series query is keyed by its canonical key, so equivalent URLs (members in
 * another order, defaults spelled out) share one answer; one the route would refuse keeps its URL.
 */
export function fastKey(url: string): string {
  const u = new URL(url, "http://x");
  const sent = u.pathname + u.search;
  if (u.pathname !== SERIES_PATH) return sent;
  // Parsing costs tens of microseconds; a URL seen before costs a lookup.
  const known = canonicalUrls.get(sent);
  if (known !== undefined) return known;
  const parsed = parseSeriesQuery(u.searchParams);
  const key = parsed.ok ? `${u.pathname}?${canonicalQueryKey(parsed.value)}` : sent;
  canonicalUrls.set(sent, key);
  return key;
}

export function publishAnswer(
  url: string,
  a: { version: string; pinned: string | undefined; etag: string; headers: Record<string, string>; body: string },
): void {
  const key = fastKey(url);
  const known = entries.get(key);
  if (known && known.version === a.version && known.etag === a.etag) return;
  entries.set(key, { ...a, body: Buffer.from(a.body) });
}

/** The answer from memory, null when there is none that is still the answer, or a promise of either. */
export function fastAnswer(
  url: string,
  ifNoneMatch?: string,
  acceptEncoding?: string,
): FastAnswer | null | Promise<FastAnswer | null> {
  const e = entries.get(fastKey(url));
  if (!e) return null;
  if (e.pinned !== undefined) return datasetNow(e.pinned) === e.version ? send(e, ifNoneMatch, acceptEncoding) : null;
  if (!databaseAnsweredRecently()) return null;
  return versionsChecked().then((ok) =>
    ok && datasetNow() === e.version ? send(e, ifNoneMatch, acceptEncoding) : null,
  );
}

function send(e: Entry, ifNoneMatch?: string, acceptEncoding?: string): FastAnswer {
  if (etagMatches(ifNoneMatch, e.etag)) return { status: 304, headers: pick304(e.headers), body: null };
  const headers: Record<string, string> = { ...e.headers, Vary: `${NEXT_VARY}, Accept-Encoding` };
  if (e.body.length >= GZIP_MIN_BYTES && acceptsGzip(acceptEncoding)) {
    e.gzip ??= gzipSync(e.body);
    return { status: 200, headers: { ...headers, "Content-Encoding": "gzip" }, body: e.gzip };
  }
  return { status: 200, headers, body: e.body };
}

/** gzip (or *) listed without q=0. */
function acceptsGzip(header: string | undefined): boolean {
  return (header ?? "").split(",").some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return (coding.trim() === "gzip" || coding.trim() === "*") && !(q && Number(q.slice(2)) === 0);
  });
}

/** A 304 carries the validators and caching headers, not the body's type or disposition. */
function pick304(headers: Record<string, string>): Record<string, string> {
  return { ETag: headers.ETag, "Cache-Control": headers["Cache-Control"], Vary: NEXT_VARY };
}

g.__marketFastAnswer = fastAnswer;
