"use client";

import { useState } from "react";
import type { ChartExportSpec } from "@/lib/export/chart-spec";

/**
 * Exports every chart of the view as one PDF deck: a cover page listing the filters and sources,
 * then one chart per 16:9 page, each rendered from its spec like the single-chart exports.
 */
export function ExportDashboardButton({ specs, title = "Large-scale AI Models market" }: { specs: ChartExportSpec[]; title?: string }) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");

  const run = async () => {
    setBusy(true);
    setStatus("Exporting the dashboard…");
    try {
      const { exportDeck } = await import("./export-actions");
      await exportDeck(specs, title);
      setStatus("Dashboard PDF downloaded");
    } catch (error) {
      setStatus(`Dashboard export failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        onClick={run}
        disabled={specs.length === 0 || busy}
        aria-busy={busy}
        className="inline-flex items-center gap-1.5 rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 disabled:opacity-60 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
      >
        {busy && <span aria-hidden="true" className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-current border-t-transparent" />}
        Export dashboard
      </button>
      <span role="status" className="sr-only">
        {status}
      </span>
    </>
  );
}
