import "server-only";
import { randomUUID } from "node:crypto";
import { constants, crc32, deflateRawSync } from "node:zlib";
import { LruCache } from "./cache";
import { databaseAnsweredRecently } from "./db-probe";
import { getEnv } from "./env";
import { datasetListNow, datasetNow, versionsChecked } from "./queries";

/**
 * Rendered pages the front server (scripts/front-server.mjs) may send again without rendering:
 * the overview's HTML for one URL is the same for every reader who is not signed in, for as long as
 * the versions it was made from are the ones in use. The first anonymous request renders through
 * Next as usual; the page offers its render (`offerPage`, with the request id), the front server
 * hands over the bytes it sent (`store`), and the next requests get them from memory (`serve`).
 *
 * The CSP stays per request: the render's nonce is cut out of the HTML (and out of the CSP and
 * Link headers), and every copy sent gets a fresh one in its place. The HTML is kept as raw deflate
 * pieces between the nonce's places, so a gzip answer is those pieces with the new nonce's
 * (compressed alone) in between, a fresh CRC and length: no page is compressed per request.
 *
 * A copy is served only when all of this holds, else the request renders as before:
 *   - a plain GET of a cached path (no RSC or router-state headers, no server action, no body);
 *   - no session cookie (a signed-in reader's header differs), and sign-in is not required;
 *   - the list of versions is unchanged since the render, as of the activation log when the request
 *     came (`versionsChecked`: one shared round trip, so an activation made by any instance is seen
 *     by the next request), and the version the URL resolves to is the one rendered, checked intact
 *     (`datasetNow`), as for the API's reused answers;
 *   - the database answered its last probe (during an outage the proxy's 503 applies as before).
 * A render is kept only if it answered 200 with no Set-Cookie and no Content-Encoding of its own.
 */

/** Paths whose render depends only on the URL and the data (not on the reader). */
const CACHED_PATHS = new Set(["/"]);
const ROUTER_HEADERS = [
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-action",
];
/** Headers of the render that belong to its one answer. */
const PER_ANSWER = new Set(["x-request-id", "date", "connection", "keep-alive", "transfer-encoding", "content-length"]);
const NONCE_IN_CSP = /'nonce-([A-Za-z0-9+/=_-]{16,})'/;

interface Offer {
  token: string;
}

/** The list of versions held when a request that may be kept came in (see offerPage). */
interface Start {
  list: string | null;
}

interface Page {
  token: string;
  /** Header values with the render's nonce still in them. */
  headers: Record<string, string>;
  nonce: string;
  /** The HTML between the nonce's places (one more than the places). */
  parts: Buffer[];
  /** Each part as raw deflate, sync-flushed (byte-aligned, not final). */
  deflated: Buffer[];
}

export interface PageAnswer {
  status: 200;
  headers: Record<string, string>;
  body: Buffer;
}

type HeaderBag = Record<string, string | string[] | undefined>;

const g = globalThis as unknown as {
  __marketFastPagesCache?: LruCache<Page>;
  __marketFastPageOffers?: LruCache<Offer>;
  __marketFastPageStarts?: LruCache<Start>;
  __marketFastPages?: typeof fastPages;
};
const pages = (g.__marketFastPagesCache ??= new LruCache<Page>(64));
const offers = (g.__marketFastPageOffers ??= new LruCache<Offer>(256));
const starts = (g.__marketFastPageStarts ??= new LruCache<Start>(256));

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(", ") : v);

/** The cache key of a request, or null when its answer may depend on more than the URL. */
export function pageKey(method: string | undefined, url: string, headers: HeaderBag): string | null {
  if (method !== "GET") return null;
  const q = url.indexOf("?");
  if (!CACHED_PATHS.has(q === -1 ? url : url.slice(0, q))) return null;
  if (ROUTER_HEADERS.some((h) => headers[h] !== undefined)) return null;
  if (/better-auth/i.test(one(headers.cookie) ?? "")) return null;
  if (getEnv().REQUIRE_SIGN_IN) return null;
  // The proxy's headers depend on the scheme, the link preview's URLs on the host. (No line breaks
  // in a request line or header value: the URL is the key's first line.)
  return [url, one(headers["x-forwarded-proto"]), one(headers["x-forwarded-host"]), one(headers.host)].join("\n");
}

/** What the rendered page is made from: the list of versions and the version the URL resolves to. */
function tokenNow(pinned: string | undefined): string | null {
  const version = datasetNow(pinned);
  const list = datasetListNow();
  return version && list ? `${version}#${list}` : null;
}

/**
 * Called by a page that may be reused (see above) once its data is read, with the version its URL
 * pins (if any): the render of this request may be kept for the request's URL, for the versions in
 * use now. Only if the list held is the one held when the request came in: a list read again
 * meanwhile (an activation during the render) may have given the render's parts (the header, the
 * page) different lists. Pages not offered are never kept.
 */
export function offerPage(requestId: string | null, pinned: string | undefined): void {
  const start = requestId ? starts.get(requestId) : undefined;
  if (requestId) starts.delete(requestId);
  const token = tokenNow(pinned);
  if (requestId && token && start && start.list === datasetListNow()) offers.set(requestId, { token });
}

/**
 * A copy of the page kept for `key` while it is still the page, else null; once the log is checked.
 * Notes the list held as the request comes in, for its render's offer.
 */
function serve(key: string, acceptEncoding?: string, requestId?: string): Promise<PageAnswer | null> | null {
  if (requestId) starts.set(requestId, { list: datasetListNow() });
  const page = pages.get(key);
  if (!page || !databaseAnsweredRecently()) return null;
  const url = key.slice(0, key.indexOf("\n"));
  const q = url.indexOf("?");
  const pinned = q === -1 ? undefined : (new URLSearchParams(url.slice(q + 1)).get("dataset") ?? undefined);
  return versionsChecked().then((ok) => {
    if (!ok || tokenNow(pinned) !== page.token) return null;
    if (requestId) starts.delete(requestId);
    return copy(page, acceptEncoding);
  });
}

function copy(page: Page, acceptEncoding?: string): PageAnswer {
  const nonce = Buffer.from(randomUUID()).toString("base64");
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(page.headers)) headers[k] = v.replaceAll(page.nonce, nonce);
  if (acceptsGzip(acceptEncoding)) {
    headers["Content-Encoding"] = "gzip";
    return { status: 200, headers, body: gzipWithNonce(page, nonce) };
  }
  const n = Buffer.from(nonce);
  return { status: 200, headers, body: Buffer.concat(page.parts.flatMap((p, i) => (i > 0 ? [n, p] : [p]))) };
}

/** The render the front server sent for `requestId`, kept if the page offered it and it qualifies. */
function store(requestId: string, key: string, status: number, headers: HeaderBag, body: Buffer): void {
  const offer = offers.get(requestId);
  offers.delete(requestId);
  if (!offer || status !== 200) return;
  if (headers["set-cookie"] !== undefined || headers["content-encoding"] !== undefined) return;
  const nonce = NONCE_IN_CSP.exec(one(headers["content-security-policy"]) ?? "")?.[1];
  if (!nonce) return;
  const kept: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    const value = one(v);
    if (value !== undefined && !PER_ANSWER.has(k.toLowerCase())) kept[k] = value;
  }
  const parts = splitBuffer(body, Buffer.from(nonce));
  pages.set(key, {
    token: offer.token,
    headers: kept,
    nonce,
    parts,
    deflated: parts.map((p) => deflateRawSync(p, { finishFlush: constants.Z_SYNC_FLUSH })),
  });
}

function forget(requestId: string): void {
  offers.delete(requestId);
  starts.delete(requestId);
}

function splitBuffer(body: Buffer, sep: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(sep); at !== -1; at = body.indexOf(sep, from)) {
    parts.push(body.subarray(from, at));
    from = at + sep.length;
  }
  parts.push(body.subarray(from));
  return parts;
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
/** An empty final stored block: ends a deflate stream made of sync-flushed pieces. */
const FINAL_BLOCK = Buffer.from([1, 0, 0, 0xff, 0xff]);

/** gzip of the page with `nonce` in its places: the stored pieces, the nonce's own, a fresh trailer. */
export function gzipWithNonce(page: Pick<Page, "parts" | "deflated">, nonce: string): Buffer {
  const n = Buffer.from(nonce);
  const deflatedNonce = deflateRawSync(n, { finishFlush: constants.Z_SYNC_FLUSH });
  const chunks: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let length = 0;
  page.parts.forEach((part, i) => {
    if (i > 0) {
      chunks.push(deflatedNonce);
      crc = crc32(n, crc);
      length += n.length;
    }
    chunks.push(page.deflated[i]);
    // (zlib.crc32 of an empty buffer may answer 0 instead of the running value.)
    if (part.length > 0) crc = crc32(part, crc);
    length += part.length;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length % 2 ** 32, 4);
  chunks.push(FINAL_BLOCK, trailer);
  return Buffer.concat(chunks);
}

/** gzip (or *) listed without q=0. */
function acceptsGzip(header: string | undefined): boolean {
  return (header ?? "").split(",").some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return (coding.trim() === "gzip" || coding.trim() === "*") && !(q && Number(q.slice(2)) === 0);
  });
}

const fastPages = { key: pageKey, serve, store, forget };
g.__marketFastPages = fastPages;
