import type { Metadata } from "next";
import { oidcEnabled } from "@/lib/server/auth";
import { getEnv } from "@/lib/server/env";
import { SignInForm } from "@/components/admin/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  // Only same-site paths: never an open redirect.
  const target = next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
  return (
    <div className="mx-auto max-w-sm space-y-4">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <SignInForm next={target} oidc={oidcEnabled() ? getEnv().OIDC_NAME : null} />
    </div>
  );
}
