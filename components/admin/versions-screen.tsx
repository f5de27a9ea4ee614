"use client";

import { useEffect, useState } from "react";
import type { VersionDiff, VersionListing } from "@/lib/import/types";
import { ChangesTable, ModelledMovesList, RemovalsTable } from "./preview-tables";

const when = (iso: string | null) => (iso ? new Date(iso).toISOString().slice(0, 16).replace("T", " ") + " UTC" : "—");

/**
 * The pair the comparison opens on: an active version against the one it was built on (what its
 * import was checked against, so the analyst's own changes show), else the one before it (the data
 * set with the most recent import first); never the same version twice.
 */
export function defaultPair(versions: VersionListing[]): { from: string; to: string } {
  const actives = versions
    .filter((v) => v.active && versions.some((w) => w.key === v.key && w.version < v.version))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const to = actives[0] ?? versions.find((v) => v.active) ?? versions[0];
  if (!to) return { from: "", to: "" };
  const base = versions.find((v) => v.id === to.builtOn && v.id !== to.id);
  const before =
    base ?? versions.filter((v) => v.key === to.key && v.version < to.version).sort((a, b) => b.version - a.version)[0];
  const from = before ?? versions.find((v) => v.id !== to.id);
  return { from: from?.id ?? "", to: to.id };
}

/** Versions of every data set: activate (or roll back), export, open pinned, diff any two. */
export function VersionsScreen({ versions, canActivate }: { versions: VersionListing[]; canActivate: boolean }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const pair = defaultPair(versions);
  const [from, setFrom] = useState(pair.from);
  const [to, setTo] = useState(pair.to);
  const opensCompared = pair.from !== "" && pair.to !== "" && pair.from !== pair.to;
  const [diff, setDiff] = useState<{
    state: "idle" | "loading" | "error" | "done";
    result?: VersionDiff;
    text?: string;
  }>({ state: opensCompared ? "loading" : "idle" });

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

  async function compare(a = from, b = to) {
    if (!a || !b) return;
    if (a === b) {
      setDiff({ state: "error", text: "Pick two different versions to compare" });
      return;
    }
    setDiff({ state: "loading" });
    await load(a, b);
  }

  async function load(a: string, b: string) {
    try {
      const r = await fetch(`/api/v1/datasets/${encodeURIComponent(b)}/diff?against=${encodeURIComponent(a)}`);
      const body = await r.json().catch(() => ({}));
      if (r.ok) setDiff({ state: "done", result: body as VersionDiff });
      else setDiff({ state: "error", text: body.error?.message ?? `HTTP ${r.status}` });
    } catch {
      setDiff({ state: "error", text: "The server could not be reached" });
    }
  }

  // The screen opens on the active version against the one before it, already compared.
  useEffect(() => {
    if (opensCompared) void load(pair.from, pair.to);
    // Once, on opening: later comparisons are the analyst's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

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
        {diff.state === "done" && diff.result && <DiffResult diff={diff.result} />}
      </section>
    </div>
  );
}

function DiffResult({ diff }: { diff: VersionDiff }) {
  const n = diff.changes.length;
  const moved = diff.modelled.reduce((a, m) => a + m.cells, 0);
  if (n === 0 && diff.removed.length === 0 && moved === 0 && diff.minor === 0) return <p>No differences.</p>;
  return (
    <div className="space-y-3">
      <h3 className="font-medium">
        {diff.relation === "import"
          ? `Figures the analyst changed (${n})`
          : `Figures that changed by more than display rounding (${n})`}
      </h3>
      {n === 0 ? (
        <p className="text-sm">None.</p>
      ) : (
        <ChangesTable changes={diff.changes} caption={`Differences from ${diff.from} to ${diff.to}`} />
      )}
      {diff.minor > 0 && (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          {diff.minor.toLocaleString("en-US")} more given figure{diff.minor === 1 ? "" : "s"} changed by less than
          display rounding (0.05).
        </p>
      )}
      {diff.removed.length > 0 && (
        <div className="space-y-1">
          <h3 className="font-medium">Figures removed ({diff.removed.length.toLocaleString("en-US")})</h3>
          <RemovalsTable removals={diff.removed} caption={`Figures removed from ${diff.from} to ${diff.to}`} />
        </div>
      )}
      <ModelledMovesList moves={diff.modelled} caption="Modelled cells the fit moved" />
    </div>
  );
}
