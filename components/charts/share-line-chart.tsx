"use client";

import { CartesianGrid, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatPercent } from "@/lib/market/presentation/format";
import { shareAxis } from "@/lib/market/presentation/axis";
import { ChartCard } from "./chart-card";
import { DataTable } from "./data-table";
import { ROLE } from "@/lib/chart/palette";

interface Props {
  title: string;
  subtitle: string;
  summary: string;
  points: { year: number; share: number }[];
  historyTo: number;
}

/** One share over the years (0-1), later years shaded as outlook; all values modelled. */
export function ShareLineChart({ title, subtitle, summary, points, historyTo }: Props) {
  const last = points[points.length - 1]?.year ?? historyTo;
  const axis = shareAxis(Math.max(0, ...points.map((p) => p.share)));
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
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 10, right: 16, bottom: 0, left: 4 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
            {last > historyTo && <ReferenceArea x1={historyTo} x2={last} fill="#94a3b8" fillOpacity={0.14} />}
            <XAxis dataKey="year" tick={{ fontSize: 12 }} stroke="currentColor" />
            <YAxis tickFormatter={axis.label} ticks={axis.ticks} domain={axis.domain} allowDataOverflow tick={{ fontSize: 12 }} width={48} stroke="currentColor" />
            <Tooltip formatter={(v) => [`${formatPercent(Number(v))} (modelled)`, "Share"]} labelFormatter={(l) => `Year ${l}`} contentStyle={{ color: "#0f172a" }} />
            <Line dataKey="share" stroke={ROLE.history} strokeWidth={2.5} dot={{ r: 3 }} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </ChartCard>
  );
}
