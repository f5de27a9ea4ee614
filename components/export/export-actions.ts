/**
 * What each export format does, in the browser. Loaded on the first click (with jsPDF and exceljs
 * loaded only by the formats that need them), so none of it weighs on the page's first load.
 */
import type { ChartExportSpec } from "@/lib/export/chart-spec";
import { composeChartSvg } from "@/lib/export/compose-svg";
import { composeCoverSvg } from "@/lib/export/cover-svg";
import { chartToCsv } from "@/lib/export/csv";
import { exportDate, exportFileName, sizePreset, type ExportFormat, type ExportOptions } from "@/lib/export/presets";
import { provenance } from "@/lib/export/provenance";
import { downloadBlob } from "./download";
import { interFontDataUrl } from "./font-embed";
import { buildPdf, type PdfPage } from "./pdf";
import { canvasToBlob, svgToCanvas } from "./rasterize";

async function composed(spec: ChartExportSpec, opts: ExportOptions, background = opts.background) {
  const preset = sizePreset(opts.size);
  const fontDataUrl = await interFontDataUrl();
  return composeChartSvg(spec, { width: preset.width, height: preset.height, background, exportedOn: exportDate(), fontDataUrl });
}

/** A spec built before the page knew its URL (e.g. during server rendering) gets the current one. */
function withPermalink(spec: ChartExportSpec): ChartExportSpec {
  return spec.permalink ? spec : { ...spec, permalink: window.location.href };
}

export async function exportChart(given: ChartExportSpec, format: ExportFormat, opts: ExportOptions): Promise<void> {
  const spec = withPermalink(given);
  switch (format) {
    case "SVG": {
      const c = await composed(spec, opts);
      downloadBlob(new Blob([c.svg], { type: "image/svg+xml;charset=utf-8" }), exportFileName(spec.id, "svg", opts));
      return;
    }
    case "PNG": {
      const c = await composed(spec, opts);
      const canvas = await svgToCanvas(c.svg, c.width, c.height, opts.scale);
      downloadBlob(await canvasToBlob(canvas, "image/png"), exportFileName(spec.id, "png", opts));
      return;
    }
    case "PDF": {
      // A PDF page has no transparency worth keeping: transparent exports print on white.
      const c = await composed(spec, opts, opts.background === "transparent" ? "light" : opts.background);
      const blob = await buildPdf([{ svg: c.svg, width: c.width, height: c.height, texts: c.texts }], pdfMeta(spec), opts.scale);
      downloadBlob(blob, exportFileName(spec.id, "pdf", opts));
      return;
    }
    case "CSV":
      downloadBlob(new Blob([chartToCsv(spec)], { type: "text/csv;charset=utf-8" }), exportFileName(spec.id, "csv"));
      return;
    case "XLSX": {
      const { buildWorkbook, XLSX_MIME } = await import("@/lib/export/xlsx");
      const bytes = await buildWorkbook(spec, exportDate());
      downloadBlob(new Blob([bytes as BlobPart], { type: XLSX_MIME }), exportFileName(spec.id, "xlsx"));
      return;
    }
  }
}

function pdfMeta(spec: ChartExportSpec) {
  const p = provenance(spec, exportDate());
  return { title: p.title, subject: `${p.subtitle} · ${p.sourceLine}` };
}

/** The whole view as a deck: a cover page, then one chart per 16:9 page at 2×. */
export async function exportDeck(given: ChartExportSpec[], title: string): Promise<void> {
  const specs = given.map(withPermalink);
  const opts: ExportOptions = { size: "16:9", scale: 2, background: "light" };
  const preset = sizePreset(opts.size);
  const fontDataUrl = await interFontDataUrl();
  const exportedOn = exportDate();
  const cover = composeCoverSvg(specs, { title, width: preset.width, height: preset.height, exportedOn, fontDataUrl });
  const pages: PdfPage[] = [{ svg: cover.svg, width: preset.width, height: preset.height, texts: cover.texts }];
  for (const spec of specs) {
    const c = composeChartSvg(spec, { width: preset.width, height: preset.height, background: "light", exportedOn, fontDataUrl });
    pages.push({ svg: c.svg, width: c.width, height: c.height, texts: c.texts });
  }
  const blob = await buildPdf(pages, { title, subject: `${specs.length} charts · exported ${exportedOn}` }, opts.scale);
  downloadBlob(blob, `${exportFileName(title, "pdf").replace(/\.pdf$/, "")}-${exportedOn}.pdf`);
}
