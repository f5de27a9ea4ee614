/**
 * The vendor ranking as horizontal bars: one bar per vendor in its palette colour, rank and name
 * on the left, value and share at the bar's end. "Others" comes last and carries no rank.
 */
import { formatPercent, formatUsdM } from "@/lib/market/presentation/format";
import type { ChartExportSpec } from "./chart-spec";
import type { Box } from "./plot-frame";
import { esc, n, textEl } from "./svg-util";
import { textWidth } from "./text-metrics";
import type { ExportTheme } from "./theme";

export function drawRanking(
  spec: ChartExportSpec,
  box: Box,
  theme: ExportTheme,
  fontSize: number,
): { svg: string; plot: Box } {
  const entries = spec.ranking?.entries ?? [];
  const rowH = Math.min(fontSize * 2.4, box.height / Math.max(1, entries.length));
  const fs = Math.min(fontSize, rowH * 0.55);
  // "Others" is no single vendor: it has no rank, and no placeholder where a rank would be.
  const label = (e: (typeof entries)[number]) => (e.rank ? `${e.rank}. ${e.label}` : e.label);
  const labelW = Math.min(box.width * 0.35, Math.max(0, ...entries.map((e) => textWidth(label(e), fs))) + fs);
  const valueText = (e: (typeof entries)[number]) => `${formatUsdM(e.value)} · ${formatPercent(e.share)}`;
  const valueW = Math.max(0, ...entries.map((e) => textWidth(valueText(e), fs))) + fs;
  const plot: Box = {
    x: box.x + labelW,
    y: box.y,
    width: Math.max(fs, box.width - labelW - valueW),
    height: rowH * entries.length,
  };
  const max = Math.max(0, ...entries.map((e) => e.value)) || 1;
  const parts: string[] = [];
  entries.forEach((e, i) => {
    const y = plot.y + i * rowH;
    const w = (e.value / max) * plot.width;
    parts.push(
      textEl({
        text: label(e),
        x: plot.x - fs * 0.5,
        y: y + rowH / 2 + fs * 0.35,
        fontSize: fs,
        weight: e.rank === 1 ? 600 : 400,
        anchor: "end",
        color: theme.ink,
      }),
    );
    parts.push(
      `<g data-series="${esc(e.key)}" data-color="${e.color.toLowerCase()}"><rect x="${n(plot.x)}" y="${n(y + rowH * 0.15)}" width="${n(Math.max(0, w))}" height="${n(rowH * 0.7)}" rx="${n(rowH * 0.08)}" fill="${e.color}"/></g>`,
    );
    parts.push(
      textEl({
        text: valueText(e),
        x: plot.x + w + fs * 0.4,
        y: y + rowH / 2 + fs * 0.35,
        fontSize: fs,
        weight: 400,
        anchor: "start",
        color: theme.muted,
      }),
    );
  });
  parts.push(
    `<line x1="${n(plot.x)}" x2="${n(plot.x)}" y1="${n(plot.y)}" y2="${n(plot.y + plot.height)}" stroke="${theme.axis}" stroke-width="${n(fs / 14)}"/>`,
  );
  return { svg: parts.join(""), plot };
}
