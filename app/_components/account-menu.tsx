import Link from "next/link";
import { headers } from "next/headers";
import { getSessionUser } from "@/lib/server/auth";
import { SignOutButton } from "@/components/admin/sign-out-button";

/** Signed in: who, the admin screens their role opens, sign out. Otherwise a sign-in link. */
export async function AccountMenu() {
  const user = await getSessionUser(await headers()).catch(() => null);
  if (!user)
    return (
      <Link href="/sign-in" prefetch={false} className="text-xs underline">
        Sign in
      </Link>
    );
  return (
    <span className="flex items-center gap-2 text-xs">
      {user.role !== "viewer" && (
        <Link href="/admin/import" prefetch={false} className="underline">
          Import
        </Link>
      )}
      <Link href="/admin/datasets" prefetch={false} className="underline">
        Versions
      </Link>
      {user.role === "admin" && (
        <Link href="/admin/audit" prefetch={false} className="underline">
          Audit
        </Link>
      )}
      <span title={user.email}>
        {user.name} ({user.role})
      </span>
      <SignOutButton />
    </span>
  );
}
