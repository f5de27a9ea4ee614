"use client";

import dynamic from "next/dynamic";
import { formatPercent, formatUsdM } from "@/lib/market/presentation/format";
import { ChartCard } from "./chart-card";
import { DataTable } from "./data-table";
import { PlotSkeleton } from "./plot-skeleton";

export interface EstimateRow {
  name: string;
  firm: string;
  scope: string;
  baseYear: number;
  baseValue: number;
  cagr: number | null;
  ours: boolean;
}

// Recharts loads after the page, as for every chart (charts.tsx); the card, summary and table render at once.
const EstimatesPlot = dynamic(() => import("./estimates-plot").then((m) => m.EstimatesPlot), {
  ssr: false,
  loading: PlotSkeleton,
});

/** How far apart the published sizings of comparable markets are: each firm's base-year size. */
export function EstimatesChart({ rows, publisher }: { rows: EstimateRow[]; publisher: string }) {
  const values = rows.map((r) => r.baseValue);
  const summary = rows.length
    ? `Base-year sizes range from ${formatUsdM(Math.min(...values))} to ${formatUsdM(Math.max(...values))} across ${rows.length} estimates, because their scopes differ; ${publisher}'s is highlighted.`
    : "";
  return (
    <ChartCard
      title="Other firms' estimates"
      subtitle="Base-year market size as published (US$ M); scopes differ, so these are not blended into the data set"
      summary={summary}
      empty={rows.length === 0}
      table={() => (
        <DataTable
          caption="Other firms' estimates"
          rows={rows}
          rowKey={(r) => r.name}
          columns={[
            { key: "firm", label: "Firm", render: (r) => r.firm },
            { key: "scope", label: "Scope", render: (r) => <span className="whitespace-normal">{r.scope}</span> },
            { key: "year", label: "Base year", render: (r) => r.baseYear },
            { key: "value", label: "Size (published)", numeric: true, render: (r) => formatUsdM(r.baseValue) },
            {
              key: "cagr",
              label: "CAGR (published)",
              numeric: true,
              render: (r) => (r.cagr === null ? "–" : formatPercent(r.cagr)),
            },
          ]}
        />
      )}
    >
      <div
        className="w-full text-slate-700 dark:text-slate-300"
        style={{ height: Math.max(240, rows.length * 34 + 40) }}
        aria-hidden="true"
      >
        <EstimatesPlot rows={rows} />
      </div>
    </ChartCard>
  );
}
