/**
 * The deck's headline slide: the view's headline cards (size, CAGR, outlook, our forecast, or a
 * sector's or vendor's key figures) as a grid of cards, with the view's filters and years on top.
 */
import { withEmbeddedGlyphs } from "./glyphs";
import { FONT_FAMILY, sizeUnit } from "./compose-svg";
import { esc, n, textEl, type TextRun } from "./svg-util";
import { wrapText } from "./text-metrics";
import { themeFor } from "./theme";

export interface HeadlineCard {
  label: string;
  value: string;
  detail?: string;
  note: string;
}

export interface CardsOptions {
  title: string;
  /** Filters and years in force. */
  subtitle: string;
  footer: string;
  width: number;
  height: number;
}

export function composeCardsSvg(cards: HeadlineCard[], opts: CardsOptions): { svg: string; texts: TextRun[] } {
  const { width: W, height: H } = opts;
  const u = sizeUnit(W, H);
  const theme = themeFor("light");
  const pad = 56 * u;
  const inner = W - 2 * pad;
  const texts: TextRun[] = [];
  let y = pad + 40 * u;
  texts.push({ text: opts.title, x: pad, y, fontSize: 40 * u, weight: 600, anchor: "start", color: theme.ink });
  for (const line of wrapText(opts.subtitle, inner, 24 * u)) {
    y += 24 * u * 1.35;
    texts.push({ text: line, x: pad, y, fontSize: 24 * u, weight: 400, anchor: "start", color: theme.ink });
  }
  y += 40 * u;
  const cols = cards.length > 4 ? 3 : 2;
  const rows = Math.max(1, Math.ceil(cards.length / cols));
  const gap = 28 * u;
  const cardW = (inner - gap * (cols - 1)) / cols;
  const bottom = H - pad - 40 * u;
  const cardH = Math.min(260 * u, (bottom - y - gap * (rows - 1)) / rows);
  const shapes: string[] = [];
  cards.forEach((card, i) => {
    const x = pad + (i % cols) * (cardW + gap);
    const top = y + Math.floor(i / cols) * (cardH + gap);
    const cp = 24 * u;
    shapes.push(
      `<rect x="${n(x)}" y="${n(top)}" width="${n(cardW)}" height="${n(cardH)}" rx="${n(12 * u)}" fill="#f8fafc" stroke="#cbd5e1" stroke-width="${n(1.5 * u)}"/>`,
    );
    let ty = top + cp + 22 * u;
    texts.push({
      text: card.label,
      x: x + cp,
      y: ty,
      fontSize: 24 * u,
      weight: 400,
      anchor: "start",
      color: theme.muted,
    });
    ty += 62 * u;
    texts.push({
      text: withEmbeddedGlyphs(card.value),
      x: x + cp,
      y: ty,
      fontSize: 56 * u,
      weight: 600,
      anchor: "start",
      color: theme.ink,
    });
    for (const line of [
      ...(card.detail ? wrapText(withEmbeddedGlyphs(card.detail), cardW - 2 * cp, 19 * u) : []),
      ...wrapText(withEmbeddedGlyphs(card.note), cardW - 2 * cp, 19 * u),
    ]) {
      ty += 19 * u * 1.45;
      if (ty > top + cardH - cp / 2) break;
      texts.push({ text: line, x: x + cp, y: ty, fontSize: 19 * u, weight: 400, anchor: "start", color: theme.muted });
    }
  });
  for (const line of wrapText(opts.footer, inner, 16 * u).reverse())
    texts.push({ text: line, x: pad, y: H - pad, fontSize: 16 * u, weight: 400, anchor: "start", color: theme.muted });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${FONT_FAMILY}" data-slide="cards"><title>${esc(opts.title)}</title><rect width="${W}" height="${H}" fill="${theme.background}"/>${shapes.join("")}${texts.map(textEl).join("")}</svg>`;
  return { svg, texts };
}
