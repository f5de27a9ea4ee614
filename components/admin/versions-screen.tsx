"use client";

import { useState } from "react";
import type { Change } from "@/lib/import/types";
import type { VersionListing } from "@/lib/import/types";
import { ChangesTable } from "./preview-tables";

const when = (iso: string | null) => (iso ? new Date(iso).toISOString().slice(0, 16).replace("T", " ") + " UTC" : "—");

/** Versions of every data set: activate (or roll back), export, open pinned, diff any two. */
export function VersionsScreen({ versions, canActivate }: { versions: VersionListing[]; canActivate: boolean }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [from, setFrom] = useState(versions[1]?.id ?? "");
  const [to, setTo] = useState(versions[0]?.id ?? "");
  const [diff, setDiff] = useState<{ state: "idle" | "loading" | "error" | "done"; changes?: Change[]; text?: string }>(
    { state: "idle" },
  );

  async function activate(id: string) {
    setBusy(id);
    try {
      const r = await fetch(`/api/v1/datasets/${encodeURIComponent(id)}/activate`, { method: "POST" });
      const body = await r.json().catch(() => ({}));
      if (r.ok) window.location.reload();
      else setMessage({ ok: false, text: body.error?.message ?? `Activation failed (HTTP ${r.status})` });
    } catch {
      setMessage({ ok: false, text: "The server could not be reached" });
    } finally {
      setBusy(null);
    }
  }

  async function compare() {
    setDiff({ state: "loading" });
    try {
      const r = await fetch(`/api/v1/datasets/${encodeURIComponent(to)}/diff?against=${encodeURIComponent(from)}`);
      const body = await r.json().catch(() => ({}));
      if (r.ok) setDiff({ state: "done", changes: body.changes });
      else setDiff({ state: "error", text: body.error?.message ?? `HTTP ${r.status}` });
    } catch {
      setDiff({ state: "error", text: "The server could not be reached" });
    }
  }

  if (versions.length === 0)
    return (
      <p>
        No data set is loaded yet: run <code>npm run db:setup</code>.
      </p>
    );
  const keys = [...new Set(versions.map((v) => v.key))];
  return (
    <div className="space-y-6">
      {message && (
        <p
          role="alert"
          className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100"
        >
          {message.text}
        </p>
      )}
      {keys.map((key) => {
        const rows = versions.filter((v) => v.key === key);
        return (
          <section key={key} aria-label={rows[0].title} className="space-y-2">
            <h2 className="text-lg font-semibold">
              {rows[0].title}{" "}
              <span className="text-sm font-normal text-slate-600 dark:text-slate-400">· {rows[0].publisher}</span>
            </h2>
            <div className="overflow-x-auto rounded border border-slate-200 dark:border-slate-800">
              <table className="w-full text-sm">
                <thead className="bg-slate-100 dark:bg-slate-800">
                  <tr>
                    {["Version", "Status", "Created", "Imported by", "Last activated", "", ""].map((h, i) => (
                      <th key={i} className="px-2 py-1 text-left font-medium">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((v) => (
                    <tr key={v.id} data-version={v.id} className="border-t border-slate-100 dark:border-slate-800">
                      <td className="px-2 py-1 font-mono">{v.id}</td>
                      <td className="px-2 py-1">
                        {v.active ? (
                          <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100">
                            active
                          </span>
                        ) : (
                          "superseded"
                        )}
                      </td>
                      <td className="px-2 py-1">{when(v.createdAt)}</td>
                      <td className="px-2 py-1">{v.importedBy ?? "setup"}</td>
                      <td className="px-2 py-1">
                        {v.activatedAt ? `${when(v.activatedAt)} by ${v.activatedBy ?? "setup"}` : "—"}
                      </td>
                      <td className="px-2 py-1">
                        <a className="underline" href={`/?dataset=${encodeURIComponent(v.id)}`}>
                          Open
                        </a>{" "}
                        ·{" "}
                        <a
                          className="underline"
                          href={`/api/v1/datasets/${encodeURIComponent(v.id)}/export?format=csv`}
                        >
                          CSV
                        </a>{" "}
                        ·{" "}
                        <a
                          className="underline"
                          href={`/api/v1/datasets/${encodeURIComponent(v.id)}/export?format=xlsx`}
                        >
                          XLSX
                        </a>
                      </td>
                      <td className="px-2 py-1">
                        {canActivate && !v.active && (
                          <button
                            type="button"
                            disabled={busy !== null}
                            onClick={() => void activate(v.id)}
                            className="rounded border border-slate-300 px-2 py-0.5 dark:border-slate-700"
                          >
                            {busy === v.id ? "Activating…" : "Activate"}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
      <section aria-label="Compare versions" className="space-y-2">
        <h2 className="text-lg font-semibold">Compare two versions</h2>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <label>
            From{" "}
            <select
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              className="rounded border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
            >
              {versions.map((v) => (
                <option key={v.id}>{v.id}</option>
              ))}
            </select>
          </label>
          <label>
            to{" "}
            <select
              value={to}
              onChange={(e) => setTo(e.target.value)}
              className="rounded border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
            >
              {versions.map((v) => (
                <option key={v.id}>{v.id}</option>
              ))}
            </select>
          </label>
          <button
            type="button"
            onClick={() => void compare()}
            className="rounded bg-slate-900 px-3 py-1 text-white dark:bg-slate-100 dark:text-slate-900"
          >
            Compare
          </button>
        </div>
        {diff.state === "loading" && <p aria-busy="true">Comparing…</p>}
        {diff.state === "error" && <p role="alert">{diff.text}</p>}
        {diff.state === "done" &&
          (diff.changes!.length === 0 ? (
            <p>No differences.</p>
          ) : (
            <ChangesTable changes={diff.changes!} caption={`Differences from ${from} to ${to}`} />
          ))}
      </section>
    </div>
  );
}
