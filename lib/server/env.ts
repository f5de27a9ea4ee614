import "server-only";
import { z } from "zod";

/**
 * Environment, parsed once. DATABASE_URL set → that Postgres server; unset → embedded PGlite under
 * PGLITE_DIR (default `.data/pglite`), migrated and seeded on first start.
 */
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
  PGLITE_DIR: z.string().trim().min(1).default(".data/pglite"),
  /** How long opening a connection to Postgres may take. */
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3_000),
  /** How long one statement may run (server-side statement_timeout; the client waits 1 s more). */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
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
