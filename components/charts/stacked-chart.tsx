"use client";

import { Bar, BarChart, CartesianGrid, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { StackedRow } from "@/lib/market/presentation/describe";
import { moneyAxis, shareAxis } from "@/lib/market/presentation/axis";
import { phaseWord } from "@/lib/market/presentation/labels";
import { fmt, type StackedChartProps, type StackedKey } from "./stacked-labels";


interface TipProps {
  active?: boolean;
  payload?: { dataKey?: string | number; value?: number; payload: StackedRow }[];
  keys: StackedKey[];
  share: boolean;
  method?: string;
}

function Tip({ active, payload, keys, share, method }: TipProps) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  const label = new Map(keys.map((k) => [k.key, k.label]));
  return (
    <div className="max-w-xs rounded border border-slate-300 bg-white p-2 text-xs shadow dark:border-slate-600 dark:bg-slate-900">
      <div className="font-semibold">
        {row.year} <span className="font-normal">({phaseWord(row.phase, method)})</span>
      </div>
      {[...(payload ?? [])].reverse().map((p) => (
        <div key={String(p.dataKey)}>
          {label.get(String(p.dataKey))}: {fmt(Number(p.value), share)}
        </div>
      ))}
    </div>
  );
}

/** The plot only (Recharts, loaded after the page): stacked bars per year, later years shaded. */
export function StackedPlot({ rows, keys, historyTo, share, method, onSelect, selected = [] }: StackedChartProps) {
  const last = rows[rows.length - 1]?.year ?? historyTo;
  const first = rows[0]?.year ?? historyTo;
  const futureFrom = Math.max(historyTo + 1, first);
  // The scale fits the tallest stack; shares always run 0-100% in even steps.
  const axis = share ? shareAxis(1) : moneyAxis(Math.max(0, ...rows.map((r) => keys.reduce((a, k) => a + (Number(r[k.key]) || 0), 0))));
  // Cross-filter highlight: the chart keeps every member, the selected ones stay bright.
  const highlight = new Set(selected);
  return (
      <div className="h-full w-full text-slate-700 dark:text-slate-300" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} margin={{ top: 10, right: 8, bottom: 0, left: 4 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} vertical={false} />
            {last > historyTo && <ReferenceArea x1={futureFrom} x2={last} fill="#94a3b8" fillOpacity={0.14} ifOverflow="extendDomain" />}
            <XAxis dataKey="year" tick={{ fontSize: 11 }} stroke="currentColor" />
            <YAxis
              tickFormatter={axis.label}
              ticks={axis.ticks}
              tick={{ fontSize: 11 }}
              width={60}
              stroke="currentColor"
              domain={axis.domain}
              allowDataOverflow
            />
            <Tooltip content={<Tip keys={keys} share={share} method={method} />} cursor={{ fillOpacity: 0.1 }} />
            {keys.map((k) => (
              <Bar
                key={k.key}
                dataKey={k.key}
                name={k.label}
                stackId="s"
                fill={k.color}
                fillOpacity={highlight.size && !highlight.has(k.key) ? 0.25 : 1}
                stroke="#ffffff"
                strokeWidth={0.5}
                isAnimationActive={false}
                cursor={onSelect ? "pointer" : undefined}
                onClick={onSelect ? () => onSelect(k.key) : undefined}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
  );
}

