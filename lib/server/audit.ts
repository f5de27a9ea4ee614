import "server-only";
import { getDb } from "./db";

export type AuditAction =
  | "sign-in"
  | "sign-in.failed"
  | "sign-in.throttled"
  | "sign-in.alert"
  | "import"
  | "import.rejected"
  | "commit"
  | "commit.unconfirmed"
  | "commit.started"
  | "commit.running"
  | "commit.failed"
  | "activate"
  | "user.create"
  | "scenario.save"
  | "scenario.delete";

export interface AuditEntry {
  action: AuditAction;
  actor: string | null;
  ip?: string | null;
  target?: string | null;
  detail?: Record<string, unknown>;
}

/**
 * What one entry may hold. Some entries come from anonymous requests (failed sign-ins), and the
 * log is append-only: nobody can clean up what an attacker writes, so every field is bounded.
 */
export const AUDIT_LIMITS = { actor: 254, ip: 64, target: 256, detailString: 256, detailJson: 2_048 } as const;

function clip(text: string | null | undefined, max: number): string | null {
  if (text === null || text === undefined) return null;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Strings in the detail are cut to 256 characters; a detail still over 2 KB is replaced by its size. */
export function boundDetail(detail: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!detail) return undefined;
  const json = JSON.stringify(detail, (_key, value: unknown) =>
    typeof value === "string" ? clip(value, AUDIT_LIMITS.detailString) : value,
  );
  if (json.length <= AUDIT_LIMITS.detailJson) return JSON.parse(json) as Record<string, unknown>;
  return { truncated: true, bytes: json.length };
}

/** The row an entry becomes, its fields bounded (for a caller that writes it in its own transaction). */
export function auditRow(entry: AuditEntry) {
  return {
    action: entry.action,
    actor: clip(entry.actor, AUDIT_LIMITS.actor),
    ip: clip(entry.ip, AUDIT_LIMITS.ip),
    target: clip(entry.target, AUDIT_LIMITS.target),
    detail: boundDetail(entry.detail) as object | undefined,
  };
}

/** Appends one entry to the audit log (the table refuses updates and deletes). */
export async function audit(entry: AuditEntry): Promise<void> {
  await getDb().prisma.auditEvent.create({ data: auditRow(entry) });
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
