/**
 * Series marks for the export render (lines, stacked areas, bars, outlook, forecast and its
 * bands) and the legend entries that describe them. History is solid; years after the last
 * history year are dashed or lighter, so the divide reads even in greyscale print.
 */
import type { ChartExportSpec } from "./chart-spec";
import type { LegendItem } from "./legend-layout";
import { isStacked, type PlotScales } from "./plot-frame";
import { n } from "./svg-util";
import { seriesColor, TOTAL_COLORS, type ExportTheme } from "./theme";

type Pt = { x: number; y: number };

const path = (pts: Pt[]) => pts.map((p, i) => `${i ? "L" : "M"}${n(p.x)} ${n(p.y)}`).join("");

function polyline(pts: Pt[], color: string, width: number, dash?: string): string {
  if (pts.length < 2) return "";
  const d = dash ? ` stroke-dasharray="${dash}"` : "";
  return `<path d="${path(pts)}" fill="none" stroke="${color}" stroke-width="${n(width)}" stroke-linejoin="round" stroke-linecap="round"${d}/>`;
}

function area(top: Pt[], bottom: Pt[], color: string, opacity: number, stroke?: string, strokeWidth = 0): string {
  if (top.length < 2) return "";
  const d = `${path(top)}${bottom.slice().reverse().map((p) => `L${n(p.x)} ${n(p.y)}`).join("")}Z`;
  const s = stroke ? ` stroke="${stroke}" stroke-width="${n(strokeWidth)}"` : "";
  return `<path d="${d}" fill="${color}" fill-opacity="${opacity}"${s}/>`;
}

export function drawSeries(spec: ChartExportSpec, sc: PlotScales, theme: ExportTheme, unit: number): string {
  const w = 3 * unit;
  const dash = `${n(12 * unit)} ${n(8 * unit)}`;
  const out: string[] = [];
  const at = (year: number, value: number): Pt => ({ x: sc.xOf(year), y: sc.yOf(value) });
  const split = (points: { year: number; value: number }[]) => ({
    history: points.filter((p) => p.year <= spec.historyTo).map((p) => at(p.year, p.value)),
    future: points.filter((p) => p.year >= spec.historyTo).map((p) => at(p.year, p.value)),
  });

  if (spec.kind === "bar") {
    const stacked = isStacked(spec);
    const groups = stacked ? 1 : Math.max(1, spec.series.length);
    const barW = (sc.bandWidth * 0.72) / groups;
    const base = new Map<number, number>();
    spec.series.forEach((s, i) => {
      for (const p of s.points) {
        const from = stacked ? (base.get(p.year) ?? 0) : 0;
        const to = from + p.value;
        if (stacked) base.set(p.year, to);
        const x = sc.xOf(p.year) - (sc.bandWidth * 0.72) / 2 + (stacked ? 0 : i * barW);
        const y = Math.min(sc.yOf(from), sc.yOf(to));
        const op = p.year > spec.historyTo ? 0.6 : 1;
        out.push(`<rect x="${n(x)}" y="${n(y)}" width="${n(barW)}" height="${n(Math.abs(sc.yOf(from) - sc.yOf(to)))}" fill="${seriesColor(i)}" fill-opacity="${op}"${stacked ? ` stroke="${theme.separator}" stroke-width="${n(unit)}"` : ""}/>`);
      }
    });
    return out.join("");
  }

  if (spec.kind === "stacked-area") {
    let bottom = sc.years.map((year) => ({ year, value: 0 }));
    spec.series.forEach((s, i) => {
      const top = bottom.map((b) => ({ year: b.year, value: b.value + (s.points.find((p) => p.year === b.year)?.value ?? 0) }));
      out.push(area(top.map((p) => at(p.year, p.value)), bottom.map((p) => at(p.year, p.value)), seriesColor(i), 0.85, theme.separator, unit));
      bottom = top;
    });
    return out.join("");
  }

  if (spec.kind === "total-forecast") {
    const bands = [...(spec.forecast?.bands ?? [])].sort((a, b) => b.level - a.level);
    bands.forEach((b, i) => {
      const pts = [...b.points].sort((p, q) => p.year - q.year);
      out.push(area(pts.map((p) => at(p.year, p.upper)), pts.map((p) => at(p.year, p.lower)), TOTAL_COLORS.forecast, bandOpacity(i, bands.length)));
    });
    const s = spec.series[0];
    if (s) {
      const { history, future } = split(s.points);
      out.push(area(history, history.map((p) => ({ x: p.x, y: sc.yOf(0) })), TOTAL_COLORS.history, 0.15));
      out.push(polyline(history, TOTAL_COLORS.history, w));
      out.push(polyline(future, TOTAL_COLORS.history, w * 0.8, dash));
    }
    if (spec.outlook) out.push(polyline(spec.outlook.points.map((p) => at(p.year, p.value)), TOTAL_COLORS.outlook, w, dash));
    if (spec.forecast) out.push(polyline(spec.forecast.points.map((p) => at(p.year, p.value)), TOTAL_COLORS.forecast, w, `${n(3 * unit)} ${n(6 * unit)}`));
    out.push(publishedDots(spec, sc, theme, unit));
    return out.join("");
  }

  spec.series.forEach((s, i) => {
    const { history, future } = split(s.points);
    out.push(polyline(history, seriesColor(i), w));
    out.push(polyline(future, seriesColor(i), w, dash));
  });
  out.push(publishedDots(spec, sc, theme, unit));
  return out.join("");
}

function bandOpacity(i: number, count: number): number {
  // Wider (higher-level) bands lighter, drawn first.
  return count === 1 ? 0.2 : 0.14 + (0.14 * i) / (count - 1);
}

function publishedDots(spec: ChartExportSpec, sc: PlotScales, theme: ExportTheme, unit: number): string {
  const outlook = spec.kind === "total-forecast" ? (spec.outlook?.points ?? []) : [];
  const published = [...spec.series.flatMap((s) => s.points), ...outlook].filter((p) => p.basis === "published");
  return published
    .map((p) => `<circle cx="${n(sc.xOf(p.year))}" cy="${n(sc.yOf(p.value))}" r="${n(6 * unit)}" fill="${theme.background ?? "#ffffff"}" stroke="${theme.ink}" stroke-width="${n(2.5 * unit)}"/>`)
    .join("");
}

export function legendItems(spec: ChartExportSpec): LegendItem[] {
  const items: LegendItem[] = [];
  if (spec.kind === "total-forecast") {
    const s = spec.series[0];
    if (s) items.push({ label: s.label, color: TOTAL_COLORS.history, swatch: "line" });
    if (spec.outlook) items.push({ label: spec.outlook.label, color: TOTAL_COLORS.outlook, swatch: "dashed" });
    if (spec.forecast) {
      items.push({ label: spec.forecast.label, color: TOTAL_COLORS.forecast, swatch: "dotted" });
      const bands = [...spec.forecast.bands].sort((a, b) => b.level - a.level);
      bands.forEach((b, i) => items.push({ label: `${b.level}% prediction interval`, color: TOTAL_COLORS.forecast, swatch: "band", opacity: bandOpacity(i, bands.length) }));
    }
  } else {
    const swatch = spec.kind === "bar" ? "bar" : spec.kind === "stacked-area" ? "area" : "line";
    spec.series.forEach((s, i) => items.push({ label: s.label, color: seriesColor(i), swatch }));
  }
  const published = [...spec.series.flatMap((s) => s.points), ...(spec.outlook?.points ?? [])].some((p) => p.basis === "published");
  if (spec.kind !== "bar" && spec.kind !== "stacked-area" && published)
    items.push({ label: "Published figure", color: "ink", swatch: "dot" });
  return items;
}
