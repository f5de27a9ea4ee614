"use client";

import { useId, useState } from "react";
import { ExportMenu } from "@/components/export/export-menu";
import type { ChartExportSpec } from "@/lib/export/chart-spec";

export interface QueryState {
  isPending: boolean;
  isError: boolean;
  isPlaceholderData?: boolean;
  error?: Error | null;
  refetch?: () => unknown;
}

interface Props {
  title: string;
  subtitle: string;
  /** One sentence saying what the chart shows, for everyone (and screen readers first). */
  summary: string;
  query?: QueryState;
  empty?: boolean;
  spec?: ChartExportSpec | null;
  /** Rendered only in table view. */
  table: () => React.ReactNode;
  children: React.ReactNode;
  footer?: React.ReactNode;
  className?: string;
}

/** A chart panel: title, filters, summary, export, chart/table switch and its loading, empty and error states. */
export function ChartCard({
  title,
  subtitle,
  summary,
  query,
  empty,
  spec,
  table,
  children,
  footer,
  className = "",
}: Props) {
  const [asTable, setAsTable] = useState(false);
  const headingId = useId();
  const summaryId = useId();
  // With keepPreviousData a failed new request leaves no data behind: show the error, not stale figures.
  const failed = !!query?.isError;
  const loading = !!query?.isPending && !query.isError;
  const showsSummary = !failed && !loading && !empty;
  // Layout containment: a redrawn chart re-lays out its own card, not the whole page (a filter
  // click redraws several charts one after another as their answers arrive).
  return (
    <section
      aria-labelledby={headingId}
      aria-describedby={showsSummary ? summaryId : undefined}
      data-chart-id={spec?.id}
      data-chart-kind={spec?.kind}
      className={`flex min-w-0 flex-col rounded-lg [contain:layout] border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900 ${className}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 id={headingId} className="font-semibold">
            {title}
          </h2>
          <p className="text-xs text-slate-600 dark:text-slate-400">{subtitle}</p>
        </div>
        <div className="flex items-center gap-2">
          {query?.isPlaceholderData && <span className="text-xs text-slate-600 dark:text-slate-400">Updating…</span>}
          {!failed && !loading && !empty && (
            <button
              type="button"
              onClick={() => setAsTable((v) => !v)}
              className="rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
            >
              {asTable ? "Show chart" : "Show table"}
            </button>
          )}
          {spec && !failed && !loading && !empty && <ExportMenu spec={spec} />}
        </div>
      </div>
      {failed ? (
        <div className="mt-3 flex min-h-40 flex-col items-center justify-center gap-2 rounded border border-red-300 bg-red-50 p-4 text-sm text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100">
          <p>Could not load this chart{query?.error?.message ? `: ${query.error.message}` : "."}</p>
          <button
            type="button"
            onClick={() => query?.refetch?.()}
            className="rounded bg-red-800 px-3 py-1 text-white hover:bg-red-900"
          >
            Retry
          </button>
        </div>
      ) : loading ? (
        <div aria-busy="true" className="mt-3 h-72 animate-pulse rounded bg-slate-100 dark:bg-slate-800">
          <span className="sr-only">Loading {title}</span>
        </div>
      ) : empty ? (
        <p className="mt-3 flex min-h-40 items-center justify-center rounded border border-dashed border-slate-300 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          No data for this combination
        </p>
      ) : (
        <>
          <p id={summaryId} className="mt-2 text-sm text-slate-700 dark:text-slate-300">
            {summary}
          </p>
          <div className="mt-2 min-w-0">{asTable ? table() : children}</div>
        </>
      )}
      {footer}
    </section>
  );
}
