"use client";

import Link from "next/link";
import { useState } from "react";
import type { ImportError, Preview } from "@/lib/import/types";
import { PreviewTables, ErrorTable } from "./preview-tables";
import { StoryChanges } from "./story-changes";

type State =
  | { kind: "idle" }
  | { kind: "uploading"; name: string }
  | { kind: "preview"; id: string; name: string; preview: Preview }
  | { kind: "errors"; name: string; errors: ImportError[]; total: number; message: string }
  | { kind: "failed"; message: string }
  | { kind: "committing"; id: string; name: string; preview: Preview }
  | { kind: "committed"; dataset: { id: string; version: number } };

/** Drop a file, see every change or every bad cell, then commit. */
export function ImportScreen({ versions }: { versions: { id: string; label: string; active: boolean }[] }) {
  const [state, setState] = useState<State>({ kind: "idle" });
  const [base, setBase] = useState("");
  const [dragging, setDragging] = useState(false);
  // The story (drivers, trends, use cases, groups) travels beside the figures as story.json.
  const [story, setStory] = useState<File | null>(null);

  async function upload(file: File) {
    setState({ kind: "uploading", name: file.name });
    const form = new FormData();
    form.set("file", file);
    if (story) form.set("story", story);
    if (base) form.set("dataset", base);
    try {
      const r = await fetch("/api/v1/imports", { method: "POST", body: form });
      const body = await r.json().catch(() => ({}));
      if (r.status === 201) setState({ kind: "preview", id: body.id, name: file.name, preview: body.preview });
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

  async function commit(id: string, name: string, preview: Preview) {
    setState({ kind: "committing", id, name, preview });
    try {
      const r = await fetch(`/api/v1/imports/${id}/commit`, { method: "POST" });
      const body = await r.json().catch(() => ({}));
      if (r.status === 201) setState({ kind: "committed", dataset: body.dataset });
      else setState({ kind: "failed", message: body.error?.message ?? `Commit failed (HTTP ${r.status})` });
    } catch {
      setState({ kind: "failed", message: "The server could not be reached" });
    }
  }

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
      {(state.kind === "preview" || state.kind === "committing") && (
        <section aria-label="Preview" className="space-y-3">
          <PreviewTables name={state.name} preview={state.preview} />
          {state.preview.story && <StoryChanges changes={state.preview.story} />}
          <button
            type="button"
            disabled={
              state.kind === "committing" ||
              (state.preview.changes.length === 0 &&
                state.preview.newMembers.length === 0 &&
                !state.preview.story?.length)
            }
            onClick={() => void commit(state.id, state.name, state.preview)}
            className="rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white disabled:opacity-50 dark:bg-slate-100 dark:text-slate-900"
          >
            {state.kind === "committing"
              ? "Committing… (fitting the cube)"
              : "Commit as a new version and make it active"}
          </button>
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
