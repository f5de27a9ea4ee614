import { describe, expect, it } from "vitest";
import { composeChartSvg } from "./compose-svg";
import { esc } from "./svg-util";
import { SIZE_PRESETS } from "./presets";
import { totalSpec, vendorSpec } from "./test-fixtures";
import type { ChartExportSpec } from "./chart-spec";

const kinds: ChartExportSpec["kind"][] = ["share-line", "stacked-bar"];

describe("composeChartSvg", () => {
  it("carries the title, subtitle, unit line, source line and permalink", () => {
    const { svg } = composeChartSvg(totalSpec, {
      width: 1920,
      height: 1080,
      background: "light",
      exportedOn: "2026-01-31",
    });
    expect(svg).toContain(`<title>${esc(totalSpec.title)}</title>`);
    expect(svg).toContain(`>${esc(totalSpec.title)}</text>`);
    expect(svg).toContain(esc(totalSpec.subtitle));
    expect(svg).toContain("Values in US$ M · Currency: USD · History to 2025; 2026-2032 is forecast (shaded)");
    expect(svg).toContain(
      "Source: QYResearch · Dataset qyr-2025-1 · Modelled: values not published by QYResearch are model estimates · Exported 2026-01-31",
    );
    expect(svg).toContain(esc(totalSpec.permalink));
    for (const label of [
      "Total market",
      "QYResearch outlook",
      "Forecast (auto-selected method)",
      "80% prediction interval",
      "95% prediction interval",
      "Published figure",
    ])
      expect(svg).toContain(`>${esc(label)}</text>`);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1920" height="1080"/);
  });

  it("embeds the font when given and leaves the background out when transparent", () => {
    const { svg } = composeChartSvg(totalSpec, {
      width: 1080,
      height: 1080,
      background: "transparent",
      exportedOn: "2026-01-31",
      fontDataUrl: "data:font/woff2;base64,AAAA",
    });
    expect(svg).toContain("@font-face{font-family:'Inter Variable'");
    expect(svg).toContain("src:url(data:font/woff2;base64,AAAA)");
    expect(svg).not.toMatch(/<rect width="1080" height="1080"/);
  });

  it("repeats the view's filters in the footer when the chart's own subtitle leaves them out", () => {
    const opts = { width: 1920, height: 1080, background: "light" as const, exportedOn: "2026-01-31" };
    const view = "Sector: Healthcare · Vendor: OpenAI · 2021-2032";
    expect(
      composeChartSvg({ ...vendorSpec, subtitle: "Sector: Healthcare · 2021-2032" }, { ...opts, viewLine: view }).svg,
    ).toContain(`>View: ${view}</text>`);
    expect(
      composeChartSvg({ ...vendorSpec, subtitle: `${view} · US$ M` }, { ...opts, viewLine: view }).svg,
    ).not.toContain(">View: ");
  });

  it("is a pure function of the spec and options", () => {
    const opts = { width: 1600, height: 1200, background: "dark" as const, exportedOn: "2026-01-31" };
    expect(composeChartSvg(vendorSpec, opts).svg).toBe(composeChartSvg(vendorSpec, opts).svg);
  });

  for (const preset of SIZE_PRESETS)
    for (const kind of kinds)
      it(`shows all 16 long vendor labels unclipped and non-overlapping (${kind}, ${preset.id})`, () => {
        const spec = { ...vendorSpec, kind };
        const { svg, legend, plot } = composeChartSvg(spec, {
          width: preset.width,
          height: preset.height,
          background: "light",
          exportedOn: "2026-01-31",
        });
        expect(legend.boxes).toHaveLength(16);
        // Every label appears in full, across its wrapped lines.
        for (const [i, s] of spec.series.entries()) {
          expect(legend.boxes[i].lines.join("").replace(/\s/g, "")).toBe(s.label.replace(/\s/g, ""));
          for (const line of legend.boxes[i].lines) expect(svg).toContain(`>${esc(line)}</text>`);
        }
        for (const b of legend.boxes) {
          expect(b.x).toBeGreaterThanOrEqual(0);
          expect(b.x + b.width).toBeLessThanOrEqual(preset.width);
          expect(b.y + b.height).toBeLessThanOrEqual(plot.y);
        }
        for (const a of legend.boxes)
          for (const b of legend.boxes) {
            if (a === b) continue;
            const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
            expect(overlap, `${a.item.label} overlaps ${b.item.label}`).toBe(false);
          }
        expect(legend.fontSize).toBeGreaterThan(10);
        expect(plot.height).toBeGreaterThan(preset.height * 0.3);
      });

  it("escapes markup in labels", () => {
    const spec = { ...vendorSpec, series: [{ ...vendorSpec.series[0], label: "<script>alert(1)</script> & co" }] };
    const { svg } = composeChartSvg(spec, { width: 1920, height: 1080, background: "light", exportedOn: "2026-01-31" });
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co");
  });

  it("draws our forecast over stacked bars, in the legend and inside the plot's scale", () => {
    const forecast = {
      label: "Our forecast (auto: random walk with drift)",
      color: "#1F2937",
      points: [2025, 2032].map((year) => ({ year, value: year === 2025 ? 100 : 1e6 })),
      bands: [
        { level: 80, points: [2025, 2032].map((year) => ({ year, lower: 100, upper: year === 2025 ? 100 : 2e6 })) },
      ],
    };
    const { svg, legend, plot } = composeChartSvg(
      { ...vendorSpec, forecast },
      { width: 1920, height: 1080, background: "light", exportedOn: "2026-01-31" },
    );
    const group = svg.match(/<g data-series="forecast" data-color="#1f2937">(.*?)<\/g>/)?.[1] ?? "";
    expect(group).toMatch(/stroke="#1F2937"[^>]*stroke-dasharray/);
    const band = svg.match(/<g data-series="band-80"[^>]*><path d="([^"]+)"/)?.[1] ?? "";
    expect(band).not.toBe("");
    expect(legend.boxes.map((b) => b.item.label)).toEqual(
      expect.arrayContaining([forecast.label, "80% prediction interval"]),
    );
    // The scale reaches the band's top: no point of the band lies above the plot.
    const ys = [...band.matchAll(/[ML][\d.]+ ([\d.]+)/g)].map((m) => Number(m[1]));
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(plot.y - 0.5);
  });
});
