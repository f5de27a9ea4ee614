"use client";

import dynamic from "next/dynamic";
import { memo, useEffect, useRef, useState } from "react";
import type { ForecastChartProps } from "./forecast-chart";
import { ForecastLegend } from "./forecast-legend";
import { PlotSkeleton } from "./plot-skeleton";
import { StackedLegend, type StackedChartProps } from "./stacked-labels";

/**
 * Charts as the pages use them. The Recharts plots load right after the page (they measure their
 * container, so the server could not draw them anyway); everything readable — title, summary,
 * legend, table view — is server-rendered. This keeps Recharts out of the first-load JavaScript.
 */

// Memoised: while a filter change loads, panels re-render with the same data and the plots are skipped.
const ForecastPlot = memo(
  dynamic(() => import("./forecast-chart").then((m) => m.ForecastPlot), { ssr: false, loading: PlotSkeleton }),
);
const StackedPlot = memo(
  dynamic(() => import("./stacked-chart").then((m) => m.StackedPlot), { ssr: false, loading: PlotSkeleton }),
);

/**
 * Props as of the last time the plot was on (or near) the screen. A filter change then redraws
 * the plots in view first; the others catch up once the browser is idle (or at once before
 * printing), so a print or a full-page capture never shows one filter's title over another's plot.
 * Redrawing every Recharts plot of a page at once costs hundreds of milliseconds on a slow machine.
 */
function useFrozenWhileHidden<T>(value: T): [React.RefObject<HTMLDivElement | null>, T] {
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(true);
  const [frozen, setFrozen] = useState(value);
  // Adjusting state while rendering (React's documented pattern) keeps the last value seen on screen.
  if (visible && frozen !== value) setFrozen(value);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === "undefined") return;
    const io = new IntersectionObserver(([e]) => setVisible(e.isIntersecting), { rootMargin: "300px" });
    io.observe(el);
    return () => io.disconnect();
  }, []);
  useEffect(() => {
    if (visible || frozen === value) return;
    const catchUp = () => setFrozen(value);
    const idle = typeof requestIdleCallback === "function" ? requestIdleCallback(catchUp, { timeout: 1_000 }) : null;
    const timer = idle === null ? setTimeout(catchUp, 300) : null;
    window.addEventListener("beforeprint", catchUp);
    return () => {
      if (idle !== null) cancelIdleCallback(idle);
      if (timer !== null) clearTimeout(timer);
      window.removeEventListener("beforeprint", catchUp);
    };
  }, [visible, frozen, value]);
  return [ref, visible ? value : frozen];
}

export function ForecastChart(props: ForecastChartProps) {
  const [ref, shown] = useFrozenWhileHidden(props);
  return (
    <div>
      <div ref={ref} className={props.height ?? "h-80"}>
        <ForecastPlot {...shown} />
      </div>
      <ForecastLegend {...props} />
    </div>
  );
}

export function StackedChart(props: StackedChartProps) {
  const [ref, shown] = useFrozenWhileHidden(props);
  return (
    <div>
      <div ref={ref} className={props.height ?? "h-72"}>
        <StackedPlot {...shown} />
      </div>
      <StackedLegend keys={props.keys} onSelect={props.onSelect} selected={props.selected} overlay={props.overlay} />
    </div>
  );
}
