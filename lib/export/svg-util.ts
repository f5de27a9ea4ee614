/** Small helpers for writing SVG as text. */

export function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Two decimals: enough at 3× and keeps the file small. */
export function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}

export type Anchor = "start" | "middle" | "end";

/** A text run placed on the canvas: drawn into the SVG and reused for the PDF's text layer. */
export interface TextRun {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  fontSize: number;
  weight: 400 | 600;
  anchor: Anchor;
  color: string;
}

export function textEl(run: TextRun): string {
  const anchor = run.anchor === "start" ? "" : ` text-anchor="${run.anchor}"`;
  const weight = run.weight === 600 ? ` font-weight="600"` : "";
  return `<text x="${n(run.x)}" y="${n(run.y)}" font-size="${n(run.fontSize)}"${weight}${anchor} fill="${run.color}">${esc(run.text)}</text>`;
}

/** "Nice" axis ticks from 0 (or a negative minimum) to at least max. */
export function niceTicks(min: number, max: number, target = 5): number[] {
  const lo = Math.min(0, min);
  const hi = max > lo ? max : lo + 1;
  const raw = (hi - lo) / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const start = Math.floor(lo / step) * step;
  const ticks: number[] = [];
  for (let i = 0; ; i++) {
    const v = start + i * step;
    ticks.push(Number(v.toPrecision(12)));
    if (v >= hi - step * 1e-9) break;
  }
  return ticks;
}
