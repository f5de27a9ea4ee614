import "server-only";
import { getDb } from "./db";
import { HttpProblem } from "./http";
import { log } from "./log";

/**
 * Dataset versions are sealed with a checksum of their content when their load commits (see the
 * sealed_versions migration). A version whose content no longer matches it has been tampered with
 * (by someone able to bypass the triggers): it is reported by setup and /api/health and never
 * served.
 *
 * Hashing a version reads its rows and its packed cube (SHA-256 of the cube's bytes in the
 * database: ~20 MB for 2.6 million cells), so each version is checked once per process: before it
 * is first served (`assertIntact`), or in the background after start (`verifyInBackground`), one
 * version at a time so the checks never take more than one connection. Health reports the cached
 * results (`integrityReport`) and never hashes anything itself.
 */
export interface VersionCheck {
  id: string;
  sealed: boolean;
  intact: boolean;
}

interface State {
  results: Map<string, Promise<VersionCheck | null>>;
  done: Map<string, VersionCheck>;
  queue: Promise<unknown>;
  background?: Promise<void>;
}
const g = globalThis as unknown as { __integrity?: State };
const state: State = (g.__integrity ??= { results: new Map(), done: new Map(), queue: Promise.resolve() });

/** Every version (or the given ones): sealed, and does the stored content still match its checksum? */
export async function checkVersions(ids?: string[]): Promise<VersionCheck[]> {
  const prisma = getDb().prisma;
  const rows = await prisma.$queryRawUnsafe<{ id: string; sealed: boolean; intact: boolean | null }[]>(
    `SELECT id, "sealedAt" IS NOT NULL AS sealed, "contentChecksum" = "dataset_content_checksum"(id) AS intact
       FROM "Dataset" ${ids ? `WHERE id = ANY($1::text[])` : ""} ORDER BY "createdAt"`,
    ...(ids ? [ids] : []),
  );
  const checks = rows.map((r) => ({ id: r.id, sealed: r.sealed, intact: r.intact === true }));
  for (const c of checks) record(c);
  return checks;
}

function record(c: VersionCheck): void {
  if (c.sealed && !c.intact && state.done.get(c.id)?.intact !== false)
    log.error({ dataset: c.id }, "dataset version does not match its content checksum: not served");
  state.done.set(c.id, c);
  state.results.set(c.id, Promise.resolve(c));
}

/** Checks one version once per process; checks run one after another. Null: no such version. */
function verify(id: string): Promise<VersionCheck | null> {
  let result = state.results.get(id);
  if (!result) {
    const run = state.queue.then(() => checkVersions([id])).then((c) => c[0] ?? null);
    state.queue = run.catch(() => undefined);
    result = run;
    state.results.set(id, result);
    // A failed check (the database was away) is tried again next time.
    run.catch(() => state.results.delete(id));
  }
  return result;
}

/** Throws 503 (naming no internals) when a version fails its content check. */
export async function assertIntact(id: string): Promise<void> {
  const check = await verify(id);
  if (!check || !check.intact)
    throw new HttpProblem(
      503,
      null,
      `Dataset version ${id} failed its integrity check and is not served; the operators have been alerted.`,
    );
}

/**
 * Checks every stored version not checked yet, in the background, one at a time; once per process
 * (a later call returns the same run, or starts one for versions added since when it has ended).
 */
export function verifyInBackground(): Promise<void> {
  state.background ??= (async () => {
    try {
      const rows = await getDb().prisma.dataset.findMany({ select: { id: true }, orderBy: { createdAt: "asc" } });
      for (const { id } of rows) await verify(id).catch(() => undefined);
    } catch (error) {
      log.warn({ err: (error as Error).message }, "background integrity check could not list versions");
    } finally {
      state.background = undefined;
    }
  })();
  return state.background;
}

/** Has this version been checked by this process and found intact (what assertIntact lets through)? */
export function checkedIntact(id: string): boolean {
  return state.done.get(id)?.intact === true;
}

/** Has this version been checked by this process? */
export function checked(id: string): boolean {
  return state.done.has(id);
}

/** What is known so far, without touching the database. */
export function integrityReport(): { checked: number; pending: boolean; tampered: string[]; unsealed: string[] } {
  const done = [...state.done.values()];
  return {
    checked: done.length,
    pending: state.background !== undefined,
    tampered: done.filter((c) => c.sealed && !c.intact).map((c) => c.id),
    unsealed: done.filter((c) => !c.sealed).map((c) => c.id),
  };
}
