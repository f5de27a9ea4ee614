/**
 * The deck's story slide of a type, sector or vendor page: the drivers and trends that move the
 * segment, each with its direction, under the "our reading" label (the links are our reading of
 * the publisher's release, not its numbers).
 */
import { FONT_FAMILY, sizeUnit } from "./compose-svg";
import { esc, textEl, type TextRun } from "./svg-util";
import { wrapText } from "./text-metrics";
import { themeFor } from "./theme";

export interface StorySlide {
  /** "Drivers and trends that move Healthcare". */
  title: string;
  /** The label every link carries: "our reading". */
  label: string;
  /** One line per driver or trend: "Driver: Enterprise use cases in every sector — raises its growth". */
  items: string[];
  /** Why the label: the links are our reading of the release. */
  note: string;
}

export function composeStorySvg(
  slide: StorySlide,
  opts: { footer: string; width: number; height: number },
): { svg: string; texts: TextRun[] } {
  const { width: W, height: H } = opts;
  const u = sizeUnit(W, H);
  const theme = themeFor("light");
  const pad = 56 * u;
  const inner = W - 2 * pad;
  const texts: TextRun[] = [];
  let y = pad + 40 * u;
  for (const line of wrapText(`${slide.title} (${slide.label})`, inner, 40 * u)) {
    texts.push({ text: line, x: pad, y, fontSize: 40 * u, weight: 600, anchor: "start", color: theme.ink });
    y += 40 * u * 1.3;
  }
  y += 16 * u;
  const bottom = H - pad - 80 * u;
  for (const item of slide.items) {
    const lines = wrapText(item, inner - 28 * u, 26 * u);
    if (y + lines.length * 26 * u * 1.4 > bottom) break;
    texts.push({ text: "•", x: pad, y, fontSize: 26 * u, weight: 600, anchor: "start", color: theme.ink });
    for (const line of lines) {
      texts.push({ text: line, x: pad + 28 * u, y, fontSize: 26 * u, weight: 400, anchor: "start", color: theme.ink });
      y += 26 * u * 1.4;
    }
    y += 10 * u;
  }
  let ny = H - pad - 40 * u;
  for (const line of wrapText(slide.note, inner, 19 * u).reverse()) {
    texts.push({ text: line, x: pad, y: ny, fontSize: 19 * u, weight: 400, anchor: "start", color: theme.muted });
    ny -= 19 * u * 1.4;
  }
  for (const line of wrapText(opts.footer, inner, 16 * u).reverse())
    texts.push({ text: line, x: pad, y: H - pad, fontSize: 16 * u, weight: 400, anchor: "start", color: theme.muted });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${FONT_FAMILY}" data-slide="story"><title>${esc(slide.title)}</title><rect width="${W}" height="${H}" fill="${theme.background}"/>${texts.map(textEl).join("")}</svg>`;
  return { svg, texts };
}
