/**
 * The plot's frame: scales, gridlines, axes and the shaded forecast years. Series marks are drawn
 * by plot-series.ts on top of it.
 */
import { formatAxisUsdM } from "@/lib/market/presentation/format";
import type { ChartExportSpec } from "./chart-spec";
import { futureWord } from "./provenance";
import { n, niceTicks, textEl } from "./svg-util";
import { textWidth } from "./text-metrics";
import type { ExportTheme } from "./theme";
import { FUTURE_SHADE } from "@/lib/chart/palette";

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlotScales {
  years: number[];
  /** Bars sit in bands; lines and areas run edge to edge. */
  banded: boolean;
  bandWidth: number;
  xOf: (year: number) => number;
  yOf: (value: number) => number;
  plot: Box;
}

/** Breakdowns stack, as on screen. */
export function isStacked(spec: ChartExportSpec): boolean {
  return spec.kind === "stacked-bar";
}

export function allYears(spec: ChartExportSpec): number[] {
  const ys = new Set<number>();
  spec.series.forEach((s) => s.points.forEach((p) => ys.add(p.year)));
  spec.outlook?.points.forEach((p) => ys.add(p.year));
  spec.forecast?.points.forEach((p) => ys.add(p.year));
  spec.forecast?.bands.forEach((b) => b.points.forEach((p) => ys.add(p.year)));
  return [...ys].sort((a, b) => a - b);
}

function valueExtent(spec: ChartExportSpec, years: number[]): { min: number; max: number } {
  const values: number[] = [];
  if (isStacked(spec)) {
    for (const y of years)
      values.push(spec.series.reduce((sum, s) => sum + (s.points.find((p) => p.year === y)?.value ?? 0), 0));
  } else spec.series.forEach((s) => s.points.forEach((p) => values.push(p.value)));
  spec.outlook?.points.forEach((p) => values.push(p.value));
  spec.forecast?.points.forEach((p) => values.push(p.value));
  spec.forecast?.bands.forEach((b) => b.points.forEach((p) => values.push(p.lower, p.upper)));
  const finite = values.filter(Number.isFinite);
  return { min: Math.min(0, ...finite), max: Math.max(0, ...finite) };
}

export function tickLabel(spec: ChartExportSpec, v: number): string {
  if (v === 0) return "0";
  if (spec.share) return `${Number((v * 100).toFixed(1))}%`;
  if (/US\$\s*M/.test(spec.unit)) return formatAxisUsdM(v);
  return new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 }).format(v);
}

function axisCaption(spec: ChartExportSpec): string {
  if (spec.share) return "Share of market";
  if (/US\$\s*M/.test(spec.unit)) return "US$ (M = million, B = billion)";
  return spec.unit;
}

export function buildFrame(
  spec: ChartExportSpec,
  box: Box,
  theme: ExportTheme,
  fontSize: number,
): { scales: PlotScales; svg: string } {
  const years = allYears(spec);
  const first = years[0] ?? spec.historyTo;
  const last = years[years.length - 1] ?? spec.historyTo;
  const ext = valueExtent(spec, years);
  const ticks = niceTicks(ext.min, spec.share ? Math.min(1, ext.max) || 1 : ext.max);
  const labels = ticks.map((t) => tickLabel(spec, t));
  const gutter = Math.max(...labels.map((l) => textWidth(l, fontSize))) + fontSize * 0.7;
  const plot: Box = {
    x: box.x + gutter,
    y: box.y + fontSize * 2,
    width: box.width - gutter - fontSize * 1.4,
    height: box.height - fontSize * 2 - fontSize * 2,
  };
  const banded = spec.kind === "stacked-bar";
  const bandWidth = banded ? plot.width / Math.max(1, years.length) : 0;
  const xOf = banded
    ? (year: number) => plot.x + (year - first + 0.5) * bandWidth
    : (year: number) => plot.x + (last === first ? 0.5 : (year - first) / (last - first)) * plot.width;
  const lo = ticks[0];
  const hi = ticks[ticks.length - 1];
  const yOf = (v: number) => plot.y + plot.height - ((v - lo) / (hi - lo || 1)) * plot.height;
  const parts: string[] = [];

  // Shaded forecast years and the history/forecast divide, under everything else.
  if (last > spec.historyTo && spec.historyTo >= first) {
    const divideX = banded ? xOf(spec.historyTo) + bandWidth / 2 : xOf(spec.historyTo);
    const right = plot.x + plot.width;
    parts.push(
      `<rect x="${n(divideX)}" y="${n(plot.y)}" width="${n(right - divideX)}" height="${n(plot.height)}" fill="${FUTURE_SHADE.color}" fill-opacity="${FUTURE_SHADE.opacity}"/>`,
    );
    parts.push(
      `<line x1="${n(divideX)}" x2="${n(divideX)}" y1="${n(plot.y)}" y2="${n(plot.y + plot.height)}" stroke="${theme.axis}" stroke-width="${n(fontSize / 10)}" stroke-dasharray="${n(fontSize / 3)} ${n(fontSize / 4)}"/>`,
    );
    const word = futureWord(spec);
    const labelY = plot.y + fontSize * 1.1;
    parts.push(
      textEl({
        text: "History",
        x: divideX - fontSize * 0.4,
        y: labelY,
        fontSize: fontSize * 0.9,
        weight: 600,
        anchor: "end",
        color: theme.muted,
      }),
    );
    parts.push(
      textEl({
        text: word[0].toUpperCase() + word.slice(1),
        x: divideX + fontSize * 0.4,
        y: labelY,
        fontSize: fontSize * 0.9,
        weight: 600,
        anchor: "start",
        color: theme.muted,
      }),
    );
  }

  // Gridlines and y ticks.
  ticks.forEach((t, i) => {
    const y = yOf(t);
    parts.push(
      `<line x1="${n(plot.x)}" x2="${n(plot.x + plot.width)}" y1="${n(y)}" y2="${n(y)}" stroke="${t === 0 ? theme.axis : theme.grid}" stroke-width="${n(fontSize / 14)}"/>`,
    );
    parts.push(
      textEl({
        text: labels[i],
        x: plot.x - fontSize * 0.5,
        y: y + fontSize * 0.35,
        fontSize,
        weight: 400,
        anchor: "end",
        color: theme.muted,
      }),
    );
  });
  parts.push(
    textEl({
      text: axisCaption(spec),
      x: box.x,
      y: box.y + fontSize,
      fontSize,
      weight: 400,
      anchor: "start",
      color: theme.muted,
    }),
  );

  // X ticks: every year when they fit, else every second or fifth.
  const labelWidth = textWidth("2030", fontSize) + fontSize;
  const slot = years.length > 1 ? plot.width / (years.length - (banded ? 0 : 1)) : plot.width;
  const every = [1, 2, 5, 10].find((k) => slot * k >= labelWidth) ?? 10;
  years.forEach((year) => {
    if ((year - first) % every !== 0) return;
    parts.push(
      textEl({
        text: String(year),
        x: xOf(year),
        y: plot.y + plot.height + fontSize * 1.5,
        fontSize,
        weight: 400,
        anchor: "middle",
        color: theme.muted,
      }),
    );
  });
  return { scales: { years, banded, bandWidth, xOf, yOf, plot }, svg: parts.join("") };
}
