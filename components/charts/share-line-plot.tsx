"use client";

import { CartesianGrid, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatPercent } from "@/lib/market/presentation/format";
import { shareAxis } from "@/lib/market/presentation/axis";
import { FUTURE_SHADE, ROLE } from "@/lib/chart/palette";

/** Themed like every other chart's tooltip (the default one is a white box in dark mode). */
function Tip({
  active,
  payload,
  historyTo,
}: {
  active?: boolean;
  payload?: { payload: { year: number; share: number } }[];
  historyTo: number;
}) {
  const r = payload?.[0]?.payload;
  if (!active || !r) return null;
  return (
    <div className="rounded border border-slate-300 bg-white p-2 text-xs text-slate-900 shadow dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100">
      <div className="font-semibold">{r.year}</div>
      <div>
        Share: {formatPercent(r.share)} ({r.year > historyTo ? "outlook, modelled" : "modelled"})
      </div>
    </div>
  );
}

/** The Recharts part of a share-over-time chart, loaded after the page; later years shaded as outlook. */
export function ShareLinePlot({
  points,
  historyTo,
  color = ROLE.history,
}: {
  points: { year: number; share: number }[];
  historyTo: number;
  color?: string;
}) {
  const last = points[points.length - 1]?.year ?? historyTo;
  const axis = shareAxis(Math.max(0, ...points.map((p) => p.share)));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={points} margin={{ top: 10, right: 16, bottom: 0, left: 4 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
        {last > historyTo && (
          <ReferenceArea x1={historyTo} x2={last} fill={FUTURE_SHADE.color} fillOpacity={FUTURE_SHADE.opacity} />
        )}
        <XAxis dataKey="year" tick={{ fontSize: 12 }} stroke="currentColor" />
        <YAxis
          tickFormatter={axis.label}
          ticks={axis.ticks}
          domain={axis.domain}
          allowDataOverflow
          tick={{ fontSize: 12 }}
          width={48}
          stroke="currentColor"
        />
        <Tooltip content={<Tip historyTo={historyTo} />} />
        <Line dataKey="share" stroke={color} strokeWidth={2.5} dot={{ r: 3, fill: color }} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
