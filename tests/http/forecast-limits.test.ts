/**
 * The forecast route's defences, called directly and once through the front server: JSON only, a
 * streamed 1 MB limit, JSON depth, overflow named, per-client rate limit (a forged X-Forwarded-For
 * does not make a new client), and a bounded worker queue. The forecasts really run in the worker
 * threads (bundled on demand from lib/server/forecast/worker.ts).
 */
import type { AddressInfo } from "node:net";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { clientAddressFrom, parseTrustedProxies, SOCKET_ADDRESS_HEADER } from "@/lib/server/proxy-trust";
import { API_CSP, malformedPath, OUTAGE_PAGE, outageHeaders } from "@/lib/server/security-headers";
// @ts-expect-error: plain ES module without types
import { createFrontServer } from "@/scripts/front-server.mjs";

process.env.FORECAST_RATE_POINTS = "5";
process.env.FORECAST_THREADS = "1";
process.env.FORECAST_QUEUE = "1";
// As in production without a proxy in front: X-Forwarded-For is not trusted.
delete process.env.TRUSTED_PROXIES;

let POST: (request: Request) => Promise<Response>;
beforeAll(async () => {
  ({ POST } = await import("@/app/api/v1/forecast/route"));
});

/** Each test client is its own socket peer, as the front server reports it in SOCKET_ADDRESS_HEADER. */
let client = 0;
const values = [3.1, 3.9, 4.6, 5.8, 7.0, 8.3, 9.9, 11.6, 13.4, 15.9];
function post(body: BodyInit | null, headers: Record<string, string> = {}, ip = `10.0.0.${++client}`) {
  return POST(
    new Request("http://localhost/api/v1/forecast", {
      method: "POST",
      headers: { "content-type": "application/json", [SOCKET_ADDRESS_HEADER]: ip, ...headers },
      body,
      // A streamed body (ReadableStream) needs this in undici.
      ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
    } as RequestInit),
  );
}
type Problem = { error: { param: string | null; message: string; requestId?: string } };

describe("POST /api/v1/forecast defences", () => {
  it.each([["text/plain"], ["application/x-www-form-urlencoded"], [""]])("415 for Content-Type %j", async (type) => {
    const res = await post(JSON.stringify({ series: [{ id: "a", values, h: 2 }] }), { "content-type": type });
    expect(res.status).toBe(415);
    expect(((await res.json()) as Problem).error.param).toBe("content-type");
  });

  it("413 from Content-Length, before reading", async () => {
    const res = await post("{}", { "content-length": "5000000" });
    expect(res.status).toBe(413);
    expect(((await res.json()) as Problem).error.param).toBe("body");
  });

  it("413 while streaming: the rest of an endless body is never read", async () => {
    let sent = 0;
    const chunk = new TextEncoder().encode(`[${"1,".repeat(32_000)}`);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const res = await post(endless);
    expect(res.status).toBe(413);
    expect(sent).toBeLessThan(1_200_000);
  });

  it("400 naming the series when the computation overflows; no null in any answer", async () => {
    const res = await post(
      JSON.stringify({ series: [{ id: "x", values: [1e154, -1e154, 1e154, -1e154], h: 3, method: "naive" }] }),
    );
    const text = await res.text();
    expect(res.status).toBe(400);
    expect((JSON.parse(text) as Problem).error.param).toBe("series.0.values");
    const ok = await post(JSON.stringify({ series: [{ id: "a", values, h: 3 }] }));
    expect(ok.status).toBe(200);
    expect(await ok.text()).not.toMatch(/null|NaN|Infinity/);
  });

  it("429 with Retry-After once a client is over its limit; other clients unaffected", async () => {
    const body = JSON.stringify({ series: [{ id: "a", values, h: 1, method: "naive" }] });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await post(body, {}, "192.0.2.7")).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const limited = await post(body, {}, "192.0.2.7");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await post(body, {}, "192.0.2.8")).status).toBe(200);
  });

  it("400 for deeply nested JSON, before anything recurses into it", async () => {
    const deep = `{"series":${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    const res = await post(deep);
    expect(res.status).toBe(400);
    expect(((await res.json()) as Problem).error.param).toBe("body");
    const shallow = await post(JSON.stringify({ series: [{ id: "[[[[", values, h: 1, method: "naive" }] }));
    expect(shallow.status).toBe(200);
  });

  it("a forged X-Forwarded-For through the server is no new client: a rotating burst still gets 429", async () => {
    const trust = parseTrustedProxies(undefined);
    const server = createFrontServer({
      handle: async (req: IncomingMessage, res: ServerResponse) => {
        const headers = new Headers();
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
        const body = Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>;
        const answer = await POST(
          new Request(`http://localhost${req.url}`, {
            method: req.method,
            headers,
            body,
            duplex: "half",
          } as RequestInit),
        );
        res.writeHead(answer.status, Object.fromEntries(answer.headers));
        res.end(Buffer.from(await answer.arrayBuffer()));
      },
      log: { info: () => undefined, error: () => undefined },
      socketHeader: SOCKET_ADDRESS_HEADER,
      clientAddress: (h: Headers) => clientAddressFrom(h, trust),
      apiHeaders: () => ({ "Content-Security-Policy": API_CSP }),
      malformedPath,
      outage: { html: OUTAGE_PAGE, headers: outageHeaders },
    }) as Server;
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/forecast`;
    try {
      const body = JSON.stringify({ series: [{ id: "a", values, h: 1, method: "naive" }] });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const res = await fetch(url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-forwarded-for": `198.51.100.${i + 1}`,
            [SOCKET_ADDRESS_HEADER]: `203.0.113.${i + 1}`,
          },
          body,
        });
        await res.arrayBuffer();
        statuses.push(res.status);
      }
      expect(statuses.filter((s) => s === 200)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(7);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it("503 with Retry-After when the worker queue is full", async () => {
    const heavy = JSON.stringify({
      series: Array.from({ length: 40 }, (_, i) => ({
        id: `s${i}`,
        values: Array.from({ length: 120 }, (_, t) => 100 + t + Math.sin(t) * 5),
        h: 20,
      })),
    });
    const answers = await Promise.all(Array.from({ length: 4 }, () => post(heavy)));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toContain(200);
    expect(statuses).toContain(503);
    const full = answers.find((r) => r.status === 503)!;
    expect(Number(full.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const body = (await full.json()) as Problem;
    expect(body.error.requestId).toBe(full.headers.get("x-request-id"));
  });
});
