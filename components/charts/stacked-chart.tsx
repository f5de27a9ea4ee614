"use client";

import { memo, useEffect, useRef, useState } from "react";
import type { StackedRow } from "@/lib/market/presentation/describe";
import { moneyAxis, shareAxis } from "@/lib/market/presentation/axis";
import { phaseWord } from "@/lib/market/presentation/labels";
import { fmtTip, type StackedChartProps, type StackedKey, type StackedOverlay } from "./stacked-labels";

function Tip({
  row,
  keys,
  share,
  method,
  overlay,
}: {
  row: StackedRow;
  keys: StackedKey[];
  share: boolean;
  method?: string;
  overlay?: StackedOverlay;
}) {
  const ours =
    row.year > (overlay?.points[0]?.year ?? Infinity) ? overlay?.points.find((p) => p.year === row.year) : undefined;
  const band = overlay?.bands[0]?.points.find((p) => p.year === row.year);
  return (
    <div className="max-w-xs rounded border border-slate-300 bg-white p-2 text-xs shadow dark:border-slate-600 dark:bg-slate-900">
      <div className="font-semibold">
        {row.year} <span className="font-normal">({phaseWord(row.phase, method)})</span>
      </div>
      {[...keys].reverse().map((k) => (
        <div key={k.key}>
          {k.label}: {fmtTip(Number(row[k.key] ?? 0), share)}
        </div>
      ))}
      {ours && (
        <div className="mt-1 border-t border-slate-200 pt-1 dark:border-slate-700">
          {overlay!.label}, total: {fmtTip(ours.value, share)}
          {band && overlay!.bands[0]
            ? ` (${overlay!.bands[0].level}%: ${fmtTip(band.lower, share)}–${fmtTip(band.upper, share)})`
            : ""}
        </div>
      )}
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
    const update = () =>
      setSize((s) =>
        s.width === el.clientWidth && s.height === el.clientHeight
          ? s
          : { width: el.clientWidth, height: el.clientHeight },
      );
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
function StackedPlotImpl({
  rows,
  keys,
  historyTo,
  share,
  method,
  onSelect,
  selected = [],
  overlay,
}: StackedChartProps) {
  const [ref, { width, height }] = useSize<HTMLDivElement>();
  const [hover, setHover] = useState<number | null>(null);
  // The scale fits the tallest stack; shares always run 0-100% in even steps.
  // Our forecast's line and band count too, so the overlay is never clipped.
  const overlayTop = overlay
    ? [...overlay.points.map((p) => p.value), ...overlay.bands.flatMap((b) => b.points.map((p) => p.upper))]
    : [];
  const axis = share
    ? shareAxis(1)
    : moneyAxis(
        Math.max(
          0,
          ...rows.map((r) => keys.reduce((a, k) => a + (Number(r[k.key]) || 0), 0)),
          ...overlayTop.filter(Number.isFinite),
        ),
      );
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
  // The overlay sits on the bars' centres: year → x.
  const xOfYear = (year: number) => {
    const i = rows.findIndex((r) => r.year === year);
    return i < 0 ? null : M.left + i * band + band / 2;
  };
  const linePts = (pts: { year: number; v: number }[]) =>
    pts.flatMap((p) => {
      const x = xOfYear(p.year);
      return x === null ? [] : [`${x.toFixed(1)},${y(p.v).toFixed(1)}`];
    });
  return (
    <div
      ref={ref}
      className="relative h-full w-full text-slate-700 dark:text-slate-300"
      aria-hidden="true"
      onMouseLeave={() => setHover(null)}
    >
      {width > 0 && (
        <svg width={width} height={height} className="stacked-plot block" role="presentation">
          {futureAt >= 0 && (
            <rect
              x={M.left + futureAt * band}
              y={M.top}
              width={(rows.length - futureAt) * band}
              height={h}
              fill="#94a3b8"
              fillOpacity={0.14}
            />
          )}
          {axis.ticks.map((t) => (
            <g key={t}>
              <line
                x1={M.left}
                x2={M.left + w}
                y1={y(t)}
                y2={y(t)}
                stroke="currentColor"
                strokeOpacity={0.15}
                strokeDasharray="3 3"
              />
              <text
                className="axis-tick-value"
                x={M.left - 6}
                y={y(t)}
                dy="0.32em"
                textAnchor="end"
                fontSize={11}
                fill="currentColor"
              >
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
                <rect
                  x={M.left + i * band}
                  y={M.top}
                  width={band}
                  height={h}
                  fill={hover === i ? "currentColor" : "transparent"}
                  fillOpacity={0.06}
                />
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
                  <text
                    x={M.left + i * band + band / 2}
                    y={M.top + h + 15}
                    textAnchor="middle"
                    fontSize={11}
                    fill="currentColor"
                  >
                    {r.year}
                  </text>
                )}
              </g>
            );
          })}
          {overlay && (
            <g
              className="stacked-overlay"
              data-series="forecast"
              data-color={overlay.color.toLowerCase()}
              pointerEvents="none"
            >
              {overlay.bands.map((b) => {
                const upper = linePts(b.points.map((p) => ({ year: p.year, v: p.upper })));
                const lower = linePts(b.points.map((p) => ({ year: p.year, v: p.lower }))).reverse();
                return (
                  <polygon
                    key={b.level}
                    className="stacked-overlay-band"
                    points={[...upper, ...lower].join(" ")}
                    fill={overlay.color}
                    fillOpacity={0.12}
                  />
                );
              })}
              <polyline
                points={linePts(overlay.points.map((p) => ({ year: p.year, v: p.value }))).join(" ")}
                fill="none"
                stroke="#ffffff"
                strokeOpacity={0.85}
                strokeWidth={4}
              />
              <polyline
                className="stacked-overlay-line"
                points={linePts(overlay.points.map((p) => ({ year: p.year, v: p.value }))).join(" ")}
                fill="none"
                stroke={overlay.color}
                strokeWidth={2}
                strokeDasharray="6 4"
              />
            </g>
          )}
        </svg>
      )}
      {tipRow && hover !== null && (
        <div
          className="pointer-events-none absolute z-10"
          style={{ left: Math.min(M.left + (hover + 1) * band + 4, Math.max(0, width - 230)), top: M.top }}
        >
          <Tip row={tipRow} keys={keys} share={share} method={method} overlay={overlay} />
        </div>
      )}
    </div>
  );
}

export const StackedPlot = memo(StackedPlotImpl);
