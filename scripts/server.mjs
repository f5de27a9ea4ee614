// Serves the production build: Next's request handler behind scripts/front-server.mjs (socket
// address, request ids, method and body limits, the pages' 503 deadline, the access log).
// `npm start` runs it under a supervisor (scripts/start.mjs); the browser tests and benches run it
// directly. Usage: node scripts/server.mjs [port] [host]   (defaults: PORT or 3000; HOST or all)
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import pino from "pino";
import { tsImport } from "tsx/esm/api";
import { createFrontServer } from "./front-server.mjs";

process.env.NODE_ENV = "production";
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
process.chdir(root); // the forecast pool finds its bundle under the working directory
const port = Number(process.argv[2] || process.env.PORT || 3000);
const host = process.argv[3] || process.env.HOST || undefined;

// Same shape as lib/server/log.ts: one JSON line per event on stdout.
const log = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { app: "market" },
  timestamp: pino.stdTimeFunctions.isoTime,
});

// Pure modules shared with the app (TypeScript, so loaded through tsx, scoped to these imports).
const trust = await tsImport("../lib/server/proxy-trust.ts", import.meta.url);
const headers = await tsImport("../lib/server/security-headers.ts", import.meta.url);
const proxyTrust = trust.parseTrustedProxies(process.env.TRUSTED_PROXIES);

// quiet: Next's own plain-text error stacks are replaced by instrumentation.ts's onRequestError,
// which logs them through pino with the request id.
const app = next({ dev: false, dir: root, quiet: true, hostname: host, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createFrontServer({
  handle,
  log,
  socketHeader: trust.SOCKET_ADDRESS_HEADER,
  clientAddress: (h) => trust.clientAddressFrom(h, proxyTrust),
  apiHeaders: (https) => ({ ...headers.securityHeaders({ https }), "Content-Security-Policy": headers.API_CSP }),
  malformedPath: headers.malformedPath,
  outage: { html: headers.OUTAGE_PAGE, headers: headers.outageHeaders },
  // Set by lib/server/fast-answers.ts once the app has loaded it (same process).
  cachedAnswer: (url, ifNoneMatch, acceptEncoding) =>
    globalThis.__marketFastAnswer?.(url, ifNoneMatch, acceptEncoding) ?? null,
  // Set by lib/server/fast-pages.ts once a page that may be reused has loaded it.
  pages: {
    key: (method, url, reqHeaders) => globalThis.__marketFastPages?.key(method, url, reqHeaders) ?? null,
    serve: (key, acceptEncoding, requestId) =>
      globalThis.__marketFastPages?.serve(key, acceptEncoding, requestId) ?? null,
    store: (...args) => globalThis.__marketFastPages?.store(...args),
    forget: (requestId) => globalThis.__marketFastPages?.forget(requestId),
  },
});

process.on("uncaughtException", (err) => {
  log.fatal({ err }, "uncaught exception: exiting");
  process.exit(1);
});
process.on("unhandledRejection", (err) => log.error({ err }, "unhandled rejection"));

// Stopping. SIGTERM (a load balancer's or orchestrator's stop): /api/health/ready answers 503 at
// once, so health checks take this instance out of rotation, while it goes on serving for
// DRAIN_GRACE_MS (2 s: at least the checks' interval × the failures that take it out); then it
// stops accepting connections, answers what is in flight (keep-alive connections are closed after
// their answer), and exits when the last has ended or after DRAIN_TIMEOUT_MS (15 s) at most.
// SIGINT (Ctrl-C) skips the grace.
const DRAIN_GRACE_MS = Number(process.env.DRAIN_GRACE_MS ?? 2_000);
const DRAIN_TIMEOUT_MS = Number(process.env.DRAIN_TIMEOUT_MS ?? 15_000);
let closing = false;
for (const signal of ["SIGINT", "SIGTERM"])
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    globalThis.__marketDraining = true;
    log.info({ signal }, "stopping: not ready; draining requests in flight");
    setTimeout(() => process.exit(0), DRAIN_TIMEOUT_MS).unref();
    setTimeout(
      () => {
        server.close(() => process.exit(0));
        server.closeIdleConnections();
      },
      signal === "SIGTERM" ? DRAIN_GRACE_MS : 0,
    );
  });
// While draining, answers ask the client to close the connection (keep-alive would outlive us).
server.on("request", (_req, res) => {
  if (closing && !res.headersSent) res.setHeader("Connection", "close");
});

server.listen(port, host, () =>
  log.info({ port, host: host ?? "*" }, `serving on http://${host ?? "localhost"}:${port}`),
);
