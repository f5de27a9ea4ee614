"use client";

import { useSyncExternalStore } from "react";

/**
 * One visible toast for exports: the step in progress ("Rendering chart 3 of 7"), then "Downloaded
 * …", or a readable error with Retry. Polite live region while working, an alert on failure.
 */
export type ToastState =
  | { kind: "idle" }
  | { kind: "running"; title: string; step: string; done?: number; total?: number }
  | { kind: "done"; title: string; message: string }
  | { kind: "error"; title: string; message: string; retry: () => void };

let state: ToastState = { kind: "idle" };
const listeners = new Set<() => void>();
let hideTimer: ReturnType<typeof setTimeout> | undefined;

function set(next: ToastState) {
  clearTimeout(hideTimer);
  state = next;
  listeners.forEach((l) => l());
  if (next.kind === "done") hideTimer = setTimeout(() => set({ kind: "idle" }), 5000);
}

export interface ExportStep {
  (step: string, done?: number, total?: number): void;
}

/** Runs an export with the toast showing its steps; resolves whether it worked or not. */
export async function runExport(title: string, task: (step: ExportStep) => Promise<string>): Promise<boolean> {
  set({ kind: "running", title, step: "Starting…" });
  try {
    const message = await task((step, done, total) => set({ kind: "running", title, step, done, total }));
    set({ kind: "done", title, message });
    return true;
  } catch (error) {
    console.error(error);
    const reason = error instanceof Error && error.message ? error.message : String(error);
    set({ kind: "error", title, message: `${title} failed: ${reason}`, retry: () => void runExport(title, task) });
    return false;
  }
}

const subscribe = (l: () => void) => (listeners.add(l), () => void listeners.delete(l));

export function ExportToaster() {
  const s = useSyncExternalStore(
    subscribe,
    () => state,
    () => state,
  );
  const box = "fixed bottom-4 right-4 z-50 w-80 max-w-[calc(100vw-2rem)] rounded-lg border p-3 text-sm shadow-lg";
  return (
    <>
      <div
        role="status"
        aria-live="polite"
        className={
          s.kind === "running" || s.kind === "done"
            ? `${box} border-slate-300 bg-white text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100`
            : "sr-only"
        }
      >
        {s.kind === "running" && (
          <div data-export-toast="running">
            <div className="flex items-center gap-2 font-medium">
              <span
                aria-hidden="true"
                className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-current border-t-transparent"
              />
              {s.title}
            </div>
            <p className="mt-1 text-slate-700 dark:text-slate-300">{s.step}</p>
            {s.total ? (
              <progress
                className="mt-2 h-1.5 w-full accent-sky-600"
                value={s.done ?? 0}
                max={s.total}
                aria-label={`${s.title} progress`}
              />
            ) : null}
          </div>
        )}
        {s.kind === "done" && (
          <div data-export-toast="done" className="flex items-start justify-between gap-2">
            <p>{s.message}</p>
            <button
              type="button"
              onClick={() => set({ kind: "idle" })}
              className="rounded px-1 text-slate-500 hover:bg-slate-100 dark:hover:bg-slate-800"
              aria-label="Dismiss"
            >
              ×
            </button>
          </div>
        )}
      </div>
      {s.kind === "error" && (
        <div
          role="alert"
          data-export-toast="error"
          className={`${box} border-red-300 bg-red-50 text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100`}
        >
          <p className="font-medium">{s.message}</p>
          <div className="mt-2 flex gap-2">
            <button
              type="button"
              onClick={s.retry}
              className="rounded bg-red-800 px-3 py-1 text-white hover:bg-red-900"
            >
              Retry
            </button>
            <button
              type="button"
              onClick={() => set({ kind: "idle" })}
              className="rounded border border-red-300 px-3 py-1 hover:bg-red-100 dark:border-red-700 dark:hover:bg-red-900"
            >
              Dismiss
            </button>
          </div>
        </div>
      )}
    </>
  );
}
