/**
 * The cover page of a dashboard deck: what the deck is, the filters and years in force, the list
 * of charts with their page numbers, and every source behind them. Same fonts and colours as the
 * chart pages; returned with its text runs so the PDF can carry them as real text.
 */
import type { ChartExportSpec } from "./chart-spec";
import { FONT_FAMILY, sizeUnit } from "./compose-svg";
import { esc, textEl, type TextRun } from "./svg-util";
import { wrapText, type FontWeight } from "./text-metrics";
import { themeFor } from "./theme";

export interface CoverOptions {
  title: string;
  width: number;
  height: number;
  exportedOn: string;
  fontDataUrl?: string;
  /** Pages between the cover and the first chart (e.g. the headline figures), listed in the contents. */
  pagesBefore?: string[];
}

type Line = { text: string; size: number; weight: FontWeight; muted?: boolean; gapBefore?: number };

const unique = (xs: string[]) => [...new Set(xs)];

export function coverLines(
  specs: ChartExportSpec[],
  opts: Pick<CoverOptions, "title" | "exportedOn" | "pagesBefore">,
): Line[] {
  // Page 1 is this cover; the contents number every page after it as the PDF does.
  const before = opts.pagesBefore ?? [];
  const firstChart = 2 + before.length;
  const lines: Line[] = [
    { text: opts.title, size: 52, weight: 600 },
    {
      text: `Exported ${opts.exportedOn} · ${specs.length} chart${specs.length === 1 ? "" : "s"}, one per page`,
      size: 24,
      weight: 400,
      muted: true,
      gapBefore: 6,
    },
    { text: "Filters and years", size: 26, weight: 600, gapBefore: 40 },
    ...unique(specs.map((s) => s.subtitle)).map((text): Line => ({ text, size: 22, weight: 400, gapBefore: 6 })),
    { text: "Contents", size: 26, weight: 600, gapBefore: 32 },
    ...before.map((title, i): Line => ({ text: `${i + 2}. ${title}`, size: 22, weight: 400, gapBefore: 4 })),
    ...specs.map((s, i): Line => ({ text: `${i + firstChart}. ${s.title}`, size: 22, weight: 400, gapBefore: 4 })),
    { text: "Sources", size: 26, weight: 600, gapBefore: 32 },
    ...unique(specs.map((s) => `${s.source.publisher} · Dataset ${s.source.datasetId}`)).map((text): Line => ({
      text,
      size: 22,
      weight: 400,
      gapBefore: 6,
    })),
  ];
  if (specs.some((s) => s.source.modelled))
    lines.push({
      text: "Values not published by the source are modelled estimates, flagged as such in the data exports.",
      size: 20,
      weight: 400,
      muted: true,
      gapBefore: 8,
    });
  const permalinks = unique(specs.map((s) => s.permalink));
  if (permalinks.length) {
    lines.push({ text: "View", size: 26, weight: 600, gapBefore: 32 });
    for (const p of permalinks) lines.push({ text: p, size: 18, weight: 400, muted: true, gapBefore: 4 });
  }
  return lines;
}

export function composeCoverSvg(specs: ChartExportSpec[], opts: CoverOptions): { svg: string; texts: TextRun[] } {
  const { width: W, height: H } = opts;
  const theme = themeFor("light");
  const pad = 96 * sizeUnit(W, H);
  const lines = coverLines(specs, opts);
  // Shrink everything together when a long list of charts would run off the page.
  let k = sizeUnit(W, H);
  let runs = place(lines, k, pad, W - 2 * pad);
  while (runs.bottom > H - pad && k > 0.3) {
    k *= 0.93;
    runs = place(lines, k, pad, W - 2 * pad);
  }
  const texts = runs.texts.map((t, i): TextRun => ({ ...t, color: runs.muted[i] ? theme.muted : theme.ink }));
  const accent = `<rect x="${pad}" y="${pad * 0.55}" width="${pad * 1.2}" height="${8 * k}" fill="#0072B2"/>`;
  const font = opts.fontDataUrl
    ? `<defs><style>@font-face{font-family:'Inter Variable';font-style:normal;font-display:block;font-weight:100 900;src:url(${opts.fontDataUrl}) format('woff2');}</style></defs>`
    : "";
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${FONT_FAMILY}">${font}<title>${esc(opts.title)}</title><rect width="${W}" height="${H}" fill="${theme.background}"/>${accent}${texts.map(textEl).join("")}</svg>`;
  return { svg, texts };
}

function place(lines: Line[], k: number, pad: number, width: number) {
  const texts: TextRun[] = [];
  const muted: boolean[] = [];
  let y = pad;
  for (const line of lines) {
    y += (line.gapBefore ?? 0) * k;
    for (const text of wrapText(line.text, width, line.size * k, line.weight)) {
      y += line.size * k * 1.3;
      texts.push({
        text,
        x: pad,
        y: y - line.size * k * 0.3,
        fontSize: line.size * k,
        weight: line.weight,
        anchor: "start",
        color: "",
      });
      muted.push(!!line.muted);
    }
  }
  return { texts, muted, bottom: y };
}
