/**
 * The plot alone (marks, gridlines and the shaded forecast years, no text), drawn from the chart
 * description by the same code as the exports: for the link-preview image, whose text is set by
 * the image renderer in Inter around it.
 */
import type { ChartExportSpec } from "./chart-spec";
import { buildFrame } from "./plot-frame";
import { drawSeries } from "./plot-series";
import { themeFor } from "./theme";

export function composePlotSvg(spec: ChartExportSpec, width: number, height: number): string {
  const theme = themeFor("light");
  const u = Math.sqrt((width * height) / (1920 * 1080));
  const frame = buildFrame(spec, { x: 0, y: 0, width, height }, theme, 19 * u);
  const body = (frame.svg + drawSeries(spec, frame.scales, theme, u * 1.4)).replace(/<text\b[^>]*>[^<]*<\/text>/g, "");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" data-chart-kind="${spec.kind}">${body}</svg>`;
}
