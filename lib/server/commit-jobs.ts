import "server-only";
import { hostname } from "node:os";
import { auditRow, type AuditEntry } from "./audit";
import { getDb } from "./db";
import { log } from "./log";
import type { CommitToShow } from "@/lib/import/types";

/**
 * The state of an import's commit, read from the database so that every instance of the app answers
 * the same: the version whose importId is the import means committed; otherwise the newest of the
 * import's append-only audit entries `commit.started`, `commit.running` (a heartbeat while the job
 * works) and `commit.failed` says running or failed. A job that has shown no progress for
 * STALE_AFTER_MS (its process stopped) counts as interrupted: failed, and it may be committed again.
 */

/** How long a commit request waits for its job before answering 202 (COMMIT_WAIT_MS overrides it). */
export const COMMIT_WAIT_MS = 2_000;
/** How often a running job appends its heartbeat (`commit.running`). */
export const HEARTBEAT_MS = 60_000;
/** A job without a heartbeat for this long is interrupted (ten missed heartbeats). */
export const STALE_AFTER_MS = 10 * HEARTBEAT_MS;
/** Where a commit is polled. */
export const pollPath = (id: string) => `/api/v1/imports/${id}/commit`;

/** COMMIT_WAIT_MS when set (0 to 60,000 ms; 0 answers 202 at once), else the default. */
export function commitWaitMs(): number {
  const raw = process.env.COMMIT_WAIT_MS?.trim();
  if (!raw) return COMMIT_WAIT_MS;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 0 || ms > 60_000)
    throw new Error(`COMMIT_WAIT_MS must be a whole number of milliseconds from 0 to 60000 (got "${raw}")`);
  return ms;
}

export type CommitJob =
  | { import: string; status: "not-started" }
  | { import: string; status: "running"; startedAt: string; actor: string | null; elapsedMs: number }
  | {
      import: string;
      status: "committed";
      startedAt: string | null;
      finishedAt: string;
      dataset: { id: string; version: number };
    }
  | {
      import: string;
      status: "failed";
      startedAt: string;
      finishedAt: string | null;
      interrupted: boolean;
      message: string;
    };

const JOB_ACTIONS = ["commit.started", "commit.running", "commit.failed"];
const INSTANCE = `${hostname()}:${process.pid}`;
const globalForJobs = globalThis as unknown as { __commitJobs?: Set<string> };

/** The imports this process is committing (the in-process half of "one commit at a time"). */
export function localJobs(): Set<string> {
  return (globalForJobs.__commitJobs ??= new Set());
}

/** Appends one of the job's audit entries and returns when the database recorded it. */
export async function appendJobEntry(
  action: "commit.started" | "commit.running" | "commit.failed",
  id: string,
  actor: string,
  detail: Record<string, unknown> = {},
): Promise<Date> {
  const entry: AuditEntry = { action, actor, target: id, detail: { import: id, instance: INSTANCE, ...detail } };
  const row = await getDb().prisma.auditEvent.create({ data: auditRow(entry), select: { createdAt: true } });
  return row.createdAt;
}

/**
 * Appends `commit.running` every `everyMs` (with the job's phase and its seconds so far) until the
 * returned stop is called: the progress by which every instance tells a job that runs from one whose
 * process stopped. A heartbeat the database does not take is logged; the job goes on.
 */
export function heartbeat(
  id: string,
  actor: string,
  startedAt: Date,
  phase: () => string,
  everyMs = HEARTBEAT_MS,
): () => void {
  const timer = setInterval(() => {
    const seconds = Math.round((Date.now() - startedAt.getTime()) / 1000);
    appendJobEntry("commit.running", id, actor, { phase: phase(), seconds }).catch((error: unknown) =>
      log.warn({ err: error, import: id }, "commit heartbeat not recorded"),
    );
  }, everyMs);
  timer.unref?.();
  return () => clearInterval(timer);
}

const interruptedMessage = (since: Date) =>
  `the commit was interrupted: it has shown no progress since ${since.toISOString().slice(0, 16).replace("T", " ")} UTC (the server stopped while it ran). Nothing was stored and the active version is unchanged: commit again`;

/**
 * The commit state of an import, or null when the import does not exist. `local`: whether this
 * process runs the import's job (then it is running, heartbeat or not); by default it looks.
 */
export async function commitJobState(
  id: string,
  now = new Date(),
  { local = localJobs().has(id) }: { local?: boolean } = {},
): Promise<CommitJob | null> {
  const prisma = getDb().prisma;
  const [staged, done, last, started] = await Promise.all([
    prisma.import.findUnique({ where: { id }, select: { id: true } }),
    prisma.dataset.findUnique({ where: { importId: id }, select: { id: true, version: true, createdAt: true } }),
    prisma.auditEvent.findFirst({
      where: { target: id, action: { in: JOB_ACTIONS } },
      orderBy: { id: "desc" },
      select: { action: true, createdAt: true, detail: true },
    }),
    prisma.auditEvent.findFirst({
      where: { target: id, action: "commit.started" },
      orderBy: { id: "desc" },
      select: { createdAt: true, actor: true },
    }),
  ]);
  if (!staged) return null;
  if (done)
    return {
      import: id,
      status: "committed",
      startedAt: started?.createdAt.toISOString() ?? null,
      finishedAt: done.createdAt.toISOString(),
      dataset: { id: done.id, version: done.version },
    };
  if (!last || !started) return { import: id, status: "not-started" };
  if (last.action === "commit.failed") {
    const message = (last.detail as { message?: unknown } | null)?.message;
    return {
      import: id,
      status: "failed",
      startedAt: started.createdAt.toISOString(),
      finishedAt: last.createdAt.toISOString(),
      interrupted: false,
      message: typeof message === "string" ? message : "the commit failed: nothing was stored; commit again",
    };
  }
  const quiet = now.getTime() - last.createdAt.getTime();
  if (quiet > STALE_AFTER_MS && !local)
    return {
      import: id,
      status: "failed",
      startedAt: started.createdAt.toISOString(),
      finishedAt: null,
      interrupted: true,
      message: interruptedMessage(last.createdAt),
    };
  return {
    import: id,
    status: "running",
    startedAt: started.createdAt.toISOString(),
    actor: started.actor,
    elapsedMs: Math.max(0, now.getTime() - started.createdAt.getTime()),
  };
}

/** The commits running now (on any instance), newest first, with the staged file's name. */
export async function runningCommits(
  now = new Date(),
): Promise<(Extract<CommitJob, { status: "running" }> & { fileName: string })[]> {
  const prisma = getDb().prisma;
  const recent = await prisma.auditEvent.findMany({
    where: { action: "commit.started", createdAt: { gte: new Date(now.getTime() - 24 * 3_600_000) } },
    orderBy: { id: "desc" },
    take: 20,
    select: { target: true },
  });
  const ids = [...new Set(recent.map((r) => r.target).filter((t): t is string => !!t))];
  const out: (Extract<CommitJob, { status: "running" }> & { fileName: string })[] = [];
  for (const id of ids) {
    const state = await commitJobState(id, now);
    if (state?.status !== "running") continue;
    const staged = await prisma.import.findUnique({ where: { id }, select: { fileName: true } });
    out.push({ ...state, fileName: staged?.fileName ?? id });
  }
  return out;
}

/**
 * What the import page opens on: the commit it names (`?commit=`, set while one runs, so a reload
 * finds it running or sees how it ended), else the newest commit running on any instance, else none.
 */
export async function commitToShow(named?: string | null, now = new Date()): Promise<CommitToShow | null> {
  if (named && /^[0-9a-f-]{36}$/.test(named)) {
    const state = await commitJobState(named, now);
    if (state && state.status !== "not-started") {
      const staged = await getDb().prisma.import.findUnique({ where: { id: named }, select: { fileName: true } });
      return {
        id: named,
        name: staged?.fileName ?? named,
        status: state.status,
        elapsedMs: state.status === "running" ? state.elapsedMs : 0,
        dataset: state.status === "committed" ? state.dataset : null,
        message: state.status === "failed" ? state.message : null,
      };
    }
  }
  const running = (await runningCommits(now))[0];
  return running
    ? {
        id: running.import,
        name: running.fileName,
        status: "running",
        elapsedMs: running.elapsedMs,
        dataset: null,
        message: null,
      }
    : null;
}
