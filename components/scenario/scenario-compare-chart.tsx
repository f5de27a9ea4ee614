"use client";

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatAxisUsdM, formatUsdM } from "@/lib/market/presentation/format";
import { FUTURE_SHADE } from "@/lib/chart/palette";

export interface CompareLine {
  key: string;
  label: string;
  color: string;
  points: { year: number; value: number }[];
}

/** The base and the compared scenarios' totals as lines on one chart; years after the history shaded. */
export function ScenarioCompareChart({ lines, historyTo }: { lines: CompareLine[]; historyTo: number }) {
  const years = [...new Set(lines.flatMap((l) => l.points.map((p) => p.year)))].sort((a, b) => a - b);
  const data = years.map((year) => ({
    year,
    ...Object.fromEntries(lines.map((l) => [l.key, l.points.find((p) => p.year === year)?.value])),
  }));
  const last = years.at(-1) ?? historyTo;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={{ top: 10, right: 16, bottom: 0, left: 4 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
        {last > historyTo && (
          <ReferenceArea x1={historyTo} x2={last} fill={FUTURE_SHADE.color} fillOpacity={FUTURE_SHADE.opacity} />
        )}
        <XAxis dataKey="year" tick={{ fontSize: 12 }} stroke="currentColor" />
        <YAxis tickFormatter={formatAxisUsdM} tick={{ fontSize: 12 }} width={56} stroke="currentColor" />
        <Tooltip
          formatter={(v) => formatUsdM(Number(v))}
          contentStyle={{ fontSize: 12 }}
          labelStyle={{ fontWeight: 600, color: "#0f172a" }}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {lines.map((l, i) => (
          <Line
            key={l.key}
            dataKey={l.key}
            name={l.label}
            stroke={l.color}
            strokeWidth={i === 0 ? 2.5 : 2}
            strokeDasharray={i === 0 ? undefined : "6 3"}
            dot={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
