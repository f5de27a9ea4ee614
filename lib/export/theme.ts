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
