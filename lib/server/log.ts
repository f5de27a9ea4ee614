import "server-only";
import pino from "pino";

/**
 * Structured server logs: one JSON line per event on stdout. LOG_LEVEL (default "info") sets the
 * threshold; tests set it to "silent". Full causes (hosts, ports, stacks) go here, never into
 * public answers.
 */
const globalForLog = globalThis as unknown as { __marketLog?: pino.Logger };

export const log: pino.Logger = (globalForLog.__marketLog ??= pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info"),
  base: { app: "market" },
  timestamp: pino.stdTimeFunctions.isoTime,
}));
