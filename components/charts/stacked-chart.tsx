"use client";

import { memo, useEffect, useRef, useState } from "react";
import type { StackedRow } from "@/lib/market/presentation/describe";
import { moneyAxis, shareAxis } from "@/lib/market/presentation/axis";
import { phaseWord } from "@/lib/market/presentation/labels";
import { fmt, type StackedChartProps, type StackedKey } from "./stacked-labels";

function Tip({ row, keys, share, method }: { row: StackedRow; keys: StackedKey[]; share: boolean; method?: string }) {
  return (
    <div className="max-w-xs rounded border border-slate-300 bg-white p-2 text-xs shadow dark:border-slate-600 dark:bg-slate-900">
      <div className="font-semibold">
        {row.year} <span className="font-normal">({phaseWord(row.phase, method)})</span>
      </div>
      {[...keys].reverse().map((k) => (
        <div key={k.key}>
          {k.label}: {fmt(Number(row[k.key] ?? 0), share)}
        </div>
      ))}
    </div>
  );
}

/** The element's size, kept up to date (the plot is drawn in pixels, so text never stretches). */
function useSize<T extends HTMLElement>(): [React.RefObject<T | null>, { width: number; height: number }] {
  const ref = useRef<T>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => setSize((s) => (s.width === el.clientWidth && s.height === el.clientHeight ? s : { width: el.clientWidth, height: el.clientHeight }));
    update();
    if (typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, size];
}

const M = { top: 10, right: 8, bottom: 22, left: 60 };

/**
 * The plot only: stacked bars per year, later years shaded, drawn as plain SVG. A cross-filter
 * click redraws four of these at once; as plain elements that costs a few milliseconds each,
 * where the general-purpose chart library spent hundreds (measured in bench:dashboard).
 */
function StackedPlotImpl({ rows, keys, historyTo, share, method, onSelect, selected = [] }: StackedChartProps) {
  const [ref, { width, height }] = useSize<HTMLDivElement>();
  const [hover, setHover] = useState<number | null>(null);
  // The scale fits the tallest stack; shares always run 0-100% in even steps.
  const axis = share ? shareAxis(1) : moneyAxis(Math.max(0, ...rows.map((r) => keys.reduce((a, k) => a + (Number(r[k.key]) || 0), 0))));
  // Cross-filter highlight: the chart keeps every member, the selected ones stay bright.
  const highlight = new Set(selected);
  const w = Math.max(0, width - M.left - M.right);
  const h = Math.max(0, height - M.top - M.bottom);
  const band = rows.length ? w / rows.length : 0;
  const barW = band * 0.8;
  const y = (v: number) => M.top + h - (Math.min(v, axis.domain[1]) / axis.domain[1]) * h;
  const futureAt = rows.findIndex((r) => r.year > historyTo);
  const everyOther = band < 34;
  const tipRow = hover === null ? null : rows[hover];
  return (
    <div ref={ref} className="relative h-full w-full text-slate-700 dark:text-slate-300" aria-hidden="true" onMouseLeave={() => setHover(null)}>
      {width > 0 && (
        <svg width={width} height={height} className="stacked-plot block" role="presentation">
          {futureAt >= 0 && <rect x={M.left + futureAt * band} y={M.top} width={(rows.length - futureAt) * band} height={h} fill="#94a3b8" fillOpacity={0.14} />}
          {axis.ticks.map((t) => (
            <g key={t}>
              <line x1={M.left} x2={M.left + w} y1={y(t)} y2={y(t)} stroke="currentColor" strokeOpacity={0.15} strokeDasharray="3 3" />
              <text className="axis-tick-value" x={M.left - 6} y={y(t)} dy="0.32em" textAnchor="end" fontSize={11} fill="currentColor">
                {axis.label(t)}
              </text>
            </g>
          ))}
          <line x1={M.left} x2={M.left} y1={M.top} y2={M.top + h} stroke="currentColor" />
          <line x1={M.left} x2={M.left + w} y1={M.top + h} y2={M.top + h} stroke="currentColor" />
          {rows.map((r, i) => {
            let base = 0;
            const x = M.left + i * band + (band - barW) / 2;
            return (
              <g key={r.year} onMouseEnter={() => setHover(i)}>
                <rect x={M.left + i * band} y={M.top} width={band} height={h} fill={hover === i ? "currentColor" : "transparent"} fillOpacity={0.06} />
                {keys.map((k) => {
                  const v = Number(r[k.key]) || 0;
                  const top = base + v;
                  const seg = (
                    <rect
                      key={k.key}
                      className="stacked-segment"
                      data-key={k.key}
                      x={x}
                      y={y(top)}
                      width={barW}
                      height={Math.max(0, y(base) - y(top))}
                      fill={k.color}
                      fillOpacity={highlight.size && !highlight.has(k.key) ? 0.25 : 1}
                      stroke="#ffffff"
                      strokeWidth={0.5}
                      cursor={onSelect ? "pointer" : undefined}
                      onClick={onSelect ? () => onSelect(k.key) : undefined}
                    />
                  );
                  base = top;
                  return v > 0 ? seg : null;
                })}
                {(!everyOther || i % 2 === 0) && (
                  <text x={M.left + i * band + band / 2} y={M.top + h + 15} textAnchor="middle" fontSize={11} fill="currentColor">
                    {r.year}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      )}
      {tipRow && hover !== null && (
        <div className="pointer-events-none absolute z-10" style={{ left: Math.min(M.left + (hover + 1) * band + 4, Math.max(0, width - 230)), top: M.top }}>
          <Tip row={tipRow} keys={keys} share={share} method={method} />
        </div>
      )}
    </div>
  );
}

export const StackedPlot = memo(StackedPlotImpl);
