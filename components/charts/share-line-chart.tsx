"use client";

import dynamic from "next/dynamic";
import { formatPercent } from "@/lib/market/presentation/format";
import { ChartCard } from "./chart-card";
import { DataTable } from "./data-table";
import { PlotSkeleton } from "./plot-skeleton";

interface Props {
  title: string;
  subtitle: string;
  summary: string;
  points: { year: number; share: number }[];
  historyTo: number;
}

// Recharts loads after the page, as for every chart (charts.tsx); the card, summary and table render at once.
const ShareLinePlot = dynamic(() => import("./share-line-plot").then((m) => m.ShareLinePlot), { ssr: false, loading: PlotSkeleton });

/** One share over the years (0-1), later years shaded as outlook; all values modelled. */
export function ShareLineChart({ title, subtitle, summary, points, historyTo }: Props) {
  return (
    <ChartCard
      title={title}
      subtitle={subtitle}
      summary={summary}
      empty={points.every((p) => !p.share)}
      table={() => (
        <DataTable
          caption={title}
          rows={points}
          rowKey={(r) => String(r.year)}
          columns={[
            { key: "year", label: "Year", render: (r) => r.year },
            { key: "share", label: "Share (modelled)", numeric: true, render: (r) => formatPercent(r.share) },
            { key: "phase", label: "Basis", render: (r) => (r.year <= historyTo ? "history, modelled" : "outlook, modelled") },
          ]}
        />
      )}
    >
      <div className="h-64 w-full text-slate-700 dark:text-slate-300" aria-hidden="true">
        <ShareLinePlot points={points} historyTo={historyTo} />
      </div>
    </ChartCard>
  );
}
