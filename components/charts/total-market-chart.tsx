"use client";

import { Area, CartesianGrid, ComposedChart, Line, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatAxisUsdM, formatUsdM } from "@/lib/market/format";
import type { SeriesPoint } from "@/lib/market/types";

interface Props {
  points: SeriesPoint[];
  historyTo: number;
  publisher: string;
}

/** Total market by year: history solid, the publisher's outlook dashed, outlook years shaded. */
export function TotalMarketChart({ points, historyTo, publisher }: Props) {
  const data = points.map((p) => ({
    year: p.year,
    basis: p.basis,
    history: p.year <= historyTo ? p.value : null,
    // The outlook line starts at the last history year so the two lines join.
    outlook: p.year >= historyTo ? p.value : null,
  }));
  const last = points[points.length - 1]?.year ?? historyTo;
  return (
    <div className="h-80 w-full" role="img" aria-label={`Total market ${points[0]?.year}-${last}: history to ${historyTo}, ${publisher} outlook after`}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 10, right: 20, bottom: 0, left: 10 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
          {last > historyTo && (
            <ReferenceArea x1={historyTo} x2={last} fill="#94a3b8" fillOpacity={0.12} label={{ value: "Outlook", position: "insideTopRight", fontSize: 12 }} />
          )}
          <XAxis dataKey="year" tick={{ fontSize: 12 }} />
          <YAxis tickFormatter={formatAxisUsdM} tick={{ fontSize: 12 }} width={56} />
          <Tooltip
            formatter={(value, name, item) => [
              `${formatUsdM(Number(value))}${(item?.payload as { basis?: string })?.basis === "published" ? " (published)" : " (modelled)"}`,
              name === "history" ? "History" : `${publisher} outlook`,
            ]}
            labelFormatter={(label) => `Year ${label}`}
          />
          <Area type="monotone" dataKey="history" stroke="#0072B2" fill="#0072B2" fillOpacity={0.15} strokeWidth={2.5} isAnimationActive={false} connectNulls={false} />
          <Line type="monotone" dataKey="outlook" stroke="#D55E00" strokeDasharray="6 4" strokeWidth={2.5} dot={{ r: 3 }} isAnimationActive={false} connectNulls={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
