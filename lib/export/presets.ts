/** Export presets: fixed canvas sizes, pixel scales and backgrounds, so every export is deck-ready. */

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

/** A file name safe on every OS: "overview-total-16x9-2x-light.png". */
export function exportFileName(id: string, ext: string, opts?: ExportOptions): string {
  const safe = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "chart";
  const suffix = opts ? `-${safe(opts.size)}-${opts.scale}x-${opts.background}` : "";
  return `${safe(id)}${suffix}.${ext.toLowerCase()}`;
}

const FILTER_PARAMS = ["type", "sector", "vendor", "region", "group"] as const;

/**
 * What tells one view from another in a file name, read from its URL: the page's own member (a
 * sector or vendor page), every filter value and a pinned dataset; "explore", its breakdown and the
 * share view when `page` is set.
 */
function viewParts(permalink: string, page: boolean): string[] {
  const parts: string[] = [];
  try {
    const url = new URL(permalink);
    const path = url.pathname.split("/").filter(Boolean);
    if (page && path[0] === "explore") parts.push("explore");
    if (["sectors", "vendors", "types"].includes(path[0]) && path[1]) parts.push(decodeURIComponent(path[1]));
    const by = url.searchParams.get("by");
    if (page && path[0] === "explore" && by && by !== "total") parts.push(`by-${by}`);
    if (page && url.searchParams.get("view") === "share") parts.push("share");
    for (const dim of FILTER_PARAMS)
      for (const value of (url.searchParams.get(dim) ?? "").split(",").filter(Boolean)) parts.push(value);
    const dataset = url.searchParams.get("dataset");
    if (dataset) parts.push(dataset);
  } catch {
    // No URL (never expected in the browser): the chart's id still names it.
  }
  return parts;
}

/**
 * A chart's file name names the chart and the slice it shows, e.g.
 * "overview-vendor-healthcare-16-9-2x-light.png", so a filtered export never takes the unfiltered one's name.
 */
export function chartFileName(id: string, permalink: string, ext: string, opts?: ExportOptions): string {
  return exportFileName([id, ...viewParts(permalink, false)].join("-"), ext, opts);
}

/**
 * A deck's file name says which view it holds: the page's own member (a sector or vendor page),
 * every filter value and the years, e.g. "ai-models-market-healthcare-openai-2021-2032.pdf".
 * Read from the view's URL, so two different views never share a name.
 */
export function deckFileName(permalink: string, years: { from: number; to: number }): string {
  const parts = ["ai-models-market", ...viewParts(permalink, true), `${years.from}-${years.to}`];
  return exportFileName(parts.join("-"), "pdf");
}
