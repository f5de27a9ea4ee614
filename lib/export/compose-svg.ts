/**
 * Composes a deck-ready chart as a standalone SVG from its spec at a fixed size: header (title,
 * filters and years, unit/currency and the history/forecast divide), the complete legend, the
 * plot, and a footer with the source line and the permalink. Nothing is read from the screen, so
 * the result is the same wherever the chart sits on the page and whatever the viewport.
 */
import type { ChartExportSpec } from "./chart-spec";
import { layoutLegend, type LegendBox, type LegendLayout } from "./legend-layout";
import { buildFrame, type Box } from "./plot-frame";
import { drawRanking } from "./plot-ranking";
import { drawSeries, legendItems } from "./plot-series";
import type { ExportBackground } from "./presets";
import { provenance } from "./provenance";
import { esc, n, textEl, type TextRun } from "./svg-util";
import { wrapText, type FontWeight } from "./text-metrics";
import { themeFor, type ExportTheme } from "./theme";

export const FONT_FAMILY = "'Inter Variable', Inter, system-ui, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

export interface ComposeOptions {
  width: number;
  height: number;
  background: ExportBackground;
  /** "2026-01-31" */
  exportedOn: string;
  /** data: URL of the Inter woff2, embedded so the SVG renders in Inter anywhere. */
  fontDataUrl?: string;
  /**
   * The filters of the whole view (deck pages): shown in the footer when the chart's own subtitle
   * leaves some out (a breakdown by vendor shows every vendor even when the view picks one).
   */
  viewLine?: string;
}

export interface ComposedChart {
  svg: string;
  width: number;
  height: number;
  legend: LegendLayout;
  plot: Box;
  /** Header and footer text, placed as drawn: the PDF repeats it as a real text layer. */
  texts: TextRun[];
}

/** Size unit: 1 at 1920×1080, scaled by area so 4:3 and square keep comparable proportions. */
export function sizeUnit(width: number, height: number): number {
  return Math.sqrt((width * height) / (1920 * 1080));
}

export function composeChartSvg(spec: ChartExportSpec, opts: ComposeOptions): ComposedChart {
  const { width: W, height: H } = opts;
  const u = sizeUnit(W, H);
  const theme = themeFor(opts.background);
  const pad = 56 * u;
  const inner = W - 2 * pad;
  const stamp = provenance(spec, opts.exportedOn);
  const texts: TextRun[] = [];

  // Long titles shrink until they fit on two lines (never below 70% of the base size).
  let titleSize = 40 * u;
  let titleLines = wrapText(stamp.title, inner, titleSize, 600);
  while (titleLines.length > 2 && titleSize > 28 * u) {
    titleSize *= 0.92;
    titleLines = wrapText(stamp.title, inner, titleSize, 600);
  }
  let y = pad;
  const block = (text: string, size: number, weight: FontWeight, color: string, lineGap = 1.25) => {
    for (const line of wrapText(text, inner, size, weight)) {
      y += size * lineGap;
      texts.push({ text: line, x: pad, y: y - size * 0.3, fontSize: size, weight, anchor: "start", color });
    }
  };
  for (const line of titleLines) {
    y += titleSize * 1.2;
    texts.push({
      text: line,
      x: pad,
      y: y - titleSize * 0.22,
      fontSize: titleSize,
      weight: 600,
      anchor: "start",
      color: theme.ink,
    });
  }
  y += 8 * u;
  block(stamp.subtitle, 24 * u, 400, theme.ink);
  y += 4 * u;
  block(stamp.unitLine, 21 * u, 400, theme.muted);
  y += 22 * u;

  const legend = layoutLegend(legendItems(spec), {
    x: pad,
    y,
    width: inner,
    maxHeight: H * 0.28,
    fontSize: 21 * u,
    minFontSize: 12 * u,
  });
  y += legend.height + 26 * u;

  // Footer from the bottom up: permalink last, source line above it.
  const footer: TextRun[] = [];
  let fy = H - pad;
  const permalinkLines = wrapText(stamp.permalink, inner, 16 * u);
  const sourceLines = wrapText(stamp.sourceLine, inner, 18 * u);
  for (const line of [...permalinkLines].reverse()) {
    footer.unshift({ text: line, x: pad, y: fy, fontSize: 16 * u, weight: 400, anchor: "start", color: theme.muted });
    fy -= 16 * u * 1.3;
  }
  fy -= 4 * u;
  const viewLines =
    opts.viewLine && !stamp.subtitle.startsWith(opts.viewLine) ? wrapText(`View: ${opts.viewLine}`, inner, 18 * u) : [];
  for (const line of [...viewLines, ...sourceLines].reverse()) {
    footer.unshift({ text: line, x: pad, y: fy, fontSize: 18 * u, weight: 400, anchor: "start", color: theme.muted });
    fy -= 18 * u * 1.3;
  }
  const plotBox: Box = { x: pad, y, width: inner, height: Math.max(120 * u, fy - 18 * u - y) };
  texts.push(...footer);

  const ranking = spec.kind === "ranking-bar" ? drawRanking(spec, plotBox, theme, 21 * u) : null;
  const frame = ranking ? null : buildFrame(spec, plotBox, theme, 19 * u);
  const body = [
    opts.fontDataUrl
      ? `<defs><style>@font-face{font-family:'Inter Variable';font-style:normal;font-display:block;font-weight:100 900;src:url(${opts.fontDataUrl}) format('woff2');}</style></defs>`
      : "",
    `<title>${esc(stamp.title)}</title>`,
    theme.background ? `<rect width="${W}" height="${H}" fill="${theme.background}"/>` : "",
    frame ? frame.svg + drawSeries(spec, frame.scales, theme, u) : ranking!.svg,
    legend.boxes.map((b) => legendEntry(b, legend, theme)).join(""),
    texts.map(textEl).join(""),
  ].join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${FONT_FAMILY}" data-chart-kind="${spec.kind}" data-chart-id="${esc(spec.id)}">${body}</svg>`;
  return { svg, width: W, height: H, legend, plot: frame ? frame.scales.plot : ranking!.plot, texts };
}

function legendEntry(box: LegendBox, legend: LegendLayout, theme: ExportTheme): string {
  const fs = legend.fontSize;
  const { item } = box;
  const color = item.color === "ink" ? theme.ink : item.color;
  const cy = box.y + legend.lineHeight / 2;
  const x0 = box.x;
  const x1 = box.x + legend.swatchWidth;
  const sw = fs / 6;
  let swatch: string;
  switch (item.swatch) {
    case "line":
    case "dashed":
    case "dotted": {
      const dash =
        item.swatch === "dashed"
          ? ` stroke-dasharray="${n(fs * 0.5)} ${n(fs * 0.3)}"`
          : item.swatch === "dotted"
            ? ` stroke-dasharray="${n(fs * 0.15)} ${n(fs * 0.3)}" stroke-linecap="round"`
            : "";
      swatch = `<line x1="${n(x0)}" x2="${n(x1)}" y1="${n(cy)}" y2="${n(cy)}" stroke="${color}" stroke-width="${n(sw)}"${dash}/>`;
      break;
    }
    case "dot":
      swatch = `<circle cx="${n((x0 + x1) / 2)}" cy="${n(cy)}" r="${n(fs * 0.28)}" fill="${theme.background ?? "#ffffff"}" stroke="${color}" stroke-width="${n(fs / 8)}"/>`;
      break;
    default:
      swatch = `<rect x="${n(x0)}" y="${n(cy - fs * 0.4)}" width="${n(x1 - x0)}" height="${n(fs * 0.8)}" rx="${n(fs * 0.12)}" fill="${color}" fill-opacity="${item.opacity ?? 0.85}"/>`;
  }
  const textX = x1 + fs * 0.5;
  const lines = box.lines
    .map((line, k) =>
      textEl({
        text: line,
        x: textX,
        y: box.y + k * legend.lineHeight + fs * 0.98,
        fontSize: fs,
        weight: 400,
        anchor: "start",
        color: theme.ink,
      }),
    )
    .join("");
  return swatch + lines;
}
