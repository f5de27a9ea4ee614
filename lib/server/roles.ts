import "server-only";
import { getDb } from "./db";

/**
 * The one way a user's role changes: `set_user_role()` appends the 'user.role' audit event and
 * updates the role in one statement. The database refuses any other role change (the
 * append_only_logs_and_roles migration), also for the owner, so every change is in the audit log.
 */
export async function setUserRole(userId: string, role: string, actor: string | null): Promise<void> {
  await getDb().prisma.$queryRawUnsafe(`SELECT "set_user_role"($1, $2, $3)`, userId, role, actor);
}

/** What better-auth's endpoint context tells of a role change: whose, and by whom. */
export function roleChangeOf(context: unknown): { userId: string; actor: string | null } | null {
  const ctx = context as { body?: { userId?: unknown }; context?: { session?: { user?: { email?: unknown } } } } | null;
  const userId = ctx?.body?.userId;
  if (typeof userId !== "string") return null;
  const email = ctx?.context?.session?.user?.email;
  return { userId, actor: typeof email === "string" ? email : null };
}
