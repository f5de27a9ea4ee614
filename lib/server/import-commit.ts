import "server-only";
import type { DatasetDefinition } from "@/lib/market/cube/definition";
import { changesFigures } from "@/lib/import/diff";
import { removalMessage } from "@/lib/import/safeguards";
import type { Preview } from "@/lib/import/types";
import { seedDataset } from "./admin/seed";
import { audit } from "./audit";
import { appendJobEntry, commitJobState, heartbeat, localJobs } from "./commit-jobs";
import { getDb, isDbUnavailable } from "./db";
import { fitCubeInWorker } from "./forecast/fit-pool";
import type { Outcome } from "./imports";
import { log } from "./log";

/**
 * The second phase of an import: the staged file becomes a new immutable version, made active, in
 * one transaction. The commit runs as a job of this process (the cube is fitted in a worker
 * thread, then stored): `startCommit` checks everything a request can get wrong and starts it,
 * the request waits a moment for it (`settleWithin`) and otherwise answers that it runs; its state
 * is read back from the database by lib/server/commit-jobs.ts. One commit of an import at most.
 */

type Committed = Outcome<{ id: string; version: number; created: boolean }>;

/** A commit that was started: its job's outcome, and when the database recorded its start. */
export interface StartedCommit {
  startedAt: Date;
  done: Promise<Committed>;
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return e?.code === "P2002" || (typeof e?.message === "string" && /unique constraint/i.test(e.message));
}

/**
 * Checks the commit and starts its job, or answers why not (404, 409). A second commit of an import
 * this process is committing gets 409 at once, and so does one that another instance is running
 * (its fresh `commit.started`); across instances racing at the same moment, the dataset's unique
 * import id decides (see runJob).
 */
export async function startCommit(
  id: string,
  actor: string,
  confirm: Confirmations = {},
): Promise<Outcome<StartedCommit>> {
  const jobs = localJobs();
  if (jobs.has(id)) return { ok: false, status: 409, message: `import "${id}" is being committed` };
  jobs.add(id);
  let started = false;
  try {
    const staged = await checkCommit(id, actor, confirm);
    if (!staged.ok) return staged;
    const startedAt = await appendJobEntry("commit.started", id, actor, {
      confirmRemovals: confirm.confirmRemovals === true,
      confirmNewMembers: confirm.confirmNewMembers?.length ?? 0,
    });
    const done = runJob(id, actor, staged.value.definition, startedAt)
      // runJob answers every failure itself; this only keeps a slip there from going unhandled.
      .catch((error: unknown): Committed => {
        log.error({ err: error, import: id }, "commit job failed");
        return { ok: false, status: 500, message: "the commit failed: commit again" };
      })
      .finally(() => jobs.delete(id));
    started = true;
    return { ok: true, value: { startedAt, done } };
  } finally {
    if (!started) jobs.delete(id);
  }
}

/** The job's outcome if it ends within `ms` (at once for 0), else undefined: it goes on running. */
export async function settleWithin(commit: StartedCommit, ms: number): Promise<Committed | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  // A 0 ms wait still gives a job that already ended one turn to say so.
  try {
    return await Promise.race([commit.done, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Starts the commit and waits for its outcome (scripts and tests that want the version). */
export async function commitImport(id: string, actor: string, confirm: Confirmations = {}): Promise<Committed> {
  const started = await startCommit(id, actor, confirm);
  return started.ok ? started.value.done : started;
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
export function unconfirmed(preview: Preview, confirm: Confirmations): Outcome<never> | null {
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

type Staged = { definition: DatasetDefinition };

/** Everything a commit can be refused for before its job starts (nothing is written but the audit of a refusal). */
async function checkCommit(id: string, actor: string, confirm: Confirmations): Promise<Outcome<Staged>> {
  const prisma = getDb().prisma;
  const staged = await prisma.import.findUnique({ where: { id } });
  if (!staged) return { ok: false, status: 404, message: `import "${id}" does not exist` };
  // This process runs no job of the import (checked above): only the database can say "running".
  const state = await commitJobState(id, new Date(), { local: false });
  if (state?.status === "committed")
    return { ok: false, status: 409, message: `import "${id}" was already committed as ${state.dataset.id}` };
  if (state?.status === "running")
    return {
      ok: false,
      status: 409,
      message: `import "${id}" is being committed (since ${state.startedAt.slice(0, 19).replace("T", " ")} UTC): wait for it`,
    };
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
  return { ok: true, value: { definition: staged.definition as unknown as DatasetDefinition } };
}

type Phase = "fitting" | "storing";
const PHASE_TEXT: Record<Phase, string> = { fitting: "fitting the cube", storing: "storing the new version" };

/**
 * The job: fit, store (one transaction), audit. Never rejects: a failure is logged with its cause,
 * audited as `commit.failed` with a message for the analyst, and leaves the active version as it
 * was (the store is one transaction). While it runs it appends a heartbeat every HEARTBEAT_MS.
 */
async function runJob(id: string, actor: string, def: DatasetDefinition, startedAt: Date): Promise<Committed> {
  const prisma = getDb().prisma;
  let phase: Phase = "fitting";
  const stopBeating = heartbeat(id, actor, startedAt, () => phase);
  let before = 0;
  try {
    const last = await prisma.dataset.findFirst({
      where: { key: def.key },
      orderBy: { version: "desc" },
      select: { version: true },
    });
    before = last?.version ?? 0;
    const result = await seedDataset(prisma, def, {
      createdBy: actor,
      importId: id,
      fit: async (d) => {
        const rows = await fitCubeInWorker(d);
        phase = "storing";
        return rows;
      },
    });
    if (!result.created) {
      // The same import, committed by a concurrent request (here or on another instance), won.
      const winner = await prisma.dataset.findUnique({ where: { id: result.datasetId }, select: { importId: true } });
      if (winner?.importId === id)
        return { ok: false, status: 409, message: `import "${id}" was already committed as ${result.datasetId}` };
      await prisma.activation.create({ data: { datasetKey: def.key, datasetId: result.datasetId, actor } });
    }
    const ds = await prisma.dataset.findUniqueOrThrow({
      where: { id: result.datasetId },
      select: { id: true, version: true },
    });
    await audit({ action: "commit", actor, target: ds.id, detail: { import: id, facts: result.facts } });
    return { ok: true, value: { id: ds.id, version: ds.version, created: result.created } };
  } catch (error) {
    return await jobFailed(id, actor, def, phase, before, error);
  } finally {
    stopBeating();
  }
}

async function jobFailed(
  id: string,
  actor: string,
  def: DatasetDefinition,
  phase: Phase,
  before: number,
  error: unknown,
): Promise<Committed> {
  const prisma = getDb().prisma;
  log.error({ err: error, import: id, phase }, "commit failed");
  try {
    // Failed after the version was stored (its audit entry, say): the import is committed.
    const done = await prisma.dataset.findUnique({ where: { importId: id }, select: { id: true, version: true } });
    if (done) return { ok: true, value: { id: done.id, version: done.version, created: true } };
    const newest = isUniqueViolation(error)
      ? await prisma.dataset.findFirst({
          where: { key: def.key },
          orderBy: { version: "desc" },
          select: { version: true },
        })
      : null;
    const outcome: Committed =
      newest && newest.version > before
        ? // Another import of the same data set took the next version number at the same moment.
          {
            ok: false,
            status: 409,
            message: "another version of this data set was committed at the same moment: commit again",
          }
        : isDbUnavailable(error)
          ? {
              ok: false,
              status: 503,
              message: `the database could not be reached while ${PHASE_TEXT[phase]}: nothing was stored and the active version is unchanged; commit again once it is back`,
            }
          : {
              ok: false,
              status: 500,
              message: `the commit failed while ${PHASE_TEXT[phase]}: nothing was stored and the active version is unchanged. Commit again; if it fails again, the server log has the cause (import ${id})`,
            };
    if (!outcome.ok)
      await appendJobEntry("commit.failed", id, actor, { phase, status: outcome.status, message: outcome.message });
    return outcome;
  } catch (recording) {
    log.error({ err: recording, import: id }, "commit failure not recorded");
    return {
      ok: false,
      status: 503,
      message: `the commit failed while ${PHASE_TEXT[phase]} and the database could not be reached: commit again once it is back`,
    };
  }
}
