// The HTTP server in front of Next's request handler (used by scripts/server.mjs; tested on its own
// in tests/http/front-server.test.ts). What it does to every request before Next sees it, and why:
//   - the socket peer's address goes into SOCKET_ADDRESS_HEADER, replacing whatever a client sent
//     under that name: Next keeps an incoming X-Forwarded-For as it is, so only this header tells
//     the app who is really connected (lib/server/proxy-trust.ts reads it);
//   - a request id (a safe incoming `x-request-id`, else a new UUID) is set on the request and the
//     answer, so route handlers, page errors and the access log share it;
//   - methods Next does not route (TRACE, CONNECT, ...) get a 405 problem body, and an API 405 that
//     Next answers with an empty body gets one too;
//   - a declared body larger than any route accepts is refused at once (413), and a connection whose
//     request body is not complete when its answer is sent is closed, so a stalled upload holds
//     nothing once it has been refused;
//   - a page that has sent no headers after `pageDeadlineMs` (a database that hangs) gets the 503
//     outage page with Retry-After instead of a spinner for 15 s;
//   - an API GET whose answer the app has published for reuse (`cachedAnswer`: public, immutable per
//     dataset version, still current) is sent from memory, with the same headers, without entering
//     Next's router (lib/server/fast-answers.ts says when an answer is reused; it may first have to
//     ask the database whether the answer is still current, so it may answer with a promise);
//   - likewise a page the app has published for reuse (`pages`: the overview for readers not signed
//     in, per URL and dataset version) is sent from memory with a fresh CSP nonce; a request that
//     may be cached but is not yet renders through Next uncompressed, and the bytes sent are handed
//     to `pages.store` (lib/server/fast-pages.ts says what is kept and when a copy is reused);
//   - one JSON access-log line per request: id, method, path, status, duration, client address.
import { randomUUID } from "node:crypto";
import http from "node:http";

const SAFE_ID = /^[A-Za-z0-9._-]{8,64}$/;
const ROUTED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** Timeouts of the listening server: headers within 10 s, a whole request (body included) within 20 s. */
export const SERVER_TIMEOUTS = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 20_000,
  keepAliveTimeoutMs: 5_000,
  // How often Node checks the two above (its default, 30 s, would let a stalled body live 50 s).
  checkIntervalMs: 1_000,
};

/** @typedef {{ status: number, headers: Record<string, string>, body: Buffer | null }} Hit */

/**
 * @param {object} o
 * @param {(req: http.IncomingMessage, res: http.ServerResponse) => unknown} o.handle Next's request handler
 * @param {{ info: Function, error: Function }} o.log pino logger (access log)
 * @param {string} o.socketHeader the header that carries the socket peer's address
 * @param {(headers: Headers) => string} o.clientAddress the client under TRUSTED_PROXIES
 * @param {{ html: string, headers: (https: boolean) => Record<string, string> }} o.outage the 503 page
 * @param {(https: boolean) => Record<string, string>} o.apiHeaders security headers of API answers
 * @param {(path: string) => boolean} o.malformedPath
 * @param {(url: string, ifNoneMatch?: string, acceptEncoding?: string) => (Hit | null | Promise<Hit | null>)} [o.cachedAnswer]
 * @param {{ key: (method: string | undefined, url: string, headers: http.IncomingHttpHeaders) => string | null, serve: (key: string, acceptEncoding?: string, requestId?: string) => (Hit | null | Promise<Hit | null>), store: (requestId: string, key: string, status: number, headers: http.OutgoingHttpHeaders, body: Buffer) => void, forget: (requestId: string) => void }} [o.pages]
 * @param {number} [o.pageDeadlineMs]
 * @param {number} [o.maxBodyBytes] the largest body any route accepts
 * @param {Partial<typeof SERVER_TIMEOUTS>} [o.timeouts]
 */
export function createFrontServer(o) {
  const timeouts = { ...SERVER_TIMEOUTS, ...o.timeouts };
  const server = http.createServer({ connectionsCheckingInterval: timeouts.checkIntervalMs }, (req, res) =>
    serve(o, req, res),
  );
  server.headersTimeout = timeouts.headersTimeoutMs;
  server.requestTimeout = timeouts.requestTimeoutMs;
  server.keepAliveTimeout = timeouts.keepAliveTimeoutMs;
  return server;
}

function serve(o, req, res) {
  const started = performance.now();
  const incomingId = req.headers["x-request-id"];
  const requestId = typeof incomingId === "string" && SAFE_ID.test(incomingId) ? incomingId : randomUUID();
  req.headers["x-request-id"] = requestId;
  res.setHeader("x-request-id", requestId);
  delete req.headers[o.socketHeader];
  req.headers[o.socketHeader] = req.socket.remoteAddress ?? "";

  const path = pathOf(req.url);
  const api = path.startsWith("/api/") || path === "/api";
  const https = req.headers["x-forwarded-proto"] === "https";
  const state = { status: null, headers: api ? o.apiHeaders(https) : {} };
  const original = { writeHead: res.writeHead, end: res.end };

  res.on("close", () => {
    clearTimeout(state.deadline);
    const forwarded = req.headers["x-forwarded-for"];
    const headers = new Headers({ [o.socketHeader]: req.headers[o.socketHeader] });
    if (typeof forwarded === "string") headers.set("x-forwarded-for", forwarded);
    o.log.info(
      {
        requestId,
        method: req.method,
        path: path.slice(0, 500),
        status: state.status ?? res.statusCode,
        ms: Math.round((performance.now() - started) * 10) / 10,
        client: o.clientAddress(headers),
        ...(res.writableFinished ? {} : { aborted: true }),
      },
      "request",
    );
  });

  // A request whose body has not fully arrived when its answer goes out (refused before reading it,
  // or cut off) closes its connection: keeping it alive would mean reading the rest of the body.
  // Next answers a method a route does not export with an empty 405; it goes out with a problem
  // body. Next's compression wrapper sends the headers (writeHead) before it ends the response, so
  // both places are covered: headers sent for that 405 announce the body, and the end sends it.
  const methodProblem = () => {
    const allow = res.getHeader("allow");
    return problem("method", `Method ${req.method} is not allowed here${allow ? `; allowed: ${allow}` : ""}`);
  };
  const is405 = () => api && res.statusCode === 405 && state.status === null;
  res.writeHead = function writeHead(...args) {
    if (!req.complete) res.shouldKeepAlive = false;
    if ((typeof args[0] === "number" ? args[0] : res.statusCode) === 405 && is405() && !res.headersSent) {
      state.status = 405;
      state.body405 = methodProblem();
      res.setHeader("Content-Type", "application/json");
      res.setHeader("Content-Length", Buffer.byteLength(state.body405));
      res.setHeader("Cache-Control", "no-store");
    }
    return original.writeHead.apply(this, args);
  };
  if (api) {
    const flushHeaders = res.flushHeaders;
    res.flushHeaders = function () {
      if (!(is405() && !res.headersSent)) flushHeaders.call(this);
    };
    const write = res.write;
    res.write = function (chunk, ...rest) {
      if ((chunk === undefined || chunk?.length === 0) && (is405() || state.body405)) {
        rest.find((f) => typeof f === "function")?.();
        return true;
      }
      return write.call(this, chunk, ...rest);
    };
    res.end = function end(chunk, ...rest) {
      const empty = chunk === undefined || typeof chunk === "function" || chunk?.length === 0;
      if (empty && state.body405 !== undefined)
        return original.end.call(this, req.method === "HEAD" ? undefined : state.body405);
      if (empty && is405() && !res.headersSent) return answer(res, state, original, 405, methodProblem());
      return original.end.call(this, chunk, ...rest);
    };
  }

  if (!ROUTED_METHODS.includes(req.method ?? "")) {
    res.setHeader("Allow", ROUTED_METHODS.join(", "));
    return answer(res, state, original, 405, problem("method", `Method ${req.method} is not allowed`));
  }
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > (o.maxBodyBytes ?? 11_000_000)) {
    res.shouldKeepAlive = false;
    return answer(res, state, original, 413, problem("body", `body: larger than any route accepts`));
  }
  if (api && o.malformedPath(path))
    return answer(res, state, original, 400, problem("path", "path: malformed percent-encoding"));

  // Only a GET without a body: it is complete once its headers are in (req.complete turns true just
  // after this handler runs), so the connection stays open for the next request.
  const bodiless = !req.headers["transfer-encoding"] && declared === 0;
  const isPage = !api && (req.method === "GET" || req.method === "HEAD") && !path.startsWith("/_next/");

  // An answer from memory, sent as it is, unless the page deadline has answered meanwhile.
  const sendHit = (hit) => {
    if (res.headersSent || res.writableEnded) return;
    state.status = hit.status;
    original.writeHead.call(res, hit.status, {
      ...state.headers,
      ...hit.headers,
      ...(hit.body ? { "Content-Length": hit.body.length } : {}),
    });
    original.end.call(res, hit.body ?? undefined);
  };

  // Through Next (capturing a page that may be kept), unless the page deadline has answered meanwhile.
  const toNext = (pageKey) => {
    if (res.headersSent || res.writableEnded) return;
    if (pageKey) capture(o.pages, req, res, state, pageKey, requestId);
    Promise.resolve()
      .then(() => o.handle(req, res))
      .catch((err) => {
        o.log.error({ requestId, err }, "request handler failed");
        if (!res.headersSent) answer(res, state, original, 500, problem(null, "Internal error; it has been logged."));
        else res.destroy();
      });
  };

  // Pages: the deadline runs from here, so it also covers the wait for a copy's check.
  const page = () => {
    if (isPage) {
      const deadlineMs = o.pageDeadlineMs ?? 4_500;
      state.deadline = setTimeout(() => {
        if (res.headersSent || res.writableEnded) return;
        for (const name of res.getHeaderNames()) if (name !== "x-request-id") res.removeHeader(name);
        o.log.error({ requestId, method: req.method, path, deadlineMs }, "page deadline passed: 503");
        answer(res, state, original, 503, o.outage.html, { ...o.outage.headers(https), "Retry-After": "5" });
        silence(res);
      }, deadlineMs);
    }
    const pageKey = !api && bodiless && o.pages ? o.pages.key(req.method, req.url ?? "/", req.headers) : null;
    const hit = pageKey ? o.pages.serve(pageKey, req.headers["accept-encoding"], requestId) : null;
    // The app may have to ask the database whether the copy is still the page (a promise).
    if (isThenable(hit))
      return void hit.then(
        (h) => (h ? sendHit(h) : toNext(pageKey)),
        () => toNext(pageKey),
      );
    if (hit) return sendHit(hit);
    toNext(pageKey);
  };

  const cached =
    api && req.method === "GET" && bodiless && o.cachedAnswer
      ? o.cachedAnswer(req.url ?? "/", req.headers["if-none-match"], req.headers["accept-encoding"])
      : null;
  if (isThenable(cached))
    return void cached.then(
      (hit) => (hit ? sendHit(hit) : page()),
      () => page(),
    );
  if (cached) return sendHit(cached);
  page();
}

function isThenable(x) {
  return !!x && typeof x.then === "function";
}

/**
 * A page that may be reused renders uncompressed (the copy kept is the plain HTML), and what it
 * sends is collected and handed to the app once sent in full; an answer cut off is not.
 */
function capture(pages, req, res, state, key, requestId) {
  delete req.headers["accept-encoding"];
  const chunks = [];
  const keep = (chunk, encoding) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    chunks.push(
      typeof chunk === "string"
        ? Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8")
        : Buffer.from(chunk),
    );
  };
  const write = res.write;
  const end = res.end;
  res.write = function (chunk, encoding, ...rest) {
    keep(chunk, encoding);
    return write.call(this, chunk, encoding, ...rest);
  };
  res.end = function (chunk, encoding, ...rest) {
    keep(chunk, encoding);
    return end.call(this, chunk, encoding, ...rest);
  };
  res.on("close", () => {
    if (res.writableFinished && state.status === null)
      pages.store(requestId, key, res.statusCode, res.getHeaders(), Buffer.concat(chunks));
    else pages.forget(requestId);
  });
}

function answer(res, state, original, status, body, headers = {}) {
  state.status = status;
  const json = !headers["Content-Type"];
  original.writeHead.call(res, status, {
    ...(json ? { ...state.headers, "Content-Type": "application/json", "Cache-Control": "no-store" } : {}),
    ...headers,
    "Content-Length": Buffer.byteLength(body),
  });
  original.end.call(res, res.req?.method === "HEAD" ? undefined : body);
  return res;
}

/** After the deadline answered, whatever the page renderer still writes goes nowhere. */
function silence(res) {
  const self = () => res;
  res.setHeader = self;
  res.appendHeader = self;
  res.removeHeader = () => undefined;
  res.writeHead = self;
  res.flushHeaders = () => undefined;
  res.write = (_chunk, enc, cb) => {
    (typeof enc === "function" ? enc : cb)?.();
    return true;
  };
  res.end = (chunk, enc, cb) => {
    [chunk, enc, cb].find((f) => typeof f === "function")?.();
    return res;
  };
}

function problem(param, message) {
  return JSON.stringify({ error: { param, message } });
}

function pathOf(url) {
  const raw = url ?? "/";
  const q = raw.indexOf("?");
  return q === -1 ? raw : raw.slice(0, q);
}
