"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { changesFigures } from "@/lib/import/diff";
import type { MemberMapping } from "@/lib/import/safeguards";
import type { ImportError, Preview } from "@/lib/import/types";
import { PreviewTables, ErrorTable } from "./preview-tables";
import { StoryChanges } from "./story-changes";
import type { CommitToShow } from "@/lib/import/types";

type State =
  | { kind: "idle" }
  | { kind: "uploading"; name: string }
  | { kind: "preview"; id: string; name: string; preview: Preview; file: File }
  | { kind: "errors"; name: string; errors: ImportError[]; total: number; message: string }
  | { kind: "failed"; message: string }
  /**
   * A commit under way: `polling` once the server answered that it runs (202), or when the page
   * opened on a running commit (no preview then); `since` is when it started, by this browser's clock.
   */
  | { kind: "committing"; id: string; name: string; preview?: Preview; file?: File; since: number; polling: boolean }
  | { kind: "committed"; dataset: { id: string; version: number } };

/** A commit the page opens on (see commitToShow): the one named by `?commit=`, or one running. */
export type ResumedCommit = CommitToShow;

/** How often a running commit is polled. */
const POLL_MS = 2_000;

function initialState(resume: ResumedCommit | null | undefined): State {
  if (!resume) return { kind: "idle" };
  if (resume.status === "committed" && resume.dataset) return { kind: "committed", dataset: resume.dataset };
  if (resume.status === "failed") return { kind: "failed", message: resume.message ?? "The commit failed" };
  return { kind: "committing", id: resume.id, name: resume.name, since: Date.now() - resume.elapsedMs, polling: true };
}

/** "45 s", "3 min 07 s". */
function elapsedText(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
}

/** The page's address names the commit that runs, so a reload finds it (null: names none). */
function showInAddress(id: string | null) {
  const url = new URL(window.location.href);
  if (id) url.searchParams.set("commit", id);
  else url.searchParams.delete("commit");
  window.history.replaceState(window.history.state, "", url);
}

/** Drop a file, see every change or every bad cell, then commit. */
export function ImportScreen({
  versions,
  resume,
}: {
  versions: { id: string; label: string; active: boolean }[];
  resume?: ResumedCommit | null;
}) {
  const [state, setState] = useState<State>(() => initialState(resume));
  // The clock of the "Committing…" line, ticking while a commit runs (null until the first tick).
  const [now, setNow] = useState<number | null>(null);
  // Polls that could not reach the server in a row (the commit goes on there regardless).
  const [missed, setMissed] = useState(0);
  const [base, setBase] = useState("");
  const [dragging, setDragging] = useState(false);
  // The story (drivers, trends, use cases, groups) travels beside the figures as story.json.
  const [story, setStory] = useState<File | null>(null);
  // What the analyst confirmed in the preview: the removals, and members that are really new.
  const [removalsOk, setRemovalsOk] = useState(false);
  const [newOk, setNewOk] = useState<string[]>([]);
  // New member names of the file mapped to existing members (sent again with the file).
  const [mapping, setMapping] = useState<MemberMapping[]>([]);

  const committingSince = state.kind === "committing" ? state.since : null;
  useEffect(() => {
    if (committingSince === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [committingSince]);

  // Polls a running commit until it is committed or failed, then shows it as a 201 would have.
  const pollingId = state.kind === "committing" && state.polling ? state.id : null;
  useEffect(() => {
    if (!pollingId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let misses = 0;
    const tick = async () => {
      try {
        const r = await fetch(`/api/v1/imports/${pollingId}/commit`, { cache: "no-store" });
        const body = await r.json().catch(() => ({}));
        if (stopped) return;
        const status = body.job?.status;
        if (r.ok && status === "committed") return setState({ kind: "committed", dataset: body.dataset });
        if (r.ok && status === "failed") return setState({ kind: "failed", message: body.job.message });
        // Signed out, say: the commit goes on, only this page can no longer follow it.
        if (r.status >= 400 && r.status < 500)
          return setState({
            kind: "failed",
            message: `The commit's progress could not be read (${body.error?.message ?? `HTTP ${r.status}`}): it may still be running. Reload this page to see it.`,
          });
        misses = r.ok && status === "running" ? 0 : misses + 1;
      } catch {
        misses += 1;
      }
      if (stopped) return;
      setMissed(misses);
      timer = setTimeout(() => void tick(), POLL_MS);
    };
    timer = setTimeout(() => void tick(), POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [pollingId]);

  async function upload(file: File, map: MemberMapping[] = []) {
    showInAddress(null);
    setState({ kind: "uploading", name: file.name });
    setRemovalsOk(false);
    setNewOk([]);
    setMapping(map);
    const form = new FormData();
    form.set("file", file);
    if (story) form.set("story", story);
    if (base) form.set("dataset", base);
    if (map.length) form.set("map", JSON.stringify(map));
    try {
      const r = await fetch("/api/v1/imports", { method: "POST", body: form });
      const body = await r.json().catch(() => ({}));
      if (r.status === 201) setState({ kind: "preview", id: body.id, name: file.name, preview: body.preview, file });
      else if (r.status === 422)
        setState({
          kind: "errors",
          name: file.name,
          errors: body.errors ?? [],
          total: body.errorCount ?? body.errors?.length ?? 0,
          message: body.error?.message ?? "",
        });
      else setState({ kind: "failed", message: body.error?.message ?? `Upload failed (HTTP ${r.status})` });
    } catch {
      setState({ kind: "failed", message: "The server could not be reached" });
    }
  }

  async function commit(id: string, name: string, preview: Preview, file: File) {
    setState({ kind: "committing", id, name, preview, file, since: Date.now(), polling: false });
    setMissed(0);
    try {
      const r = await fetch(`/api/v1/imports/${id}/commit`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ confirmRemovals: removalsOk, confirmNewMembers: newOk }),
      });
      const body = await r.json().catch(() => ({}));
      if (r.status === 201) setState({ kind: "committed", dataset: body.dataset });
      else if (r.status === 202) {
        // Still fitting and storing: poll until it ends (a reload finds it through the address).
        showInAddress(id);
        setState((s) => (s.kind === "committing" && s.id === id ? { ...s, polling: true } : s));
      } else setState({ kind: "failed", message: body.error?.message ?? `Commit failed (HTTP ${r.status})` });
    } catch {
      setState({ kind: "failed", message: "The server could not be reached" });
    }
  }

  // The preview on screen: the file's, or the one being committed from it.
  const busy = state.kind === "committing";
  const shown =
    state.kind === "preview"
      ? state
      : state.kind === "committing" && state.preview && state.file
        ? { ...state, preview: state.preview, file: state.file }
        : null;

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          Story file (optional)
          <input
            type="file"
            accept=".json,application/json"
            className="ml-2 text-sm"
            onChange={(e) => setStory(e.target.files?.[0] ?? null)}
          />
        </label>
        <label className="text-sm">
          Build on
          <select
            value={base}
            onChange={(e) => setBase(e.target.value)}
            className="ml-2 rounded border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
          >
            <option value="">the active version (or a new data set for another publisher)</option>
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {v.label}
                {v.active ? " (active)" : ""}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const file = e.dataTransfer.files[0];
          if (file) void upload(file);
        }}
        className={`flex cursor-pointer flex-col items-center justify-center rounded-lg border-2 border-dashed p-8 text-center text-sm ${
          dragging
            ? "border-sky-500 bg-sky-50 dark:bg-sky-950"
            : "border-slate-300 bg-white dark:border-slate-700 dark:bg-slate-900"
        }`}
      >
        <span className="font-medium">Drop a CSV or XLSX file here, or click to choose one</span>
        <span className="mt-1 text-slate-600 dark:text-slate-400">
          CSV: <code>table,member,year,value,basis</code> · XLSX: one sheet per table, members × years, plus{" "}
          <code>meta</code>. Nothing is written before you commit.
        </span>
        <input
          type="file"
          accept=".csv,.xlsx,text/csv"
          aria-label="File to import"
          className="sr-only"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void upload(file);
            e.target.value = "";
          }}
        />
      </label>

      {state.kind === "uploading" && (
        <p aria-busy="true" className="text-sm">
          Reading and checking {state.name}…
        </p>
      )}
      {state.kind === "failed" && (
        <p
          role="alert"
          className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100"
        >
          {state.message}
        </p>
      )}
      {state.kind === "errors" && (
        <section aria-label="Problems" className="space-y-2">
          <h2 className="text-lg font-semibold text-red-800 dark:text-red-300">
            {state.total.toLocaleString("en-US")} problem{state.total === 1 ? "" : "s"} in {state.name}: nothing was
            written
          </h2>
          {state.total > state.errors.length && (
            <p className="text-sm">
              The first {state.errors.length.toLocaleString("en-US")} are listed: fix them and upload the file again.
            </p>
          )}
          <ErrorTable errors={state.errors} />
        </section>
      )}
      {state.kind === "committing" && (
        <p
          role="status"
          aria-busy="true"
          className="rounded border border-sky-300 bg-sky-50 p-3 text-sm text-sky-950 dark:border-sky-700 dark:bg-sky-950 dark:text-sky-100"
        >
          Committing {state.name}… (fitting and storing the new version)
          {now !== null && (
            <span aria-hidden="true" className="ml-1 tabular-nums">
              · {elapsedText(now - state.since)}
            </span>
          )}
          {state.polling && (
            <span className="block text-xs text-sky-800 dark:text-sky-200">
              {missed > 0
                ? "The server could not be reached just now: trying again. The commit goes on there."
                : "This takes a few minutes for a large report. You may leave this page: reopening it shows the commit."}
            </span>
          )}
        </p>
      )}
      {shown && (
        <section aria-label="Preview" className="space-y-3">
          <PreviewTables name={shown.name} preview={shown.preview} />
          {mapping.length > 0 && (
            <p role="status" className="text-sm">
              Read as existing members: {mapping.map((x) => `${x.table} '${x.from}' → ${x.to}`).join(", ")}.
            </p>
          )}
          {shown.preview.story && <StoryChanges changes={shown.preview.story} />}
          {shown.preview.suggestions?.length > 0 && (
            <fieldset className="space-y-2 rounded border border-amber-300 p-3 text-sm dark:border-amber-800">
              <legend className="px-1 font-medium">Did you mean?</legend>
              {shown.preview.suggestions.map((sug) => (
                <div key={`${sug.table}|${sug.slug}`} className="flex flex-wrap items-center gap-3">
                  <span>
                    {sug.table} <strong>&lsquo;{sug.name}&rsquo;</strong> is new: did you mean{" "}
                    <strong>&lsquo;{sug.existing.name}&rsquo;</strong>?
                  </span>
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() =>
                      void upload(shown.file, [...mapping, { table: sug.table, from: sug.name, to: sug.existing.slug }])
                    }
                    className="rounded border border-slate-400 px-2 py-0.5 dark:border-slate-600"
                  >
                    Use {sug.existing.name}
                  </button>
                  <label className="flex items-center gap-1">
                    <input
                      type="checkbox"
                      checked={newOk.includes(sug.slug)}
                      onChange={(e) =>
                        setNewOk((xs) => (e.target.checked ? [...xs, sug.slug] : xs.filter((x) => x !== sug.slug)))
                      }
                    />
                    Keep &lsquo;{sug.name}&rsquo; as a new member
                  </label>
                </div>
              ))}
            </fieldset>
          )}
          {shown.preview.removalCount > 0 && (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={removalsOk} onChange={(e) => setRemovalsOk(e.target.checked)} />
              {shown.preview.removalCount === 1
                ? "Remove this figure: I checked it"
                : `Remove these ${shown.preview.removalCount.toLocaleString("en-US")} figures: I checked them`}
            </label>
          )}
          <button
            type="button"
            disabled={
              busy ||
              (!changesFigures(shown.preview) && !shown.preview.story?.length) ||
              (shown.preview.removalCount > 0 && !removalsOk) ||
              (shown.preview.suggestions ?? []).some((x) => !newOk.includes(x.slug))
            }
            onClick={() => void commit(shown.id, shown.name, shown.preview, shown.file)}
            className="rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white disabled:opacity-50 dark:bg-slate-100 dark:text-slate-900"
          >
            {busy ? "Committing… (fitting and storing the new version)" : "Commit as a new version and make it active"}
          </button>
          {((shown.preview.removalCount > 0 && !removalsOk) ||
            (shown.preview.suggestions ?? []).some((x) => !newOk.includes(x.slug))) && (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              Confirm the removals and answer each &ldquo;did you mean&rdquo; above to commit.
            </p>
          )}
        </section>
      )}
      {state.kind === "committed" && (
        <p
          role="status"
          className="rounded border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-100"
        >
          Committed: <span className="font-mono">{state.dataset.id}</span> (version {state.dataset.version}) is now
          active.{" "}
          <Link className="underline" href="/" prefetch={false}>
            Open the dashboard
          </Link>{" "}
          ·{" "}
          <Link className="underline" href="/admin/datasets" prefetch={false}>
            Versions
          </Link>
        </p>
      )}
    </div>
  );
}
