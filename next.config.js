/** Security headers every answer carries (pages get their CSP and HSTS from proxy.ts as well). */
const common = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Separate build folders let several builds (e.g. a test build beside a dev build) coexist.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Static files and the API are not seen by proxy.ts (it would buffer API bodies); their share of
  // the headers is here. Keep these in step with lib/server/security-headers.ts.
  async headers() {
    return [
      { source: "/:path*", headers: common },
      {
        source: "/api/:path*",
        headers: [
          // API answers are data, never documents: nothing may load or frame them (API_CSP).
          { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
      {
        // Browsers ignore HSTS over plain HTTP; sent only when the request came over HTTPS.
        source: "/api/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }],
      },
    ];
  },
  // PGlite ships WASM and data files that must be loaded from node_modules at run time, not bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/schema-engine-wasm",
    "pg",
    "exceljs",
    "piscina",
    "pino",
    "rate-limiter-flexible",
  ],
};

module.exports = nextConfig;
