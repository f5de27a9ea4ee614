import "server-only";
import pg from "pg";
import { describeUrl } from "./db";
import { getEnv } from "./env";
import { log } from "./log";

/**
 * Invalidation across app instances. Each instance holds the list of dataset versions and which one
 * is active in memory (lib/server/queries.ts). On Postgres, a trigger announces every activation
 * (activate, import commit, rollback, seed) and every newly sealed version on the channel
 * "market_versions" when its transaction commits (migration version_notifications); this module
 * LISTENs on a dedicated connection to the primary and calls `onChange`, so every instance serves
 * the change within milliseconds.
 *
 * The fallback: while that connection is down, the list is reused for at most 1 s instead of 5 s
 * (`versionListenerUp`), so a missed announcement delays a change by a second at most; on
 * (re)connecting the list is forgotten, since announcements made meanwhile were lost. The
 * notifications carry the activation log's id, logged for tracing.
 */
export const VERSIONS_CHANNEL = "market_versions";

interface State {
  client?: pg.Client;
  up: boolean;
  stopped: boolean;
  timer?: ReturnType<typeof setTimeout>;
  failures: number;
  lastActivation: number;
}
const g = globalThis as unknown as { __versionListener?: State };

/** Is this process listening for version changes right now? True on the embedded database (one process). */
export function versionListenerUp(): boolean {
  if (!process.env.DATABASE_URL?.trim()) return true;
  return g.__versionListener?.up ?? false;
}

/** Starts listening (once per process; no-op on the embedded database). Reconnects until stopped. */
export function startVersionListener(onChange: () => void): void {
  const url = getEnv().DATABASE_URL;
  if (!url || g.__versionListener) return;
  const state: State = (g.__versionListener = { up: false, stopped: false, failures: 0, lastActivation: 0 });

  const retry = () => {
    if (state.stopped || state.timer) return;
    const delay = Math.min(5_000, 250 * 2 ** Math.min(state.failures, 5));
    state.failures++;
    state.timer = setTimeout(() => {
      state.timer = undefined;
      void connect();
    }, delay);
    state.timer.unref();
  };

  const connect = async () => {
    const client = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: 3_000,
      keepAlive: true,
      application_name: "market-version-listener",
    });
    state.client = client;
    const lost = (err?: Error) => {
      if (state.client !== client) return;
      state.client = undefined;
      if (state.up)
        log.warn({ err: err?.message }, "version listener lost its connection: lists refresh every second meanwhile");
      state.up = false;
      client.removeAllListeners();
      client.on("error", () => undefined);
      void client.end().catch(() => undefined);
      retry();
    };
    client.on("error", lost);
    client.on("end", () => lost());
    client.on("notification", (message) => {
      if (message.channel !== VERSIONS_CHANNEL) return;
      const id = Number(message.payload);
      if (Number.isFinite(id) && id > state.lastActivation) state.lastActivation = id;
      onChange();
      log.debug({ payload: message.payload }, "dataset versions changed: list forgotten");
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${VERSIONS_CHANNEL}`);
      if (state.client !== client) return;
      state.up = true;
      state.failures = 0;
      // Announcements made while not listening are lost: read the list afresh.
      onChange();
      log.info({ database: describeUrl(url) }, "listening for dataset version changes");
    } catch (error) {
      lost(error as Error);
    }
  };
  void connect();
}

/** Stops listening (tests). */
export async function stopVersionListener(): Promise<void> {
  const state = g.__versionListener;
  g.__versionListener = undefined;
  if (!state) return;
  state.stopped = true;
  clearTimeout(state.timer);
  const client = state.client;
  state.client = undefined;
  state.up = false;
  client?.removeAllListeners();
  client?.on("error", () => undefined);
  await client?.end().catch(() => undefined);
}
