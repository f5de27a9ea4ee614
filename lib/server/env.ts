import "server-only";
import { z } from "zod";
import { parseTrustedProxies } from "./proxy-trust";

/**
 * Environment, parsed once. DATABASE_URL set → that Postgres server; unset → embedded PGlite under
 * PGLITE_DIR (default `.data/pglite`), migrated and seeded on first start.
 */
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^postgres(ql)?:\/\/[^\s]+$/.test(v), {
      message: "DATABASE_URL must be a postgres:// or postgresql:// URL (or unset for the embedded database)",
    })
    .refine((v) => v === undefined || URL.canParse(v), { message: "DATABASE_URL is not a valid URL" }),
  /**
   * Streaming replicas of DATABASE_URL's server, comma-separated postgres:// URLs: reads of dataset
   * versions go to one of them (lib/server/db.ts). Postgres only; ignored on the embedded database.
   */
  DATABASE_REPLICA_URLS: optionalText.superRefine((v, ctx) => {
    for (const url of (v ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean))
      if (!/^postgres(ql)?:\/\/[^\s]+$/.test(url) || !URL.canParse(url))
        ctx.addIssue({ code: "custom", message: "DATABASE_REPLICA_URLS must list postgres:// URLs, comma-separated" });
  }),
  PGLITE_DIR: z.string().trim().min(1).default(".data/pglite"),
  /** How long opening a connection to Postgres may take. */
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3_000),
  /** How long one statement may run (server-side statement_timeout; the client waits 1 s more). */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  /** Public base URL (auth callbacks, permalinks, the trusted Origin). */
  APP_URL: optionalText.refine((v) => v === undefined || /^https?:\/\/[^\s/]+/.test(v), {
    message: "APP_URL must be an http:// or https:// URL",
  }),
  /** Auth secret; when unset one is generated once and kept in `.data/auth-secret`. */
  AUTH_SECRET: optionalText.refine((v) => v === undefined || v.length >= 32, {
    message: "AUTH_SECRET must be at least 32 characters",
  }),
  /** `true`: reading the dashboard needs a signed-in user too. */
  REQUIRE_SIGN_IN: z
    .enum(["true", "false", ""])
    .optional()
    .transform((v) => v === "true"),
  /** The first admin, created at setup when no user has that email. */
  ADMIN_EMAIL: optionalText.refine((v) => v === undefined || /^[^@\s]+@[^@\s]+$/.test(v), {
    message: "ADMIN_EMAIL must be an email address",
  }),
  ADMIN_PASSWORD: optionalText.refine((v) => v === undefined || v.length >= 12, {
    message: "ADMIN_PASSWORD must be at least 12 characters",
  }),
  /** Single sign-on over OpenID Connect: all three set, or none. */
  OIDC_DISCOVERY_URL: optionalText,
  OIDC_CLIENT_ID: optionalText,
  OIDC_CLIENT_SECRET: optionalText,
  OIDC_NAME: z.string().trim().min(1).default("Single sign-on"),
  /** Which proxies' X-Forwarded-For to believe: a hop count or a CIDR list (lib/server/client-address.ts). */
  TRUSTED_PROXIES: optionalText.superRefine((v, ctx) => {
    try {
      parseTrustedProxies(v);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: (error as Error).message });
    }
  }),
});

export type Env = z.infer<typeof envSchema>;

let parsed: Env | undefined;

export function getEnv(): Env {
  if (parsed) return parsed;
  const result = envSchema.safeParse(process.env);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ConfigError(`${issue?.path.join(".") || "environment"}: ${issue?.message ?? "invalid"}`);
  }
  parsed = result.data;
  return parsed;
}

/** A configuration or connection problem, reported as one line without a stack trace. */
export class ConfigError extends Error {
  override name = "ConfigError";
}
