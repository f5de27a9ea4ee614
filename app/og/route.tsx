import { readFile } from "node:fs/promises";
import path from "node:path";
import { ImageResponse } from "next/og";
import { composePlotParts } from "@/lib/export/plot-svg";
import { previewHeadline } from "@/lib/export/preview-headline";
import { withEmbeddedGlyphs } from "@/lib/export/glyphs";
import { LruCache } from "@/lib/server/cache";
import { HttpProblem } from "@/lib/server/http";
import { getDataset } from "@/lib/server/queries";
import { route } from "@/lib/server/route";
import { linkPreview, pageFromPath, pathOf } from "@/lib/server/link-preview";
import { canonicalQueryKey, VIEW_KEY_DEFAULTS } from "@/lib/market/query/key";
import { parseViewState } from "@/lib/market/query/view-state";

/**
 * The link-preview image of a view (1200×630 PNG): title, filters, the main chart drawn from the
 * page's own chart description, its legend and the source. Keyed by the view's parameters and the
 * data set version (always in the URL): a version never changes, so an image is made once, kept
 * in memory and cached by browsers and chat tools for a year.
 */
export const dynamic = "force-dynamic";

const W = 1200;
const H = 630;
const PLOT_W = 1104;
const PLOT_H = 300;
const images = new LruCache<ArrayBuffer>(200);
let fonts: Promise<{ name: string; data: Buffer; weight: 400 | 600; style: "normal" }[]> | null = null;

function loadFonts() {
  const dir = path.join(process.cwd(), "public", "fonts");
  fonts ??= Promise.all([
    readFile(path.join(dir, "inter-regular.ttf")).then((data) => ({
      name: "Inter",
      data,
      weight: 400 as const,
      style: "normal" as const,
    })),
    readFile(path.join(dir, "inter-semibold.ttf")).then((data) => ({
      name: "Inter",
      data,
      weight: 600 as const,
      style: "normal" as const,
    })),
  ]);
  return fonts;
}

export const GET = route("og", async (request) => {
  const url = new URL(request.url);
  const page = pageFromPath(url.searchParams.get("page") ?? "/");
  if (!page) throw new HttpProblem(400, "page", 'expected "/", "/explore", "/sectors/<slug>" or "/vendors/<slug>"');
  const params = new URLSearchParams(url.searchParams);
  params.delete("page");
  // Images by page and the view's canonical key: equivalent URLs share one image.
  const key = `${pathOf(page)}?${canonicalQueryKey(parseViewState(params).value, VIEW_KEY_DEFAULTS)}`;
  const headers = {
    "content-type": "image/png",
    // Pinned to a data set version: the image never changes.
    "cache-control": params.get("dataset") ? "public, max-age=31536000, immutable" : "public, max-age=300",
  };
  const hit = images.get(key);
  // An image drawn before its version was found tampered is not served either: the version is
  // looked up as the page looks it up (the pinned one, else the active one), which refuses it (503).
  const pinned = params.get("dataset");
  if (hit) {
    await ((pinned ? await getDataset(pinned) : null) ?? getDataset());
    return new Response(hit, { headers: { ...headers, "x-preview-cache": "hit" } });
  }

  const preview = await linkPreview(page, params);
  if (!preview) throw new HttpProblem(404, "page", "no such view or data set");
  const { chart } = preview;
  const { svg: plot, labels } = composePlotParts(chart, PLOT_W, PLOT_H);
  const headline = previewHeadline(chart);
  const figure = headline && withEmbeddedGlyphs(headline);
  const legend =
    chart.kind === "total-forecast"
      ? [chart.series[0], chart.outlook, chart.forecast]
          .filter((x) => !!x)
          .map((x) => ({ label: x!.label, color: x!.color }))
      : chart.series.slice(0, 10).map((s) => ({ label: s.label, color: s.color }));
  const response = new ImageResponse(
    <div
      style={{
        width: W,
        height: H,
        display: "flex",
        flexDirection: "column",
        background: "#ffffff",
        padding: "40px 48px",
        fontFamily: "Inter",
        color: "#0f172a",
      }}
    >
      <div style={{ display: "flex", fontSize: 22, color: "#0072B2", fontWeight: 600 }}>
        Large-scale AI Models market
      </div>
      <div style={{ display: "flex", fontSize: 44, fontWeight: 600, marginTop: 6 }}>{preview.title}</div>
      <div style={{ display: "flex", fontSize: 24, color: "#334155", marginTop: 4 }}>{preview.filters}</div>
      {figure ? (
        <div style={{ display: "flex", fontSize: 30, fontWeight: 600, marginTop: 8, color: "#0f172a" }}>{figure}</div>
      ) : null}
      <div style={{ display: "flex", position: "relative", width: PLOT_W, height: PLOT_H, marginTop: 10 }}>
        {/* eslint-disable-next-line @next/next/no-img-element -- rendered to PNG by next/og */}
        <img
          alt=""
          width={PLOT_W}
          height={PLOT_H}
          src={`data:image/svg+xml;base64,${Buffer.from(plot).toString("base64")}`}
        />
        {labels.map((l, i) => {
          // Axis values and years, set in Inter where the plot placed them (baseline y, anchored x).
          const box = 160;
          const left = l.anchor === "middle" ? l.x - box / 2 : l.anchor === "end" ? l.x - box : l.x;
          return (
            <div
              key={i}
              style={{
                position: "absolute",
                display: "flex",
                justifyContent: l.anchor === "middle" ? "center" : l.anchor === "end" ? "flex-end" : "flex-start",
                left,
                top: l.y - l.fontSize,
                width: box,
                fontSize: l.fontSize,
                color: "#475569",
              }}
            >
              {l.text}
            </div>
          );
        })}
      </div>
      <div style={{ display: "flex", flexWrap: "wrap", marginTop: 10, fontSize: 18, color: "#334155" }}>
        {legend.map((l) => (
          <div key={l.label} style={{ display: "flex", alignItems: "center", marginRight: 20 }}>
            <div style={{ width: 16, height: 16, borderRadius: 3, background: l.color, marginRight: 6 }} />
            {l.label}
          </div>
        ))}
        {chart.kind === "stacked-bar" && chart.series.length > 10 ? (
          <div style={{ display: "flex" }}>+{chart.series.length - 10} more</div>
        ) : null}
      </div>
      <div style={{ display: "flex", marginTop: "auto", fontSize: 16, color: "#64748b" }}>
        Source: {preview.publisher} · Dataset {preview.datasetId} · history to {chart.historyTo}, shaded years are
        outlook and forecast
      </div>
    </div>,
    { width: W, height: H, fonts: await loadFonts() },
  );
  const bytes = await response.arrayBuffer();
  images.set(key, bytes);
  return new Response(bytes, { headers: { ...headers, "x-preview-cache": "miss" } });
});
