import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getSessionUser, type Role, type SessionUser } from "./auth";

const RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };

/** For admin pages: the user, or a redirect to sign-in; `allowed` false when the role is too low. */
export async function pageUser(path: string, role: Role): Promise<{ user: SessionUser; allowed: boolean }> {
  const user = await getSessionUser(await headers());
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  return { user, allowed: RANK[user.role] >= RANK[role] };
}
