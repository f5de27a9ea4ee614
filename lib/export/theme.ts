/** Colours for exports. Literal colours only: a serialised SVG cannot resolve CSS variables. */
import type { ExportBackground } from "./presets";

export interface ExportTheme {
  /** null: transparent canvas. */
  background: string | null;
  ink: string;
  muted: string;
  grid: string;
  axis: string;
  /** Fill of the shaded forecast years. */
  shade: string;
  shadeOpacity: number;
  /** Hairline between stacked areas/bars. */
  separator: string;
}

const LIGHT: ExportTheme = {
  background: "#ffffff",
  ink: "#0f172a",
  muted: "#475569",
  grid: "#e2e8f0",
  axis: "#94a3b8",
  shade: "#94a3b8",
  shadeOpacity: 0.14,
  separator: "#ffffff",
};

const DARK: ExportTheme = {
  background: "#0f172a",
  ink: "#f1f5f9",
  muted: "#cbd5e1",
  grid: "#334155",
  axis: "#64748b",
  shade: "#94a3b8",
  shadeOpacity: 0.16,
  separator: "#0f172a",
};

export function themeFor(background: ExportBackground): ExportTheme {
  if (background === "dark") return DARK;
  // Transparent exports keep dark ink: they are pasted onto light slides far more often than dark.
  if (background === "transparent") return { ...LIGHT, background: null, separator: "#ffffff" };
  return LIGHT;
}

/**
 * Sixteen distinguishable colours (Okabe-Ito first, then Paul Tol's muted set), enough for every
 * vendor without repeating; the first ones are colour-blind safe for the common small breakdowns.
 */
export const SERIES_COLORS = [
  "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#882255", "#117733",
  "#999933", "#AA4499", "#44AA99", "#6699CC", "#DDCC77", "#8C564B", "#7F7F7F", "#BCBD22",
];

export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length];
}

/** Total-forecast charts: history, publisher outlook, our forecast. */
export const TOTAL_COLORS = { history: "#0072B2", outlook: "#D55E00", forecast: "#009E73" };
