/**
 * The plot alone (marks, gridlines and the shaded forecast years, no text), drawn from the chart
 * description by the same code as the exports: for the link-preview image, whose text is set by
 * the image renderer in Inter around it.
 */
import type { ChartExportSpec } from "./chart-spec";
import { buildFrame } from "./plot-frame";
import { drawSeries } from "./plot-series";
import { themeFor } from "./theme";

export function composePlotSvg(given: ChartExportSpec, width: number, height: number): string {
  return composePlotParts(given, width, height).svg;
}

/** A label of the plot (axis ticks, years, the history/outlook words) for the renderer to set in its own font. */
export interface PlotLabel {
  text: string;
  x: number;
  /** The text's baseline. */
  y: number;
  fontSize: number;
  anchor: "start" | "middle" | "end";
}

/** The plot without text, and its text as positioned labels (the same ones the exports draw). */
export function composePlotParts(
  given: ChartExportSpec,
  width: number,
  height: number,
): { svg: string; labels: PlotLabel[] } {
  const spec = withoutDwarfingBand(given);
  const theme = themeFor("light");
  const u = Math.sqrt((width * height) / (1920 * 1080));
  const frame = buildFrame(spec, { x: 0, y: 0, width, height }, theme, 19 * u);
  const labels: PlotLabel[] = [];
  const body = (frame.svg + drawSeries(spec, frame.scales, theme, u * 1.4)).replace(
    /<text\b([^>]*)>([^<]*)<\/text>/g,
    (_, attrs: string, text: string) => {
      const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];
      const anchor = attr("text-anchor");
      labels.push({
        text: unescapeXml(text),
        x: Number(attr("x")),
        y: Number(attr("y")),
        fontSize: Number(attr("font-size")),
        anchor: anchor === "middle" || anchor === "end" ? anchor : "start",
      });
      return "";
    },
  );
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" data-chart-kind="${spec.kind}">${body}</svg>`;
  return { svg, labels: labels.filter((l) => l.text.trim() && Number.isFinite(l.x) && Number.isFinite(l.y)) };
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/**
 * As on screen: a 95% band far above everything else would flatten the chart, so a thumbnail
 * leaves it out (the 80% band stays).
 */
function withoutDwarfingBand(spec: ChartExportSpec): ChartExportSpec {
  const fc = spec.forecast;
  if (!fc) return spec;
  const shown = [
    ...spec.series.flatMap((s) => s.points.map((p) => p.value)),
    ...(spec.outlook?.points.map((p) => p.value) ?? []),
    ...fc.points.map((p) => p.value),
    ...fc.bands.filter((b) => b.level < 95).flatMap((b) => b.points.map((p) => p.upper)),
  ];
  const top = Math.max(0, ...shown);
  const wide = fc.bands.find((b) => b.level >= 95);
  if (!wide || Math.max(...wide.points.map((p) => p.upper)) <= top * 1.15) return spec;
  return { ...spec, forecast: { ...fc, bands: fc.bands.filter((b) => b !== wide) } };
}
