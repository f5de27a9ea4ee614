"use client";

import { useState } from "react";
import { safeNextPath } from "@/app/sign-in/next-path";

/** Email + password against better-auth's endpoint; optional single sign-on button. */
export function SignInForm({ next, oidc }: { next: string; oidc: string | null }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const r = await fetch("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
      });
      if (r.ok) {
        window.location.assign(safeNextPath(next, window.location.origin));
        return;
      }
      const body = (await r.json().catch(() => ({}))) as { message?: string; error?: { message?: string } };
      setError(
        r.status === 429
          ? (body.error?.message ?? "Too many attempts: wait a few minutes")
          : r.status === 401
            ? "Wrong email or password"
            : (body.error?.message ?? body.message ?? `Sign-in failed (HTTP ${r.status})`),
      );
    } catch {
      setError("The server could not be reached");
    } finally {
      setBusy(false);
    }
  }

  async function sso() {
    const r = await fetch("/api/auth/sign-in/oauth2", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ providerId: "oidc", callbackURL: safeNextPath(next, window.location.origin) }),
    });
    const body = (await r.json().catch(() => ({}))) as { url?: string };
    if (body.url) window.location.assign(body.url);
    else setError("Single sign-on is not available");
  }

  return (
    <form
      onSubmit={submit}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <label className="block text-sm">
        Email
        <input
          name="email"
          type="email"
          required
          autoComplete="username"
          className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5 dark:border-slate-700 dark:bg-slate-950"
        />
      </label>
      <label className="block text-sm">
        Password
        <input
          name="password"
          type="password"
          required
          autoComplete="current-password"
          className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5 dark:border-slate-700 dark:bg-slate-950"
        />
      </label>
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={busy}
        className="w-full rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60 dark:bg-slate-100 dark:text-slate-900"
      >
        {busy ? "Signing in…" : "Sign in"}
      </button>
      {oidc && (
        <button
          type="button"
          onClick={sso}
          className="w-full rounded border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700"
        >
          Continue with {oidc}
        </button>
      )}
    </form>
  );
}
