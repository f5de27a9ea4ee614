import "server-only";
import { createHash } from "node:crypto";
import pg from "pg";
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { clientAddress } from "./client-address";
import { getEnv } from "./env";
import { HttpProblem } from "./http";
import { log } from "./log";

/**
 * Per-client limits. With DATABASE_URL the counters live in Postgres (table "rate_limits", created
 * by a migration), so a limit holds across app instances; an in-memory limiter insures against a
 * database hiccup. On the embedded database (one process) they live in memory.
 *
 * The client is `clientAddress`: the socket peer, or with TRUSTED_PROXIES the address our own
 * proxies name in X-Forwarded-For. A forged X-Forwarded-For from anyone else changes nothing.
 */
export interface Limit {
  name: string;
  points: number;
  durationSeconds: number;
}

/** Forecasts: 20 requests a minute per client (each may hold 200 series). */
export const FORECAST_LIMIT: Limit = {
  name: "forecast",
  points: Number(process.env.FORECAST_RATE_POINTS) || 20,
  durationSeconds: Number(process.env.FORECAST_RATE_WINDOW_S) || 60,
};

const globalForLimits = globalThis as unknown as {
  __limiters?: Map<string, RateLimiterAbstract>;
  __limitPool?: pg.Pool;
};

function limiter(limit: Limit): RateLimiterAbstract {
  const limiters = (globalForLimits.__limiters ??= new Map());
  let l = limiters.get(limit.name);
  if (l) return l;
  const opts = { keyPrefix: limit.name, points: limit.points, duration: limit.durationSeconds };
  const url = getEnv().DATABASE_URL;
  if (url) {
    const env = getEnv();
    globalForLimits.__limitPool ??= new pg.Pool({
      connectionString: url,
      max: 2,
      // Short: when the database hangs, the in-memory insurance limiter takes over after ~1 s.
      connectionTimeoutMillis: Math.min(env.DB_CONNECT_TIMEOUT_MS, 1_000),
      statement_timeout: 1_000,
      query_timeout: 1_000,
    });
    globalForLimits.__limitPool.on("error", (err) => log.warn({ err: err.message }, "rate-limit pool error"));
    l = new RateLimiterPostgres({
      ...opts,
      storeClient: globalForLimits.__limitPool,
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true,
      clearExpiredByTimeout: false,
      insuranceLimiter: new RateLimiterMemory(opts),
    });
  } else {
    l = new RateLimiterMemory(opts);
  }
  limiters.set(limit.name, l);
  return l;
}

export function clientKey(request: Request): string {
  return clientAddress(request).slice(0, 100);
}

/**
 * The auth library's own per-address limits (every auth endpoint; sign-in has its own rule) kept
 * in the same store as the app's limits: shared by all instances on Postgres, with the in-memory
 * insurance limiter when the database does not answer; in memory on the embedded database.
 */
export const authRateLimitStorage = {
  async consume(key: string, rule: { window: number; max: number }) {
    const l = limiter({ name: `auth-${rule.window}-${rule.max}`, points: rule.max, durationSeconds: rule.window });
    // The table's key holds 255 characters: long keys (an address and a path) are shortened.
    const k = key.length > 200 ? createHash("sha256").update(key).digest("base64url") : key;
    try {
      await l.consume(k, 1);
      return { allowed: true, retryAfter: null };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes)
        return { allowed: false, retryAfter: Math.max(1, Math.ceil(rejection.msBeforeNext / 1_000)) };
      throw rejection;
    }
  },
};

/** Counts one request of this client against the limit; throws 429 with Retry-After when over it. */
export async function consume(limit: Limit, request: Request): Promise<void> {
  try {
    await limiter(limit).consume(clientKey(request), 1);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      const retry = Math.max(1, Math.ceil(rejection.msBeforeNext / 1_000));
      throw new HttpProblem(
        429,
        null,
        `Too many ${limit.name} requests: at most ${limit.points} per ${limit.durationSeconds} s; retry in ${retry} s`,
        {
          "Retry-After": String(retry),
        },
      );
    }
    throw rejection;
  }
}
