// Types for scripts/build-freshness.mjs (plain JS so `node scripts/start.mjs` can use it).
export const BUILD_INPUTS: string[];
export function buildState(
  root: string,
  distDir?: string,
): { state: "missing" | "stale" | "current"; changed?: string };
