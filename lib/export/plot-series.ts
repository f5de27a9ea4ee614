/**
 * Series marks for the export render, drawn from the chart description with its colours: stacked
 * bars, the total with outlook, forecast and bands, share lines. Each series' marks sit in one
 * <g data-series="key">, so the export can be checked against the screen mark by mark. History is
 * solid; years after the last history year are dashed or lighter, so the divide reads in greyscale.
 */
import { publishedPoints } from "@/lib/chart/description";
import type { ChartExportSpec } from "./chart-spec";
import type { LegendItem } from "./legend-layout";
import type { PlotScales } from "./plot-frame";
import { esc, n } from "./svg-util";
import type { ExportTheme } from "./theme";

type Pt = { x: number; y: number };

const path = (pts: Pt[]) => pts.map((p, i) => `${i ? "L" : "M"}${n(p.x)} ${n(p.y)}`).join("");
const group = (key: string, color: string, body: string) =>
  `<g data-series="${esc(key)}" data-color="${color.toLowerCase()}">${body}</g>`;

function polyline(pts: Pt[], color: string, width: number, dash?: string): string {
  if (pts.length < 2) return "";
  const d = dash ? ` stroke-dasharray="${dash}"` : "";
  return `<path d="${path(pts)}" fill="none" stroke="${color}" stroke-width="${n(width)}" stroke-linejoin="round" stroke-linecap="round"${d}/>`;
}

function area(top: Pt[], bottom: Pt[], color: string, opacity: number): string {
  if (top.length < 2) return "";
  const d = `${path(top)}${bottom
    .slice()
    .reverse()
    .map((p) => `L${n(p.x)} ${n(p.y)}`)
    .join("")}Z`;
  return `<path d="${d}" fill="${color}" fill-opacity="${opacity}"/>`;
}

export function drawSeries(spec: ChartExportSpec, sc: PlotScales, theme: ExportTheme, unit: number): string {
  const w = 3 * unit;
  const dash = `${n(12 * unit)} ${n(8 * unit)}`;
  const out: string[] = [];
  const at = (year: number, value: number): Pt => ({ x: sc.xOf(year), y: sc.yOf(value) });

  if (spec.kind === "stacked-bar") {
    const barW = sc.bandWidth * 0.72;
    const base = new Map<number, number>();
    for (const s of spec.series) {
      const rects: string[] = [];
      for (const p of s.points) {
        const from = base.get(p.year) ?? 0;
        const to = from + p.value;
        base.set(p.year, to);
        if (!(p.value > 0)) continue;
        const x = sc.xOf(p.year) - barW / 2;
        const y = Math.min(sc.yOf(from), sc.yOf(to));
        rects.push(
          `<rect x="${n(x)}" y="${n(y)}" width="${n(barW)}" height="${n(Math.abs(sc.yOf(from) - sc.yOf(to)))}" fill="${s.color}" stroke="${theme.separator}" stroke-width="${n(unit)}"/>`,
        );
      }
      out.push(group(s.key, s.color, rects.join("")));
    }
    // Our forecast of the total over the bars: the band lightly shaded, the mean dashed on a light halo.
    const fc = spec.forecast;
    if (fc) {
      for (const b of fc.bands) {
        const pts = [...b.points].sort((p, q) => p.year - q.year);
        out.push(
          group(
            `band-${b.level}`,
            fc.color,
            area(
              pts.map((p) => at(p.year, p.upper)),
              pts.map((p) => at(p.year, p.lower)),
              fc.color,
              STACK_BAND_OPACITY,
            ),
          ),
        );
      }
      const line = fc.points.map((p) => at(p.year, p.value));
      out.push(
        group(
          "forecast",
          fc.color,
          polyline(line, theme.background ?? "#ffffff", w * 2.2) + polyline(line, fc.color, w, dash),
        ),
      );
    }
    return out.join("");
  }

  if (spec.kind === "total-forecast") {
    const bands = [...(spec.forecast?.bands ?? [])].sort((a, b) => b.level - a.level);
    bands.forEach((b, i) => {
      const pts = [...b.points].sort((p, q) => p.year - q.year);
      out.push(
        group(
          `band-${b.level}`,
          spec.forecast!.color,
          area(
            pts.map((p) => at(p.year, p.upper)),
            pts.map((p) => at(p.year, p.lower)),
            spec.forecast!.color,
            bandOpacity(i, bands.length),
          ),
        ),
      );
    });
    const s = spec.series[0];
    if (s) {
      const history = s.points.map((p) => at(p.year, p.value));
      out.push(
        group(
          s.key,
          s.color,
          area(
            history,
            history.map((p) => ({ x: p.x, y: sc.yOf(0) })),
            s.color,
            0.15,
          ) + polyline(history, s.color, w),
        ),
      );
    }
    if (spec.outlook)
      out.push(
        group(
          "outlook",
          spec.outlook.color,
          polyline(
            spec.outlook.points.map((p) => at(p.year, p.value)),
            spec.outlook.color,
            w,
            dash,
          ),
        ),
      );
    if (spec.forecast)
      out.push(
        group(
          "forecast",
          spec.forecast.color,
          polyline(
            spec.forecast.points.map((p) => at(p.year, p.value)),
            spec.forecast.color,
            w,
          ),
        ),
      );
    out.push(publishedDots(spec, sc, theme, unit));
    return out.join("");
  }

  // share-line (and any other line chart): solid to the last history year, dashed after it.
  for (const s of spec.series) {
    const history = s.points.filter((p) => p.year <= spec.historyTo).map((p) => at(p.year, p.value));
    const future = s.points.filter((p) => p.year >= spec.historyTo).map((p) => at(p.year, p.value));
    const dots = s.points
      .map((p) => `<circle cx="${n(sc.xOf(p.year))}" cy="${n(sc.yOf(p.value))}" r="${n(4 * unit)}" fill="${s.color}"/>`)
      .join("");
    out.push(group(s.key, s.color, polyline(history, s.color, w) + polyline(future, s.color, w, dash) + dots));
  }
  out.push(publishedDots(spec, sc, theme, unit));
  return out.join("");
}

/** The band of our forecast over stacked bars: light, so the bars under it stay readable. */
export const STACK_BAND_OPACITY = 0.12;

export function bandOpacity(i: number, count: number): number {
  // Wider (higher-level) bands lighter, drawn first; the same opacities as on screen.
  return count === 1 ? 0.2 : 0.15 + (0.15 * i) / (count - 1);
}

function publishedDots(spec: ChartExportSpec, sc: PlotScales, theme: ExportTheme, unit: number): string {
  const dots = publishedPoints(spec)
    .map(
      (p) =>
        `<circle cx="${n(sc.xOf(p.year))}" cy="${n(sc.yOf(p.value))}" r="${n(7 * unit)}" fill="${theme.background ?? "#ffffff"}" stroke="${theme.ink}" stroke-width="${n(2.5 * unit)}"/>`,
    )
    .join("");
  return dots ? `<g data-marker="published">${dots}</g>` : "";
}

export function legendItems(spec: ChartExportSpec): LegendItem[] {
  const items: LegendItem[] = [];
  if (spec.kind === "total-forecast") {
    const s = spec.series[0];
    if (s) items.push({ label: s.label, color: s.color, swatch: "line" });
    if (spec.outlook) items.push({ label: spec.outlook.label, color: spec.outlook.color, swatch: "dashed" });
    if (spec.forecast) {
      items.push({ label: spec.forecast.label, color: spec.forecast.color, swatch: "line" });
      const bands = [...spec.forecast.bands].sort((a, b) => b.level - a.level);
      bands.forEach((b, i) =>
        items.push({
          label: `${b.level}% prediction interval`,
          color: spec.forecast!.color,
          swatch: "band",
          opacity: bandOpacity(i, bands.length),
        }),
      );
    }
  } else if (spec.kind === "ranking-bar") {
    return [];
  } else {
    const swatch = spec.kind === "stacked-bar" ? "bar" : "line";
    spec.series.forEach((s) => items.push({ label: s.label, color: s.color, swatch }));
    if (spec.kind === "stacked-bar" && spec.forecast) {
      items.push({ label: spec.forecast.label, color: spec.forecast.color, swatch: "dashed" });
      spec.forecast.bands.forEach((b) =>
        items.push({
          label: `${b.level}% prediction interval`,
          color: spec.forecast!.color,
          swatch: "band",
          opacity: STACK_BAND_OPACITY,
        }),
      );
    }
  }
  if (publishedPoints(spec).length) items.push({ label: "Published figure", color: "ink", swatch: "dot" });
  return items;
}
