/**
 * Canvas-free text metrics for Inter (the app font). Advance widths per 1000 units of font size,
 * measured once in Chromium from the same woff2 the app serves, so exports can lay out legends and
 * wrap titles in node tests and in the browser alike. Kerning is ignored, which only over-estimates
 * widths (safe: a label is never clipped because it was thought shorter than it is).
 */

const CHARS =
  " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~·–—…€£¥×≤≥éèáàöüäñçøåÉÖÜ’‘“”•→←%";
const REGULAR = [
  281, 288, 466, 633, 642, 982, 644, 300, 365, 365, 501, 662, 288, 460, 288, 360, 631, 407, 610, 618, 646, 593, 620,
  566, 619, 620, 288, 302, 662, 662, 662, 511, 966, 690, 654, 730, 722, 601, 590, 746, 743, 269, 571, 672, 565, 903,
  753, 765, 639, 765, 644, 642, 646, 744, 690, 985, 682, 679, 629, 365, 360, 365, 471, 456, 323, 562, 612, 571, 612,
  583, 370, 613, 591, 242, 242, 549, 242, 876, 591, 600, 612, 612, 376, 528, 327, 591, 562, 818, 546, 562, 552, 426,
  333, 426, 662, 288, 500, 1000, 864, 667, 611, 550, 662, 549, 549, 583, 583, 562, 562, 600, 591, 562, 591, 571, 600,
  562, 601, 765, 744, 261, 261, 440, 440, 563, 1000, 1000, 982,
];
const SEMIBOLD = [
  252, 321, 523, 644, 650, 1004, 663, 326, 373, 373, 540, 673, 319, 465, 319, 379, 660, 423, 623, 636, 666, 612, 640,
  576, 640, 640, 319, 329, 673, 673, 673, 543, 999, 728, 659, 737, 722, 605, 588, 749, 746, 277, 580, 703, 565, 922,
  759, 769, 645, 773, 652, 650, 660, 736, 728, 1020, 720, 713, 652, 373, 379, 373, 481, 469, 351, 574, 624, 583, 624,
  591, 389, 625, 612, 262, 262, 569, 262, 900, 612, 609, 624, 624, 397, 549, 353, 612, 587, 839, 569, 588, 566, 455,
  359, 455, 673, 319, 500, 1000, 956, 679, 629, 563, 673, 549, 549, 591, 591, 574, 574, 609, 612, 574, 612, 583, 609,
  574, 605, 769, 736, 294, 294, 507, 501, 503, 1000, 1000, 1004,
];

const regular = new Map<string, number>();
const semibold = new Map<string, number>();
[...CHARS].forEach((ch, i) => {
  regular.set(ch, REGULAR[i]);
  semibold.set(ch, SEMIBOLD[i]);
});
// Unknown glyphs (other scripts, symbols) get a wide default so they are never under-measured.
const FALLBACK = 1000;

export type FontWeight = 400 | 600;

/** Width in px of `text` set in Inter at `fontSize` px. */
export function textWidth(text: string, fontSize: number, weight: FontWeight = 400): number {
  const table = weight >= 600 ? semibold : regular;
  let units = 0;
  for (const ch of text) units += table.get(ch) ?? FALLBACK;
  return (units * fontSize) / 1000;
}

/**
 * Greedy word wrap into lines no wider than `maxWidth`. A word longer than a line is broken by
 * characters, so no line ever exceeds the width (nothing is clipped, whatever the label).
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, weight: FontWeight = 400): string[] {
  const lines: string[] = [];
  let line = "";
  const push = (word: string) => {
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, fontSize, weight) <= maxWidth) {
      line = candidate;
      return;
    }
    if (line) lines.push(line);
    line = "";
    if (textWidth(word, fontSize, weight) <= maxWidth) {
      line = word;
      return;
    }
    let part = "";
    for (const ch of word) {
      if (part && textWidth(part + ch, fontSize, weight) > maxWidth) {
        lines.push(part);
        part = "";
      }
      part += ch;
    }
    line = part;
  };
  for (const word of text.split(/\s+/).filter(Boolean)) push(word);
  if (line || lines.length === 0) lines.push(line);
  return lines;
}
