/**
 * The front server sending a published API answer again without entering Next
 * (scripts/front-server.mjs `cachedAnswer`, lib/server/fast-answers.ts), over real HTTP with a
 * stand-in for Next that publishes what it answers, as the series route does. What a client sees
 * must not change: same body and headers (security headers, request id, ETag, caching), 304 on
 * If-None-Match, gzip when accepted, an access-log line; and an answer is reused only while the
 * version it was made from is still the one its query resolves to, as of the activation log when
 * the request came.
 */
import { gunzipSync } from "node:zlib";
import type { AddressInfo } from "node:net";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clientAddressFrom, parseTrustedProxies, SOCKET_ADDRESS_HEADER } from "@/lib/server/proxy-trust";
import { API_CSP, malformedPath, OUTAGE_PAGE, outageHeaders, securityHeaders } from "@/lib/server/security-headers";
// @ts-expect-error: plain ES module without types
import { createFrontServer } from "@/scripts/front-server.mjs";

// The state queries.ts and integrity.ts keep on globalThis: the list of versions held, read at the
// activation log's mark `mark`, v1 active and checked intact; and, there being no database here,
// where the log's mark is read from (a failed read is a database that does not answer). Set before
// those modules load (they adopt what is there).
type Version = { id: string; status: "active" | "superseded" };
type Mark = number;
const g = globalThis as unknown as {
  __versionList?: { mark: Mark; list: Version[]; token: string };
  __activationLogMark?: () => Promise<Mark>;
  __integrity?: unknown;
};
// No database here: the outage probe (lib/server/db-probe.ts) must not try the one a CI run names.
const databaseUrl = process.env.DATABASE_URL;
delete process.env.DATABASE_URL;
let mark = 0;
let marksRead = 0;
let logAnswers = true;
let logLatencyMs = 2;
g.__activationLogMark = async () => {
  marksRead++;
  await new Promise((r) => setTimeout(r, logLatencyMs));
  if (!logAnswers) throw new Error("the database does not answer");
  return mark;
};
/** The list as this process would hold it after reading it at a new mark (an activation). */
function holdList(list: Version[]) {
  mark++;
  g.__versionList = { mark, list, token: "" };
}
const checks = new Map([
  ["v1", { id: "v1", sealed: true, intact: true }],
  ["v2", { id: "v2", sealed: true, intact: true }],
]);
g.__integrity = { results: new Map(), done: checks, queue: Promise.resolve() };

let fast: typeof import("@/lib/server/fast-answers");
let handled = 0;
const logged: Record<string, unknown>[] = [];
const log = { info: (o: Record<string, unknown>) => logged.push(o), error: () => undefined };
const BODY = JSON.stringify({ series: Array.from({ length: 200 }, (_, i) => ({ year: 2000 + i, value: i })) });

/** Stands in for Next and the series route: answers, and publishes the answer of the version it names. */
function handle(req: IncomingMessage, res: ServerResponse) {
  handled++;
  const pinned = new URL(`http://x${req.url}`).searchParams.get("dataset") ?? undefined;
  const active = pinned ? { id: pinned } : g.__versionList!.list.find((v) => v.status === "active")!;
  const headers = {
    ETag: `"etag-${active.id}"`,
    "Cache-Control": pinned ? "public, max-age=31536000, immutable" : "public, no-cache",
    "Content-Type": "application/json",
  };
  fast.publishAnswer(`http://127.0.0.1${req.url}`, {
    version: active.id,
    pinned,
    etag: headers.ETag,
    headers,
    body: BODY,
  });
  // What next.config.js headers() adds to every API answer.
  res.writeHead(200, {
    ...headers,
    ...securityHeaders({ https: false }),
    "Content-Security-Policy": API_CSP,
    Vary: "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding",
  });
  res.end(BODY);
}

let server: Server;
let base: string;
beforeAll(async () => {
  fast = await import("@/lib/server/fast-answers");
  const trust = parseTrustedProxies(undefined);
  server = createFrontServer({
    handle,
    log,
    socketHeader: SOCKET_ADDRESS_HEADER,
    clientAddress: (h: Headers) => clientAddressFrom(h, trust),
    apiHeaders: (https: boolean) => ({ ...securityHeaders({ https }), "Content-Security-Policy": API_CSP }),
    malformedPath,
    outage: { html: OUTAGE_PAGE, headers: outageHeaders },
    cachedAnswer: fast.fastAnswer,
  }) as Server;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  if (databaseUrl !== undefined) process.env.DATABASE_URL = databaseUrl;
});
beforeEach(() => {
  logAnswers = true;
  logLatencyMs = 2;
  holdList([
    { id: "v1", status: "active" },
    { id: "v2", status: "superseded" },
  ]);
});

const API_HEADERS = ["content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy"];

describe("front server: published API answers", () => {
  it("a repeat is answered without Next, with the same body and headers, a request id and a log line", async () => {
    const url = `${base}/api/v1/series?by=sector&n=1`;
    const first = await fetch(url, { headers: { "accept-encoding": "identity" } });
    const firstBody = await first.text();
    const count = handled;
    const again = await fetch(url, { headers: { "accept-encoding": "identity" } });
    expect(handled, "the repeat did not reach Next").toBe(count);
    expect(await again.text()).toBe(firstBody);
    for (const h of [...API_HEADERS, "etag", "cache-control", "content-type", "vary"])
      expect(again.headers.get(h), h).toBe(first.headers.get(h));
    expect(again.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(again.headers.get("x-request-id")).not.toBe(first.headers.get("x-request-id"));
    await new Promise((r) => setTimeout(r, 20));
    expect(logged.at(-1)).toMatchObject({
      requestId: again.headers.get("x-request-id"),
      path: "/api/v1/series",
      status: 200,
    });
  });

  it("If-None-Match gets a 304 without a body; gzip is sent when accepted and decodes to the same bytes", async () => {
    const url = `${base}/api/v1/series?by=sector&n=2`;
    const etag = (await fetch(url)).headers.get("etag")!;
    const count = handled;
    const cond = await fetch(url, { headers: { "if-none-match": etag } });
    expect(cond.status).toBe(304);
    expect(cond.headers.get("etag")).toBe(etag);
    expect(cond.headers.get("content-security-policy")).toBe(API_CSP);
    expect(await cond.text()).toBe("");
    const zipped = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
      import("node:http").then(({ get }) =>
        get(url, { headers: { "accept-encoding": "gzip" } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () =>
            resolve({ encoding: res.headers["content-encoding"] as string, body: Buffer.concat(chunks) }),
          );
        }).on("error", reject),
      );
    });
    expect(zipped.encoding).toBe("gzip");
    expect(gunzipSync(zipped.body).toString()).toBe(BODY);
    expect(handled).toBe(count);
  });

  it("after an activation, with the log unreadable or after a failed content check, the request goes to Next again", async () => {
    const url = `${base}/api/v1/series?by=sector&n=3`;
    await fetch(url);
    const count = handled;
    holdList([
      { id: "v1", status: "superseded" },
      { id: "v2", status: "active" },
    ]);
    expect((await fetch(url)).headers.get("etag")).toBe('"etag-v2"');
    expect(handled).toBe(count + 1);
    logAnswers = false;
    await fetch(url);
    expect(handled, "a list that cannot be checked against the log is not trusted").toBe(count + 2);
    logAnswers = true;
    checks.set("v2", { id: "v2", sealed: true, intact: false });
    await fetch(url);
    expect(handled, "a tampered version is not served from memory").toBe(count + 3);
    checks.set("v2", { id: "v2", sealed: true, intact: true });
  });

  it("a burst of requests shares the activation log's questions", async () => {
    const url = `${base}/api/v1/series?by=sector&n=6`;
    await fetch(url);
    const count = handled;
    const asked = marksRead;
    // A slow answer: requests that come while a question is out wait for the next one, together.
    logLatencyMs = 100;
    const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(url).then((r) => r.text())));
    expect(answers.every((a) => a === BODY)).toBe(true);
    expect(handled, "all from memory").toBe(count);
    expect(marksRead - asked, "a question per 100 ms of arrivals, not one per request").toBeLessThanOrEqual(4);
    expect(marksRead - asked).toBeGreaterThanOrEqual(1);
  });

  it("an answer pinned to a version is reused without asking the log: a version never changes", async () => {
    const url = `${base}/api/v1/series?by=sector&dataset=v2`;
    const first = await fetch(url);
    expect(first.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const count = handled;
    const asked = marksRead;
    logAnswers = false;
    const again = await fetch(url);
    expect(again.status).toBe(200);
    expect(await again.text()).toBe(BODY);
    expect(handled, "from memory while the database does not answer").toBe(count);
    expect(marksRead).toBe(asked);
  });

  it("keeps the connection open after an answer from memory", async () => {
    const http = await import("node:http");
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const url = `${base}/api/v1/series?by=sector&n=5`;
    const get = () =>
      new Promise<boolean>((resolve, reject) => {
        const req = http.get(url, { agent }, (res) => {
          res.resume();
          res.on("end", () => resolve(req.reusedSocket));
        });
        req.on("error", reject);
      });
    await get(); // through Next: publishes
    const count = handled;
    await get(); // from memory
    expect(await get(), "the third request reused the connection of the second").toBe(true);
    expect(handled).toBe(count);
    agent.destroy();
  });

  it("only GET: HEAD, POST and pages always reach Next", async () => {
    const url = `${base}/api/v1/series?by=sector&n=4`;
    await fetch(url);
    const count = handled;
    await fetch(url, { method: "HEAD" });
    await fetch(url, { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    expect(handled).toBe(count + 2);
  });
});
