/**
 * What each export does, in the browser. Loaded on the first click (with jsPDF, svg2pdf.js and
 * exceljs loaded only by the formats that need them), so none of it weighs on the first load.
 * Every step reports to the export toast.
 */
import type { ChartExportSpec } from "@/lib/export/chart-spec";
import type { HeadlineCard } from "@/lib/export/cards-svg";
import { composeCardsSvg } from "@/lib/export/cards-svg";
import { composeStorySvg, type StorySlide } from "@/lib/export/story-svg";
import { composeChartSvg } from "@/lib/export/compose-svg";
import { composeCoverSvg } from "@/lib/export/cover-svg";
import { chartToCsv } from "@/lib/export/csv";
import {
  deckFileName,
  exportDate,
  chartFileName,
  sizePreset,
  type ExportFormat,
  type ExportOptions,
} from "@/lib/export/presets";
import { lastYear, provenance } from "@/lib/export/provenance";
import { downloadBlob } from "./download";
import type { ExportStep } from "./export-toast";
import { interFontDataUrl } from "./font-embed";
import { buildPdf, type PdfPage } from "./pdf";
import { canvasToBlob, svgToCanvas } from "./rasterize";

async function composed(spec: ChartExportSpec, opts: ExportOptions, background = opts.background, embedFont = true) {
  const preset = sizePreset(opts.size);
  const fontDataUrl = embedFont ? await interFontDataUrl() : undefined;
  return composeChartSvg(spec, {
    width: preset.width,
    height: preset.height,
    background,
    exportedOn: exportDate(),
    fontDataUrl,
  });
}

/** A spec built before the page knew its URL (e.g. during server rendering) gets the current one. */
function withPermalink(spec: ChartExportSpec): ChartExportSpec {
  return spec.permalink ? spec : { ...spec, permalink: window.location.href };
}

/** The chart as a PNG at the preset size times the scale (also what "Copy PNG" puts on the clipboard). */
export async function renderPng(given: ChartExportSpec, opts: ExportOptions): Promise<Blob> {
  const c = await composed(withPermalink(given), opts);
  return canvasToBlob(await svgToCanvas(c.svg, c.width, c.height, opts.scale), "image/png");
}

/** Exports one chart; returns the message for the toast. */
export async function exportChart(
  given: ChartExportSpec,
  format: ExportFormat,
  opts: ExportOptions,
  step: ExportStep = () => {},
): Promise<string> {
  const spec = withPermalink(given);
  let name: string;
  switch (format) {
    case "SVG": {
      step("Drawing the chart");
      const c = await composed(spec, opts);
      name = chartFileName(spec.id, spec.permalink, "svg", opts);
      downloadBlob(new Blob([c.svg], { type: "image/svg+xml;charset=utf-8" }), name);
      break;
    }
    case "PNG": {
      step("Drawing the chart");
      const blob = await renderPng(spec, opts);
      name = chartFileName(spec.id, spec.permalink, "png", opts);
      downloadBlob(blob, name);
      break;
    }
    case "PDF": {
      step("Drawing the chart");
      // A PDF page has no transparency worth keeping: transparent exports print on white.
      const c = await composed(spec, opts, opts.background === "transparent" ? "light" : opts.background, false);
      step("Writing the PDF");
      const blob = await buildPdf([{ svg: c.svg, width: c.width, height: c.height }], pdfMeta(spec));
      name = chartFileName(spec.id, spec.permalink, "pdf", opts);
      downloadBlob(blob, name);
      break;
    }
    case "CSV":
      name = chartFileName(spec.id, spec.permalink, "csv");
      downloadBlob(new Blob([chartToCsv(spec)], { type: "text/csv;charset=utf-8" }), name);
      break;
    case "XLSX": {
      step("Building the workbook");
      const { buildWorkbook, XLSX_MIME } = await import("@/lib/export/xlsx");
      const bytes = await buildWorkbook(spec, exportDate());
      name = chartFileName(spec.id, spec.permalink, "xlsx");
      downloadBlob(new Blob([bytes as BlobPart], { type: XLSX_MIME }), name);
      break;
    }
  }
  return `Downloaded ${name}`;
}

function pdfMeta(spec: ChartExportSpec) {
  const p = provenance(spec, exportDate());
  return { title: p.title, subject: `${p.subtitle} · ${p.sourceLine}` };
}

export interface DeckInput {
  title: string;
  specs: ChartExportSpec[];
  /** The headline cards shown on the page, as one slide after the cover. */
  cards: HeadlineCard[];
  /** A type, sector or vendor page's drivers and trends, as one slide after the cards. */
  story?: StorySlide | null;
  /** The scenario the view is under: its levers and their assumptions, as one slide after the cover. */
  scenario?: StorySlide | null;
}

/** The whole view as a vector deck: cover, headline cards, then one chart per 16:9 page. */
export async function exportDeck(input: DeckInput, step: ExportStep = () => {}): Promise<string> {
  const specs = input.specs.map(withPermalink);
  if (specs.length === 0) throw new Error("No chart is ready to export yet");
  const preset = sizePreset("16:9");
  const exportedOn = exportDate();
  const { width, height } = preset;
  const filters = specs[0].subtitle.replace(/ · (US\$ M|share of market)$/, "");
  const pages: PdfPage[] = [
    {
      ...composeCoverSvg(specs, {
        title: input.title,
        width,
        height,
        exportedOn,
        // The contents number pages as the PDF does: the cards and the story slide come first.
        pagesBefore: [
          ...(input.scenario?.items.length ? [input.scenario.title] : []),
          ...(input.cards.length ? ["Headline figures"] : []),
          ...(input.story?.items.length ? [input.story.title] : []),
        ],
      }),
      width,
      height,
    },
  ];
  if (input.scenario?.items.length) {
    const footer = `${specs[0].source.publisher} · Dataset ${specs[0].source.datasetId} · Exported ${exportedOn} · ${specs[0].permalink}`;
    pages.push({ ...composeStorySvg(input.scenario, { footer, width, height }), width, height });
  }
  if (input.cards.length) {
    const footer = `${specs[0].source.publisher} · Dataset ${specs[0].source.datasetId} · Exported ${exportedOn} · ${specs[0].permalink}`;
    pages.push({
      ...composeCardsSvg(input.cards, { title: "Headline figures", subtitle: filters, footer, width, height }),
      width,
      height,
    });
  }
  if (input.story?.items.length) {
    const footer = `${specs[0].source.publisher} · Dataset ${specs[0].source.datasetId} · Exported ${exportedOn}`;
    pages.push({ ...composeStorySvg(input.story, { footer, width, height }), width, height });
  }
  const before = pages.length;
  for (const spec of specs)
    pages.push({
      ...composeChartSvg(spec, { width, height, background: "light", exportedOn, viewLine: filters }),
      width,
      height,
    });
  const blob = await buildPdf(
    pages,
    { title: input.title, subject: `${filters} · ${specs.length} charts · exported ${exportedOn}` },
    (i, total) =>
      step(
        i < before
          ? i === 0
            ? "Drawing the cover"
            : "Drawing the headline figures and drivers"
          : `Rendering chart ${i - before + 1} of ${specs.length}`,
        i,
        total,
      ),
  );
  const first = Math.min(...specs.flatMap((s) => s.series.flatMap((x) => x.points.map((p) => p.year))));
  const name = deckFileName(specs[0].permalink, {
    from: Number.isFinite(first) ? first : specs[0].historyTo,
    to: Math.max(...specs.map((s) => lastYear(s))),
  });
  downloadBlob(blob, name);
  return `Downloaded ${name} (${pages.length} pages)`;
}
