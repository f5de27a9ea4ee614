/** Export presets: fixed canvas sizes, pixel scales and backgrounds, so every export is deck-ready. */

import { queryFileStem, VIEW_KEY_DEFAULTS } from "../market/query/key";
import { parseViewState } from "../market/query/view-state";

export const SIZE_PRESETS = [
  { id: "16:9", label: "16:9", width: 1920, height: 1080 },
  { id: "4:3", label: "4:3", width: 1600, height: 1200 },
  { id: "square", label: "Square", width: 1080, height: 1080 },
] as const;
export type SizePreset = (typeof SIZE_PRESETS)[number];
export type SizePresetId = SizePreset["id"];

export const SCALES = [1, 2, 3] as const;
export type ExportScale = (typeof SCALES)[number];

export const BACKGROUNDS = ["light", "dark", "transparent"] as const;
export type ExportBackground = (typeof BACKGROUNDS)[number];

export const IMAGE_FORMATS = ["PNG", "SVG", "PDF"] as const;
export const DATA_FORMATS = ["CSV", "XLSX"] as const;
export type ExportFormat = (typeof IMAGE_FORMATS)[number] | (typeof DATA_FORMATS)[number];

export interface ExportOptions {
  size: SizePresetId;
  scale: ExportScale;
  background: ExportBackground;
}

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = { size: "16:9", scale: 2, background: "light" };

export function sizePreset(id: SizePresetId): SizePreset {
  return SIZE_PRESETS.find((p) => p.id === id) ?? SIZE_PRESETS[0];
}

/** "2026-01-31": the export date stamped on every export (UTC, so it does not depend on the viewer). */
export function exportDate(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * A file name safe on every OS: its name, the query it shows (lib/market/query/key queryFileStem)
 * and the image options, joined by `_`: "overview-vendor_sector-healthcare_16-9-2x-light.png".
 */
export function exportFileName(id: string, ext: string, opts?: ExportOptions, query = ""): string {
  const safe = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "chart";
  const suffix = opts ? `${safe(opts.size)}-${opts.scale}x-${opts.background}` : "";
  return [safe(id), query, suffix].filter(Boolean).join("_") + `.${ext.toLowerCase()}`;
}

/** A view's URL read as the page reads it: its page's own parts (path) and its query's file name stem. */
function viewParts(permalink: string, page: boolean): { parts: string[]; query: string } {
  const parts: string[] = [];
  try {
    const url = new URL(permalink);
    const path = url.pathname.split("/").filter(Boolean);
    if (page && path[0] === "explore") parts.push("explore");
    if (["sectors", "vendors", "types"].includes(path[0]) && path[1]) parts.push(decodeURIComponent(path[1]));
    // The URL's query as the page reads it, in its one spelling: equivalent URLs give one name.
    return { parts, query: queryFileStem(parseViewState(url.searchParams).value, VIEW_KEY_DEFAULTS) };
  } catch {
    // No URL (never expected in the browser): the chart's id still names it.
    return { parts, query: "" };
  }
}

/**
 * A chart's file name names the chart and the view it shows, e.g.
 * "overview-vendor_sector-healthcare_16-9-2x-light.png", so a filtered export never takes the unfiltered one's name.
 */
export function chartFileName(id: string, permalink: string, ext: string, opts?: ExportOptions): string {
  const { parts, query } = viewParts(permalink, false);
  return exportFileName([id, ...parts].join("-"), ext, opts, query);
}

/**
 * A deck's file name says which view it holds: the page's own member (a sector or vendor page),
 * the view's query and the years, e.g. "ai-models-market-healthcare_vendor-openai_2021-2032.pdf".
 * Read from the view's URL, so two different views never share a name and equivalent ones do.
 */
export function deckFileName(permalink: string, years: { from: number; to: number }): string {
  const { parts, query } = viewParts(permalink, true);
  const name = exportFileName(["ai-models-market", ...parts].join("-"), "pdf", undefined, query);
  return name.replace(/\.pdf$/, `_${years.from}-${years.to}.pdf`);
}
