/**
 * Security headers of every answer (set by proxy.ts). Pure: no framework, so they are unit-tested
 * and the proxy stays thin.
 *
 * The CSP allows scripts only from this origin that carry the per-request nonce ('strict-dynamic'
 * lets those load the app's chunks); no inline event handlers, no eval (except in `next dev`,
 * whose refresh runtime needs it). Styles allow 'unsafe-inline': the charts (Recharts) and
 * layout set style attributes, which nonces cannot cover. Images may be data:/blob: URLs (chart
 * exports, PNG copies). Nothing may frame the pages (frame-ancestors 'none'), nothing is fetched
 * from other origins, forms post only here, no plugins.
 */
export function contentSecurityPolicy(nonce: string, opts: { dev: boolean; https: boolean }): string {
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src 'self'${opts.dev ? " ws: wss:" : ""}`,
    `worker-src 'self' blob:`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** API answers are data, never documents: nothing at all may load or frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

export function securityHeaders(opts: { https: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    // Browsers ignore HSTS over plain HTTP; sent only when the request came over HTTPS.
    ...(opts.https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/**
 * The page answered while the database does not answer (proxy.ts) or when a page has sent nothing
 * within its deadline (scripts/front-server.mjs): plain HTML, no script, nothing to fetch.
 */
export const OUTAGE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Temporarily unavailable · Large-scale AI Models market</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5">
<h1>Temporarily unavailable</h1><p>The market data cannot be read right now. Please try again in a few seconds.</p>
<p><a href="">Try again</a></p></body></html>`;

/**
 * A page address that cannot be decoded (e.g. /vendors/%ff) gets a page, not JSON: what went wrong
 * and the way back into the app. Static, so it answers before anything else runs.
 */
export const BAD_PATH_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bad address · Large-scale AI Models market</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5">
<nav aria-label="Main" style="display:flex;flex-wrap:wrap;gap:1rem;margin-bottom:2rem"><a href="/">Overview</a><a href="/explore">Explore</a><a href="/sectors">Sectors</a><a href="/vendors">Vendors</a><a href="/methodology">Methodology</a></nav>
<main><h1>This address cannot be read</h1><p>Part of the address is not valid percent-encoding, so it names no page. Check the link, or start again from the overview.</p>
<p><a href="/">Go to the overview</a></p></main></body></html>`;

export function outageHeaders(https: boolean): Record<string, string> {
  return {
    ...securityHeaders({ https }),
    "Content-Type": "text/html; charset=utf-8",
    "Retry-After": "5",
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  };
}

/** A path whose percent-encoding does not decode (e.g. /sectors/%ff) cannot name anything. */
export function malformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}
