"use client";

import { CartesianGrid, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatPercent } from "@/lib/market/presentation/format";
import { shareAxis } from "@/lib/market/presentation/axis";
import { ROLE } from "@/lib/chart/palette";

/** The Recharts part of a share-over-time chart, loaded after the page; later years shaded as outlook. */
export function ShareLinePlot({ points, historyTo }: { points: { year: number; share: number }[]; historyTo: number }) {
  const last = points[points.length - 1]?.year ?? historyTo;
  const axis = shareAxis(Math.max(0, ...points.map((p) => p.share)));
  return (
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
  );
}
