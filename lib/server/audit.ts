import "server-only";
import { getDb } from "./db";

export type AuditAction =
  "sign-in" | "sign-in.failed" | "import" | "import.rejected" | "commit" | "activate" | "user.create";

export interface AuditEntry {
  action: AuditAction;
  actor: string | null;
  ip?: string | null;
  target?: string | null;
  detail?: Record<string, unknown>;
}

/** Appends one entry to the audit log (the table refuses updates and deletes). */
export async function audit(entry: AuditEntry): Promise<void> {
  await getDb().prisma.auditEvent.create({
    data: {
      action: entry.action,
      actor: entry.actor,
      ip: entry.ip ?? null,
      target: entry.target ?? null,
      detail: entry.detail ? JSON.parse(JSON.stringify(entry.detail)) : undefined,
    },
  });
}

/**
 * Failed sign-ins for this email in the last `minutes`. Counted per account, from the shared
 * database, so every app instance sees them; attempts per address are limited by better-auth.
 */
export async function recentFailures(email: string, minutes: number): Promise<number> {
  const since = new Date(Date.now() - minutes * 60_000);
  return getDb().prisma.auditEvent.count({
    where: { action: "sign-in.failed", actor: email, createdAt: { gte: since } },
  });
}

export interface AuditRow {
  id: number;
  at: string;
  action: string;
  actor: string | null;
  ip: string | null;
  target: string | null;
  detail: unknown;
}

export async function listAudit(limit = 200): Promise<AuditRow[]> {
  const rows = await getDb().prisma.auditEvent.findMany({ orderBy: { id: "desc" }, take: limit });
  return rows.map((r) => ({
    id: r.id,
    at: r.createdAt.toISOString(),
    action: r.action,
    actor: r.actor,
    ip: r.ip,
    target: r.target,
    detail: r.detail,
  }));
}
