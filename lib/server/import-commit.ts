import "server-only";
import type { DatasetDefinition } from "@/lib/market/cube/definition";
import { changesFigures } from "@/lib/import/diff";
import { removalMessage } from "@/lib/import/safeguards";
import type { Preview } from "@/lib/import/types";
import { seedDataset } from "./admin/seed";
import { audit } from "./audit";
import { getDb } from "./db";
import { fitCubeInWorker } from "./forecast/fit-pool";
import type { Outcome } from "./imports";

/**
 * The second phase of an import: the staged file becomes a new immutable version, made active, in
 * one transaction. The cube is fitted in a worker thread; one commit of an import at most.
 */

type Committed = Outcome<{ id: string; version: number; created: boolean }>;
const globalForCommits = globalThis as unknown as { __commitsRunning?: Set<string> };

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return e?.code === "P2002" || (typeof e?.message === "string" && /unique constraint/i.test(e.message));
}

/**
 * Commits one import at most once: a second request for an import this process is committing gets
 * 409 at once; across instances, the dataset's unique import id decides (see commitOnce).
 */
export async function commitImport(id: string, actor: string, confirm: Confirmations = {}): Promise<Committed> {
  const running = (globalForCommits.__commitsRunning ??= new Set());
  if (running.has(id)) return { ok: false, status: 409, message: `import "${id}" is being committed` };
  running.add(id);
  try {
    return await commitOnce(id, actor, confirm);
  } finally {
    running.delete(id);
  }
}

/** What the analyst confirmed in the preview (the commit body). */
export interface Confirmations {
  /** The figures the preview lists as removed may go. */
  confirmRemovals?: boolean;
  /** New members (slug or name as in the file) the analyst says are new, not a typo of an existing one. */
  confirmNewMembers?: string[];
}

/**
 * 409 unless every removal and every "did you mean" of the preview is confirmed: nothing is lost or
 * added by a slip without the analyst saying so.
 */
export function unconfirmed(preview: Preview, confirm: Confirmations): Committed | null {
  const removals = preview.removalCount ?? 0;
  const named = new Set((confirm.confirmNewMembers ?? []).map((s) => s.trim().toLowerCase()));
  const open = (preview.suggestions ?? []).filter(
    (s) => !named.has(s.slug.toLowerCase()) && !named.has(s.name.trim().toLowerCase()),
  );
  const needRemovals = removals > 0 && confirm.confirmRemovals !== true;
  if (!needRemovals && open.length === 0) return null;
  const parts: string[] = [];
  if (needRemovals) {
    const shown = preview.removals.slice(0, 5).map(removalMessage);
    const more = removals > shown.length ? `; and ${(removals - shown.length).toLocaleString("en-US")} more` : "";
    parts.push(
      `the file removes ${removals.toLocaleString("en-US")} figure${removals === 1 ? "" : "s"} (${shown.join("; ")}${more}): send "confirmRemovals": true to commit anyway`,
    );
  }
  if (open.length)
    parts.push(
      `${open.map((s) => s.message.split("?")[0] + "?").join(" ")} Map it to the existing member, or send "confirmNewMembers": [${open.map((s) => JSON.stringify(s.slug)).join(", ")}]`,
    );
  return {
    ok: false,
    status: 409,
    message: parts.join(". "),
    confirm: {
      ...(needRemovals ? { removals: preview.removals.slice(0, 20), removalCount: removals } : {}),
      ...(open.length ? { newMembers: open } : {}),
    },
  };
}

async function commitOnce(id: string, actor: string, confirm: Confirmations): Promise<Committed> {
  const prisma = getDb().prisma;
  const staged = await prisma.import.findUnique({ where: { id } });
  if (!staged) return { ok: false, status: 404, message: `import "${id}" does not exist` };
  const done = await prisma.dataset.findUnique({ where: { importId: id }, select: { id: true } });
  if (done) return { ok: false, status: 409, message: `import "${id}" was already committed as ${done.id}` };
  const preview = staged.preview as unknown as Preview;
  if (!changesFigures(preview) && !preview.story?.length) {
    return { ok: false, status: 409, message: "the file changes nothing: there is no new version to commit" };
  }
  const refused = unconfirmed(preview, confirm);
  if (refused) {
    await audit({
      action: "commit.unconfirmed",
      actor,
      target: id,
      detail: {
        removals: preview.removalCount ?? 0,
        newMembers: refused.ok ? 0 : (refused.confirm?.newMembers?.length ?? 0),
      },
    });
    return refused;
  }
  let result: Awaited<ReturnType<typeof seedDataset>>;
  try {
    result = await seedDataset(prisma, staged.definition as unknown as DatasetDefinition, {
      createdBy: actor,
      importId: id,
      fit: fitCubeInWorker,
    });
  } catch (error) {
    // Another import of the same data set took the next version number at the same moment.
    if (isUniqueViolation(error))
      return {
        ok: false,
        status: 409,
        message: "another version of this data set was committed at the same moment: commit again",
      };
    throw error;
  }
  if (!result.created) {
    // The same import, committed by a concurrent request (here or on another instance), won.
    const winner = await prisma.dataset.findUnique({ where: { id: result.datasetId }, select: { importId: true } });
    if (winner?.importId === id)
      return { ok: false, status: 409, message: `import "${id}" was already committed as ${result.datasetId}` };
    await prisma.activation.create({ data: { datasetKey: staged.datasetKey, datasetId: result.datasetId, actor } });
  }
  const ds = await prisma.dataset.findUniqueOrThrow({
    where: { id: result.datasetId },
    select: { id: true, version: true },
  });
  await audit({ action: "commit", actor, target: ds.id, detail: { import: id, facts: result.facts } });
  return { ok: true, value: { id: ds.id, version: ds.version, created: result.created } };
}
