"use client";

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatUsdM } from "@/lib/market/presentation/format";
import { moneyAxis } from "@/lib/market/presentation/axis";
import { ROLE } from "@/lib/chart/palette";
import type { EstimateRow } from "./estimates-chart";

/** The Recharts part of the estimates chart, loaded after the page. */
export function EstimatesPlot({ rows }: { rows: EstimateRow[] }) {
  // One unit for every tick ("0 B, 3 B, 6 B"), as on every other chart.
  const axis = moneyAxis(Math.max(0, ...rows.map((r) => r.baseValue)));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        data={rows}
        layout="vertical"
        margin={{ top: 5, right: 16, bottom: 0, left: 8 }}
        accessibilityLayer={false}
      >
        <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} horizontal={false} />
        <XAxis
          type="number"
          domain={axis.domain}
          ticks={axis.ticks}
          tickFormatter={axis.label}
          tick={{ fontSize: 11 }}
          stroke="currentColor"
        />
        <YAxis type="category" dataKey="name" width={170} tick={{ fontSize: 11 }} stroke="currentColor" />
        <Tooltip
          formatter={(v, _n, item) => [
            `${formatUsdM(Number(v))} in ${(item?.payload as EstimateRow).baseYear} (published)`,
            "Size",
          ]}
          contentStyle={{ color: "#0f172a" }}
        />
        <Bar dataKey="baseValue" isAnimationActive={false}>
          {rows.map((r) => (
            <Cell key={r.name} fill={r.ours ? ROLE.outlook : ROLE.history} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
