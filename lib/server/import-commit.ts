import "server-only";
import type { DatasetDefinition } from "@/lib/market/cube/definition";
import type { Preview } from "@/lib/import/types";
import { seedDataset } from "./admin/seed";
import { audit } from "./audit";
import { getDb } from "./db";
import { fitCubeInWorker } from "./forecast/fit-pool";
import type { Outcome } from "./imports";
import { forgetDatasets } from "./queries";

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
export async function commitImport(id: string, actor: string): Promise<Committed> {
  const running = (globalForCommits.__commitsRunning ??= new Set());
  if (running.has(id)) return { ok: false, status: 409, message: `import "${id}" is being committed` };
  running.add(id);
  try {
    return await commitOnce(id, actor);
  } finally {
    running.delete(id);
  }
}

async function commitOnce(id: string, actor: string): Promise<Committed> {
  const prisma = getDb().prisma;
  const staged = await prisma.import.findUnique({ where: { id } });
  if (!staged) return { ok: false, status: 404, message: `import "${id}" does not exist` };
  const done = await prisma.dataset.findUnique({ where: { importId: id }, select: { id: true } });
  if (done) return { ok: false, status: 409, message: `import "${id}" was already committed as ${done.id}` };
  const preview = staged.preview as unknown as Preview;
  if (preview.changes.length === 0 && preview.newMembers.length === 0 && !preview.story?.length) {
    return { ok: false, status: 409, message: "the file changes nothing: there is no new version to commit" };
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
  forgetDatasets();
  const ds = await prisma.dataset.findUniqueOrThrow({
    where: { id: result.datasetId },
    select: { id: true, version: true },
  });
  await audit({ action: "commit", actor, target: ds.id, detail: { import: id, facts: result.facts } });
  return { ok: true, value: { id: ds.id, version: ds.version, created: result.created } };
}
