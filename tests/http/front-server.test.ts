/**
 * The server in front of Next (scripts/front-server.mjs) over real HTTP, with a stand-in for Next's
 * handler: what a client can and cannot make it believe, the access log, the answers it gives
 * itself (405, 413, 400, the pages' 503 deadline) and how fast a stalled body is dropped.
 */
import net from "node:net";
import type { AddressInfo } from "node:net";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddressFrom, parseTrustedProxies, SOCKET_ADDRESS_HEADER } from "@/lib/server/proxy-trust";
import { API_CSP, malformedPath, OUTAGE_PAGE, outageHeaders, securityHeaders } from "@/lib/server/security-headers";
// @ts-expect-error: plain ES module without types
import { createFrontServer } from "@/scripts/front-server.mjs";

type Seen = { headers: IncomingMessage["headers"] };
const seen: Seen[] = [];
const logged: Record<string, unknown>[] = [];
const log = { info: (o: Record<string, unknown>) => logged.push(o), error: () => undefined };

/** Stands in for Next: echoes what it was given; /slow never answers a page; /empty-405 is Next's 405. */
async function handle(req: IncomingMessage, res: ServerResponse) {
  seen.push({ headers: { ...req.headers } });
  if (req.url === "/slow-page") return; // a page stuck on a frozen database
  if (req.url === "/api/v1/series" && req.method === "DELETE") {
    // As Next sends a Response without a body: status and headers, flushHeaders(), then end().
    res.statusCode = 405;
    res.setHeader("Allow", "GET, HEAD");
    res.flushHeaders();
    return res.end();
  }
  if (req.url === "/api/guarded") {
    // Refuses before reading the body, as a write route does for an anonymous client.
    res.writeHead(401, { "Content-Type": "application/json" });
    return res.end('{"error":{"param":null,"message":"Sign in first"}}');
  }
  if (req.url === "/api/read-body") {
    let size = 0;
    for await (const chunk of req) size += (chunk as Buffer).length;
    return res.end(JSON.stringify({ size }));
  }
  res.setHeader("Content-Type", "application/json");
  res.end(JSON.stringify({ socket: req.headers[SOCKET_ADDRESS_HEADER], id: req.headers["x-request-id"] }));
}

let server: Server;
let base: string;
let port: number;
beforeAll(async () => {
  const trust = parseTrustedProxies(undefined);
  server = createFrontServer({
    handle,
    log,
    socketHeader: SOCKET_ADDRESS_HEADER,
    clientAddress: (h: Headers) => clientAddressFrom(h, trust),
    apiHeaders: (https: boolean) => ({ ...securityHeaders({ https }), "Content-Security-Policy": API_CSP }),
    malformedPath,
    outage: { html: OUTAGE_PAGE, headers: outageHeaders },
    pageDeadlineMs: 800,
    timeouts: { requestTimeoutMs: 2_000, headersTimeoutMs: 1_500, checkIntervalMs: 250 },
  }) as Server;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** Sends raw bytes and resolves with what came back and when the server closed the connection. */
function raw(text: string, opts: { wait?: number } = {}): Promise<{ reply: string; closedAfterMs: number | null }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = net.connect(port, "127.0.0.1", () => socket.write(text));
    let reply = "";
    socket.on("data", (d) => (reply += d.toString()));
    const finish = (closed: boolean) =>
      resolve({ reply, closedAfterMs: closed ? Math.round(performance.now() - started) : null });
    socket.on("close", () => finish(true));
    socket.on("error", () => undefined);
    setTimeout(() => {
      socket.destroy();
      finish(false);
    }, opts.wait ?? 6_000);
  });
}

describe("front server", () => {
  it("the socket address replaces one a client sends; X-Forwarded-For alone does not pose as the client", async () => {
    const res = await fetch(`${base}/api/x`, {
      headers: { [SOCKET_ADDRESS_HEADER]: "203.0.113.9", "x-forwarded-for": "198.51.100.1" },
    });
    const body = (await res.json()) as { socket: string };
    expect(body.socket).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    expect(logged.at(-1)).toMatchObject({ path: "/api/x", client: "127.0.0.1" });
  });

  it("gives every request an id (a safe incoming one is kept) that Next and the answer share", async () => {
    const kept = await fetch(`${base}/api/x`, { headers: { "x-request-id": "req-abcdef12" } });
    expect(kept.headers.get("x-request-id")).toBe("req-abcdef12");
    expect(((await kept.json()) as { id: string }).id).toBe("req-abcdef12");
    const replaced = await fetch(`${base}/api/x`, { headers: { "x-request-id": "<script>" } });
    const id = replaced.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(((await replaced.json()) as { id: string }).id).toBe(id);
  });

  it("logs one access line per request, 4xx included, with id, method, path, status, duration and client", async () => {
    const before = logged.length;
    const res = await fetch(`${base}/api/v1/series`, { method: "DELETE" });
    await res.arrayBuffer();
    await new Promise((r) => setTimeout(r, 50));
    expect(logged.length).toBe(before + 1);
    expect(logged.at(-1)).toMatchObject({
      requestId: res.headers.get("x-request-id"),
      method: "DELETE",
      path: "/api/v1/series",
      status: 405,
      client: "127.0.0.1",
    });
    expect(typeof logged.at(-1)!.ms).toBe("number");
  });

  it("an API 405 has a problem body; TRACE is a 405 too, never reaching Next", async () => {
    const res = await fetch(`${base}/api/v1/series`, { method: "DELETE" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD");
    expect(await res.json()).toMatchObject({ error: { param: "method" } });
    const count = seen.length;
    const trace = await raw("TRACE /api/v1/series HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    expect(trace.reply).toMatch(/^HTTP\/1\.1 405/);
    expect(trace.reply).toMatch(/"param":"method"/);
    expect(trace.reply).toMatch(/content-security-policy: default-src 'none'/i);
    expect(seen.length).toBe(count);
  });

  it("a malformed API path is a 400 naming the path", async () => {
    const res = await fetch(`${base}/api/v1/%zz`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { param: string } }).error.param).toBe("path");
  });

  it("a declared 500 MB body is refused at once and the connection closed", async () => {
    const r = await raw(
      "POST /api/v1/forecast HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500000000\r\n\r\n",
    );
    expect(r.reply).toMatch(/^HTTP\/1\.1 413/);
    expect(r.closedAfterMs).not.toBeNull();
    expect(r.closedAfterMs!).toBeLessThan(1_000);
  });

  it("a stalled body behind a refusal is not kept: the connection closes with the answer", async () => {
    const r = await raw(
      "POST /api/guarded HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n0123456789abcdef\r\n",
    );
    expect(r.reply).toMatch(/^HTTP\/1\.1 401/);
    expect(r.closedAfterMs).not.toBeNull();
    expect(r.closedAfterMs!).toBeLessThan(1_000);
  });

  it("a body that stalls while being read is dropped after the request timeout, not minutes", async () => {
    const r = await raw(
      "POST /api/read-body HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n0123456789abcdef\r\n",
    );
    expect(r.closedAfterMs).not.toBeNull();
    expect(r.closedAfterMs!).toBeLessThan(4_000);
  });

  it("a page with no headers by its deadline gets the 503 outage page with Retry-After", async () => {
    const started = performance.now();
    const res = await fetch(`${base}/slow-page`);
    const ms = performance.now() - started;
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(await res.text()).toContain("Temporarily unavailable");
    expect(ms).toBeLessThan(3_000);
    await new Promise((r) => setTimeout(r, 50));
    expect(logged.at(-1)).toMatchObject({ path: "/slow-page", status: 503 });
  });
});
