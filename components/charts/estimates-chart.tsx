"use client";

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatAxisUsdM, formatPercent, formatUsdM } from "@/lib/market/presentation/format";
import { ChartCard } from "./chart-card";
import { DataTable } from "./data-table";
import { ROLE } from "@/lib/chart/palette";

export interface EstimateRow {
  name: string;
  firm: string;
  scope: string;
  baseYear: number;
  baseValue: number;
  cagr: number | null;
  ours: boolean;
}

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
            { key: "cagr", label: "CAGR (published)", numeric: true, render: (r) => (r.cagr === null ? "–" : formatPercent(r.cagr)) },
          ]}
        />
      )}
    >
      <div className="w-full text-slate-700 dark:text-slate-300" style={{ height: Math.max(240, rows.length * 34 + 40) }} aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} layout="vertical" margin={{ top: 5, right: 16, bottom: 0, left: 8 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} horizontal={false} />
            <XAxis type="number" tickFormatter={formatAxisUsdM} tick={{ fontSize: 11 }} stroke="currentColor" />
            <YAxis type="category" dataKey="name" width={170} tick={{ fontSize: 11 }} stroke="currentColor" />
            <Tooltip
              formatter={(v, _n, item) => [`${formatUsdM(Number(v))} in ${(item?.payload as EstimateRow).baseYear} (published)`, "Size"]}
              contentStyle={{ color: "#0f172a" }}
            />
            <Bar dataKey="baseValue" isAnimationActive={false}>
              {rows.map((r) => (
                <Cell key={r.name} fill={r.ours ? ROLE.outlook : ROLE.history} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </ChartCard>
  );
}
