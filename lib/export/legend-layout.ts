/**
 * Legend layout for exports: every entry shown in full, whatever the count or label length.
 * Entries go into equal columns; long labels wrap onto more lines; when the legend would take
 * too much of the canvas the font shrinks (down to a floor). Widths come from Inter's metrics.
 */
import { textWidth, wrapText } from "./text-metrics";

export type LegendSwatch = "line" | "dashed" | "dotted" | "area" | "band" | "bar" | "dot";

export interface LegendItem {
  label: string;
  color: string;
  swatch: LegendSwatch;
  /** Fill opacity for area/band swatches. */
  opacity?: number;
}

export interface LegendBox {
  item: LegendItem;
  x: number;
  y: number;
  width: number;
  height: number;
  lines: string[];
}

export interface LegendLayout {
  boxes: LegendBox[];
  fontSize: number;
  lineHeight: number;
  swatchWidth: number;
  height: number;
  /** False only when even the smallest font overflows maxHeight (the plot then gets less room). */
  fitsHeight: boolean;
}

export interface LegendFrame {
  x: number;
  y: number;
  width: number;
  maxHeight: number;
  fontSize: number;
  minFontSize: number;
}

/** Labels may wrap onto this many lines before more columns are judged worse than fewer. */
const MAX_LINES = 3;

export function layoutLegend(items: LegendItem[], frame: LegendFrame): LegendLayout {
  let fontSize = frame.fontSize;
  for (;;) {
    const layout = layoutAt(items, frame, fontSize);
    if (layout.height <= frame.maxHeight || fontSize <= frame.minFontSize) {
      return { ...layout, fitsHeight: layout.height <= frame.maxHeight };
    }
    fontSize = Math.max(frame.minFontSize, Math.round(fontSize * 0.9 * 10) / 10);
  }
}

function layoutAt(items: LegendItem[], frame: LegendFrame, fontSize: number): Omit<LegendLayout, "fitsHeight"> {
  const swatchWidth = fontSize * 1.6;
  const swatchGap = fontSize * 0.5;
  const colGap = fontSize * 1.4;
  const rowGap = fontSize * 0.45;
  const lineHeight = fontSize * 1.25;
  const natural = items.map((it) => swatchWidth + swatchGap + textWidth(it.label, fontSize));
  const widest = Math.max(0, ...natural);
  let best: { height: number; lines: number; boxes: LegendBox[] } | null = null;
  for (let cols = Math.max(1, items.length); cols >= 1; cols--) {
    const colWidth = Math.min((frame.width - (cols - 1) * colGap) / cols, widest);
    const textMax = colWidth - swatchWidth - swatchGap;
    if (cols > 1 && colWidth < widest && textMax < fontSize * 3) continue;
    const wrapped = items.map((it) => wrapText(it.label, textMax, fontSize));
    const maxLines = Math.max(1, ...wrapped.map((l) => l.length));
    if (maxLines > MAX_LINES && cols > 1) continue;
    // Words split mid-word read badly: accept that only when a single column leaves no choice.
    const splitsWords = wrapped.some((lines, i) => lines.join(" ") !== items[i].label.trim().split(/\s+/).join(" "));
    if (splitsWords && cols > 1) continue;
    const boxes: LegendBox[] = [];
    let y = frame.y;
    for (let start = 0; start < items.length; start += cols) {
      const row = wrapped.slice(start, start + cols);
      const rowHeight = Math.max(...row.map((l) => l.length)) * lineHeight;
      row.forEach((lines, j) => {
        boxes.push({
          item: items[start + j],
          x: frame.x + j * (colWidth + colGap),
          y,
          width: colWidth,
          height: lines.length * lineHeight,
          lines,
        });
      });
      y += rowHeight + rowGap;
    }
    const height = items.length ? y - rowGap - frame.y : 0;
    const lineCount = wrapped.reduce((n, l) => n + l.length, 0);
    // Lowest legend wins; at equal height, fewer wrapped lines read better.
    if (!best || height < best.height - 0.01 || (Math.abs(height - best.height) < 0.01 && lineCount < best.lines)) {
      best = { height, lines: lineCount, boxes };
    }
  }
  return { boxes: best?.boxes ?? [], fontSize, lineHeight, swatchWidth, height: best?.height ?? 0 };
}
