/**
 * The front server sending a rendered page again without rendering it (scripts/front-server.mjs
 * `pages`, lib/server/fast-pages.ts), over real HTTP with a stand-in for Next that renders a page
 * with the request's CSP nonce and offers it, as the overview does. What a reader sees must not
 * change: the same HTML and headers, except that every copy carries a nonce of its own (in the CSP,
 * the Link header and every script tag); gzip when accepted; a log line. A copy is reused only for
 * readers without a session cookie, for plain document requests, while the versions it was made
 * from are still the ones in use, as of the activation log when the request came.
 */
import { randomUUID } from "node:crypto";
import { constants, deflateRawSync, gunzipSync } from "node:zlib";
import type { AddressInfo } from "node:net";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clientAddressFrom, parseTrustedProxies, SOCKET_ADDRESS_HEADER } from "@/lib/server/proxy-trust";
import {
  API_CSP,
  contentSecurityPolicy,
  malformedPath,
  OUTAGE_PAGE,
  outageHeaders,
  securityHeaders,
} from "@/lib/server/security-headers";
// @ts-expect-error: plain ES module without types
import { createFrontServer } from "@/scripts/front-server.mjs";

// The embedded database (always answering): the probe is not what these tests are about.
delete process.env.DATABASE_URL;
delete process.env.REQUIRE_SIGN_IN;

// The state queries.ts and integrity.ts keep on globalThis, and the log's mark read without a
// database (see front-server-answers.test.ts).
type Version = { id: string; version: number; status: "active" | "superseded" };
type Mark = number;
const g = globalThis as unknown as {
  __versionList?: { mark: Mark; list: Version[]; token: string };
  __activationLogMark?: () => Promise<Mark>;
  __integrity?: unknown;
};
let mark = 0;
let logAnswers = true;
g.__activationLogMark = async () => {
  if (!logAnswers) throw new Error("the database does not answer");
  return mark;
};
/** The list as this process would hold it after reading it at a new mark (an activation, a new version). */
function holdList(list: Version[]) {
  mark++;
  const token = list.map((d) => `${d.id}:${d.version}:${d.status}`).join(",");
  g.__versionList = { mark, list, token };
}
const V1: Version = { id: "v1", version: 1, status: "active" };
g.__integrity = {
  results: new Map(),
  done: new Map([["v1", { id: "v1", sealed: true, intact: true }]]),
  queue: Promise.resolve(),
};

let pages: typeof import("@/lib/server/fast-pages");
let rendered = 0;
let offer = true;
let setCookie = false;
/** A list read again while the page renders (an activation during the render). */
let listChangesDuringRender = false;
const logged: Record<string, unknown>[] = [];
const log = { info: (o: Record<string, unknown>) => logged.push(o), error: () => undefined };
// Large enough to be worth compressing, with the nonce in several places (as Next's HTML has it).
const PAGE = (nonce: string) =>
  `<!doctype html><html><head><script nonce="${nonce}">document.documentElement.dataset.t=1</script></head><body>` +
  Array.from({ length: 300 }, (_, i) => `<p>Row ${i}: US$ ${(i * 37.5).toFixed(1)} M</p>`).join("") +
  `<script nonce="${nonce}">self.__next_f.push([1,"{\\"nonce\\":\\"${nonce}\\"}"])</script></body></html>`;

/** Stands in for proxy.ts + Next + the overview: a fresh nonce, the page rendered with it, offered. */
function handle(req: IncomingMessage, res: ServerResponse) {
  rendered++;
  const nonce = btoa(randomUUID());
  if (listChangesDuringRender) holdList([{ id: "v3", version: 3, status: "superseded" }, V1]);
  if (offer) pages.offerPage(req.headers["x-request-id"] as string, undefined);
  res.writeHead(200, {
    ...securityHeaders({ https: false }),
    "Content-Security-Policy": contentSecurityPolicy(nonce, { dev: false, https: false }),
    Link: `</_next/static/chunks/a.css>; rel=preload; as="style"; nonce="${nonce}"`,
    "Cache-Control": "private, no-cache, no-store, max-age=0, must-revalidate",
    "Content-Type": "text/html; charset=utf-8",
    Vary: "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding",
    ...(setCookie ? { "Set-Cookie": "x=1" } : {}),
  });
  // Streamed in pieces, as a render is.
  const html = PAGE(nonce);
  res.write(html.slice(0, 1000));
  res.end(html.slice(1000));
}

let server: Server;
let base: string;
beforeAll(async () => {
  pages = await import("@/lib/server/fast-pages");
  const fast = (globalThis as unknown as { __marketFastPages: Record<string, (...a: unknown[]) => unknown> })
    .__marketFastPages;
  const trust = parseTrustedProxies(undefined);
  server = createFrontServer({
    handle,
    log,
    socketHeader: SOCKET_ADDRESS_HEADER,
    clientAddress: (h: Headers) => clientAddressFrom(h, trust),
    apiHeaders: (https: boolean) => ({ ...securityHeaders({ https }), "Content-Security-Policy": API_CSP }),
    malformedPath,
    outage: { html: OUTAGE_PAGE, headers: outageHeaders },
    pages: fast,
  }) as Server;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  logAnswers = true;
  holdList([V1, { id: "v0", version: 0, status: "superseded" }]);
  offer = true;
  setCookie = false;
  listChangesDuringRender = false;
});

const nonceOf = (res: Response) => /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];
const identity = { "accept-encoding": "identity" };

describe("front server: rendered pages reused", () => {
  it("a repeat is not rendered again: same HTML and headers, but a nonce of its own everywhere; a log line", async () => {
    const url = `${base}/?n=1`;
    const first = await fetch(url, { headers: identity });
    const firstHtml = await first.text();
    const count = rendered;
    const again = await fetch(url, { headers: identity });
    const html = await again.text();
    expect(rendered, "the repeat was not rendered").toBe(count);
    const [n1, n2] = [nonceOf(first)!, nonceOf(again)!];
    expect(n2).toMatch(/^[A-Za-z0-9+/=]{40,}$/);
    expect(n2).not.toBe(n1);
    expect(html).toBe(PAGE(n2));
    expect(html.replaceAll(n2, n1)).toBe(firstHtml);
    expect(html).not.toContain(n1);
    expect(again.headers.get("link")).toContain(`nonce="${n2}"`);
    for (const h of ["x-content-type-options", "x-frame-options", "referrer-policy", "permissions-policy"])
      expect(again.headers.get(h), h).toBe(first.headers.get(h));
    expect(again.headers.get("content-security-policy")).toBe(contentSecurityPolicy(n2, { dev: false, https: false }));
    expect(again.headers.get("cache-control")).toBe(first.headers.get("cache-control"));
    expect(again.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(again.headers.get("x-request-id")).not.toBe(first.headers.get("x-request-id"));
    await new Promise((r) => setTimeout(r, 20));
    expect(logged.at(-1)).toMatchObject({ requestId: again.headers.get("x-request-id"), path: "/", status: 200 });
  });

  it("gzip, when accepted, decodes to the page with that answer's nonce", async () => {
    const url = `${base}/?n=2`;
    await (await fetch(url, { headers: identity })).text();
    const count = rendered;
    const zipped = await new Promise<{ encoding?: string; csp?: string; body: Buffer }>((resolve, reject) => {
      import("node:http").then(({ get }) =>
        get(url, { headers: { "accept-encoding": "gzip, deflate" } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () =>
            resolve({
              encoding: res.headers["content-encoding"] as string,
              csp: res.headers["content-security-policy"] as string,
              body: Buffer.concat(chunks),
            }),
          );
        }).on("error", reject),
      );
    });
    expect(rendered).toBe(count);
    expect(zipped.encoding).toBe("gzip");
    const nonce = /'nonce-([^']+)'/.exec(zipped.csp ?? "")![1];
    expect(gunzipSync(zipped.body).toString()).toBe(PAGE(nonce));
    expect(zipped.body.length).toBeLessThan(Buffer.byteLength(PAGE(nonce)) / 3);
  });

  it("a signed-in reader, a router request, a page not offered or one setting a cookie are always rendered", async () => {
    const url = `${base}/?n=3`;
    await (await fetch(url, { headers: identity })).text();
    let count = rendered;
    await (await fetch(url, { headers: { ...identity, cookie: "better-auth.session_token=abc" } })).text();
    await (await fetch(url, { headers: { ...identity, rsc: "1" } })).text();
    await (await fetch(`${base}/explore`, { headers: identity })).text();
    await (await fetch(`${base}/explore`, { headers: identity })).text();
    expect(rendered - count).toBe(4);

    offer = false;
    await (await fetch(`${base}/?n=4`, { headers: identity })).text();
    count = rendered;
    await (await fetch(`${base}/?n=4`, { headers: identity })).text();
    expect(rendered - count, "not offered: not kept").toBe(1);

    offer = true;
    setCookie = true;
    await (await fetch(`${base}/?n=5`, { headers: identity })).text();
    count = rendered;
    await (await fetch(`${base}/?n=5`, { headers: identity })).text();
    expect(rendered - count, "a Set-Cookie answer is not kept").toBe(1);
  });

  it("after an activation, a new version in the list or with the log unreadable, the page is rendered again", async () => {
    const url = `${base}/?n=6`;
    await (await fetch(url, { headers: identity })).text();
    let count = rendered;
    await (await fetch(url, { headers: identity })).text();
    expect(rendered).toBe(count);

    // A new (not active) version: the header's version list changed.
    holdList([{ id: "v2", version: 2, status: "superseded" }, V1]);
    await (await fetch(url, { headers: identity })).text();
    expect(rendered).toBe(count + 1);
    count = rendered;
    await (await fetch(url, { headers: identity })).text();
    expect(rendered, "kept again for the new list").toBe(count);

    logAnswers = false;
    await (await fetch(url, { headers: identity })).text();
    expect(rendered, "a list that cannot be checked against the log is not trusted").toBe(count + 1);
  });

  it("a render during which the list was read again is not kept (its parts may show different lists)", async () => {
    const url = `${base}/?n=7`;
    listChangesDuringRender = true;
    await (await fetch(url, { headers: identity })).text();
    listChangesDuringRender = false;
    const count = rendered;
    await (await fetch(url, { headers: identity })).text();
    expect(rendered, "rendered again").toBe(count + 1);
    await (await fetch(url, { headers: identity })).text();
    expect(rendered, "then kept").toBe(count + 1);
  });
});

describe("gzip with a nonce spliced in", () => {
  it("decodes to the parts joined by the nonce, for empty and large parts", async () => {
    const { gzipWithNonce } = await import("@/lib/server/fast-pages");
    const parts = [Buffer.from(""), Buffer.from("a".repeat(70_000) + "é"), Buffer.from("<b>x</b>"), Buffer.from("")];
    const deflated = parts.map((p) => deflateRawSync(p, { finishFlush: constants.Z_SYNC_FLUSH }));
    const nonce = btoa(randomUUID());
    expect(gunzipSync(gzipWithNonce({ parts, deflated }, nonce)).toString()).toBe(
      parts.map((p) => p.toString()).join(nonce),
    );
  });
});
