import type { Metadata } from "next";
import { oidcEnabled } from "@/lib/server/auth";
import { getEnv } from "@/lib/server/env";
import { SignInForm } from "@/components/admin/sign-in-form";
import { safeNextPath } from "./next-path";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  // Only same-origin paths: never an open redirect (the form checks again before following it).
  const target = safeNextPath(next);
  return (
    <div className="mx-auto max-w-sm space-y-4">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <SignInForm next={target} oidc={oidcEnabled() ? getEnv().OIDC_NAME : null} />
    </div>
  );
}
