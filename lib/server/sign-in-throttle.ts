import "server-only";
import { createHash } from "node:crypto";
import pg from "pg";
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { getEnv } from "./env";
import { log } from "./log";

/**
 * Throttling of failed sign-ins, keyed so that a stranger cannot lock anyone else out:
 *  - per (account, address): 5 failures in 15 minutes block that pair;
 *  - per address: 20 failures in 15 minutes (any accounts) block that address;
 * each block lasts 1 minute, doubling with every block of the same key within a day (at most an
 * hour). The right password from another address still signs in. An account failing from many
 * addresses is reported (once per window), since per-address limits cannot stop a spread attack.
 *
 * With DATABASE_URL the counters live in Postgres (table "rate_limits"), so they hold across app
 * instances, with an in-memory insurance limiter for database hiccups; on the embedded database
 * (one process) they live in memory.
 */
export const THROTTLE = {
  pairFailures: 5,
  addressFailures: 20,
  windowSeconds: 15 * 60,
  firstBlockSeconds: 60,
  maxBlockSeconds: 60 * 60,
  strikeMemorySeconds: 24 * 60 * 60,
  alertAddresses: 5,
} as const;

export type Scope = "account-address" | "address";
export type Verdict = { blocked: false } | { blocked: true; scope: Scope; retryAfterSeconds: number };
export interface Trip {
  scope: Scope;
  blockSeconds: number;
  strikes: number;
}
export interface FailureOutcome {
  trips: Trip[];
  /** Distinct addresses that failed on this account in the window, when it just reached the alert level. */
  alertAddresses: number | null;
}

type Factory = (name: string, points: number, durationSeconds: number) => RateLimiterAbstract;

/** Keys stay short (the table's key is 255 characters) and hold no email in clear. */
const digest = (text: string) => createHash("sha256").update(text).digest("base64url").slice(0, 22);

export class SignInThrottle {
  private readonly pair: RateLimiterAbstract;
  private readonly address: RateLimiterAbstract;
  private readonly strikes: RateLimiterAbstract;
  private readonly seen: RateLimiterAbstract;
  private readonly spread: RateLimiterAbstract;

  constructor(make: Factory) {
    const t = THROTTLE;
    this.pair = make("signin-pair", t.pairFailures, t.windowSeconds);
    this.address = make("signin-addr", t.addressFailures, t.windowSeconds);
    this.strikes = make("signin-strike", 1_000_000, t.strikeMemorySeconds);
    this.seen = make("signin-seen", 1_000_000, t.windowSeconds);
    this.spread = make("signin-spread", 1_000_000, t.windowSeconds);
  }

  private keys(email: string, address: string) {
    return { pair: `${digest(email)}|${address.slice(0, 64)}`, address: address.slice(0, 64), account: digest(email) };
  }

  /** Whether this account may try a password from this address now. */
  async check(email: string, address: string): Promise<Verdict> {
    const k = this.keys(email, address);
    const [pair, addr] = await Promise.all([this.pair.get(k.pair), this.address.get(k.address)]);
    const over = (res: RateLimiterRes | null, points: number) => !!res && res.consumedPoints >= points;
    const retry = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1_000));
    if (over(pair, THROTTLE.pairFailures))
      return { blocked: true, scope: "account-address", retryAfterSeconds: retry(pair!) };
    if (over(addr, THROTTLE.addressFailures))
      return { blocked: true, scope: "address", retryAfterSeconds: retry(addr!) };
    return { blocked: false };
  }

  /** Counts one wrong password; blocks with backoff when a limit is reached. */
  async recordFailure(email: string, address: string): Promise<FailureOutcome> {
    const k = this.keys(email, address);
    const trips: Trip[] = [];
    const pair = await this.count(this.pair, k.pair);
    if (pair >= THROTTLE.pairFailures) trips.push(await this.trip(this.pair, k.pair, "account-address"));
    const addr = await this.count(this.address, k.address);
    if (addr >= THROTTLE.addressFailures) trips.push(await this.trip(this.address, k.address, "address"));
    // Distinct addresses per account: the first failure of a pair in the window counts one more.
    let alertAddresses: number | null = null;
    if ((await this.count(this.seen, k.pair)) === 1) {
      const spread = await this.count(this.spread, k.account);
      if (spread === THROTTLE.alertAddresses) alertAddresses = spread;
    }
    return { trips, alertAddresses };
  }

  /** The right password: that pair starts afresh (the address's count and strikes stay). */
  async recordSuccess(email: string, address: string): Promise<void> {
    await this.pair.delete(this.keys(email, address).pair);
  }

  private async count(limiter: RateLimiterAbstract, key: string): Promise<number> {
    try {
      return (await limiter.consume(key)).consumedPoints;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return rejection.consumedPoints;
      throw rejection;
    }
  }

  private async trip(limiter: RateLimiterAbstract, key: string, scope: Scope): Promise<Trip> {
    const strikes = await this.count(this.strikes, `${scope}|${key}`);
    const blockSeconds = Math.min(
      THROTTLE.maxBlockSeconds,
      THROTTLE.firstBlockSeconds * 2 ** Math.min(strikes - 1, 20),
    );
    await limiter.block(key, blockSeconds);
    return { scope, blockSeconds, strikes };
  }
}

export const memoryFactory: Factory = (name, points, duration) =>
  new RateLimiterMemory({ keyPrefix: name, points, duration });

export function postgresFactory(pool: pg.Pool): Factory {
  return (name, points, duration) =>
    new RateLimiterPostgres({
      keyPrefix: name,
      points,
      duration,
      storeClient: pool,
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true,
      clearExpiredByTimeout: false,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points, duration }),
    });
}

const globalForThrottle = globalThis as unknown as { __signInThrottle?: SignInThrottle; __signInPool?: pg.Pool };

/** The process's throttle: Postgres-backed with DATABASE_URL, in memory on the embedded database. */
export function signInThrottle(): SignInThrottle {
  if (globalForThrottle.__signInThrottle) return globalForThrottle.__signInThrottle;
  const env = getEnv();
  if (env.DATABASE_URL) {
    const pool = new pg.Pool({
      connectionString: env.DATABASE_URL,
      max: 2,
      // Short: when the database hangs, the in-memory insurance limiter takes over after ~1 s.
      connectionTimeoutMillis: Math.min(env.DB_CONNECT_TIMEOUT_MS, 1_000),
      statement_timeout: 1_000,
      query_timeout: 1_000,
    });
    pool.on("error", (err) => log.warn({ err: err.message }, "sign-in throttle pool error"));
    globalForThrottle.__signInPool = pool;
    globalForThrottle.__signInThrottle = new SignInThrottle(postgresFactory(pool));
  } else globalForThrottle.__signInThrottle = new SignInThrottle(memoryFactory);
  return globalForThrottle.__signInThrottle;
}

/** Closes the throttle's connections (tests, shutdown). */
export async function closeSignInThrottle(): Promise<void> {
  const pool = globalForThrottle.__signInPool;
  globalForThrottle.__signInThrottle = undefined;
  globalForThrottle.__signInPool = undefined;
  await pool?.end();
}
