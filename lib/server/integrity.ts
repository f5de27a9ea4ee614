import "server-only";
import { getDb } from "./db";
import { HttpProblem } from "./http";
import { log } from "./log";

/**
 * Dataset versions are sealed with a checksum of their content when their load commits (see the
 * sealed_versions migration). A version whose content no longer matches it has been tampered with
 * (by someone able to bypass the triggers): it is reported by setup and /api/health and never
 * served. A version is checked once per process before it is first served; health re-checks.
 */
export interface VersionCheck {
  id: string;
  sealed: boolean;
  intact: boolean;
}

const globalForIntegrity = globalThis as unknown as {
  __intact?: Map<string, Promise<boolean>>;
  __tampered?: Set<string>;
};
const intact = (globalForIntegrity.__intact ??= new Map());
const tampered = (globalForIntegrity.__tampered ??= new Set());

/** Every version (or the given ones): sealed, and does the stored content still match its checksum? */
export async function checkVersions(ids?: string[]): Promise<VersionCheck[]> {
  const prisma = getDb().prisma;
  const rows = await prisma.$queryRawUnsafe<{ id: string; sealed: boolean; intact: boolean | null }[]>(
    `SELECT id, "sealedAt" IS NOT NULL AS sealed, "contentChecksum" = "dataset_content_checksum"(id) AS intact
       FROM "Dataset" ${ids ? `WHERE id = ANY($1::text[])` : ""} ORDER BY "createdAt"`,
    ...(ids ? [ids] : []),
  );
  const checks = rows.map((r) => ({ id: r.id, sealed: r.sealed, intact: r.intact === true }));
  for (const c of checks) {
    if (c.sealed && !c.intact) {
      if (!tampered.has(c.id))
        log.error({ dataset: c.id }, "dataset version does not match its content checksum: not served");
      tampered.add(c.id);
      intact.set(c.id, Promise.resolve(false));
    }
  }
  return checks;
}

/** Throws 503 (naming no internals) when a version fails its content check. Memoised per version. */
export async function assertIntact(id: string): Promise<void> {
  let ok = intact.get(id);
  if (!ok) {
    ok = checkVersions([id]).then((c) => c.length === 1 && c[0].intact);
    intact.set(id, ok);
    ok.catch(() => intact.delete(id));
  }
  if (!(await ok) || tampered.has(id))
    throw new HttpProblem(
      503,
      null,
      `Dataset version ${id} failed its integrity check and is not served; the operators have been alerted.`,
    );
}
