/**
 * Vector PDF assembly: jsPDF with svg2pdf.js (both loaded on demand). Each page is the composed
 * SVG converted to PDF paths and text, so shapes and text stay crisp at any zoom, and the text is
 * real text in Inter (embedded, subset to the glyphs used): selectable, searchable, extractable.
 */
import { loadPdfFonts, PDF_FONT_FAMILY } from "./pdf-fonts";

export interface PdfPage {
  svg: string;
  width: number;
  height: number;
}

/** px → pt: a 1920 px wide 16:9 page becomes 960 × 540 pt, PowerPoint's widescreen slide size. */
const PT_PER_PX = 0.5;

/** Called before each page is converted: index of the page, number of pages. */
export interface PdfProgress {
  (page: number, total: number): void;
}

export async function buildPdf(
  pages: PdfPage[],
  meta: { title: string; subject: string },
  onPage?: PdfProgress,
): Promise<Blob> {
  const [{ jsPDF }, { svg2pdf }, fonts] = await Promise.all([import("jspdf"), import("svg2pdf.js"), loadPdfFonts()]);
  if (pages.length === 0) throw new Error("Nothing to export");
  const first = pages[0];
  const size = (p: PdfPage): [number, number] => [p.width * PT_PER_PX, p.height * PT_PER_PX];
  const orientation = (p: PdfPage) => (p.width >= p.height ? "landscape" : "portrait");
  const doc = new jsPDF({
    orientation: orientation(first),
    unit: "pt",
    format: size(first),
    compress: true,
    putOnlyUsedFonts: true,
  });
  for (const f of fonts) {
    doc.addFileToVFS(f.file, f.base64);
    for (const style of f.styles) doc.addFont(f.file, PDF_FONT_FAMILY, style, undefined, "Identity-H");
  }
  const parser = new DOMParser();
  for (const [i, page] of pages.entries()) {
    onPage?.(i, pages.length);
    // Let the toast paint the step before the page's conversion takes the main thread.
    await new Promise((r) => setTimeout(r, 0));
    if (i > 0) doc.addPage(size(page), orientation(page));
    const el = parser.parseFromString(page.svg, "image/svg+xml").documentElement as unknown as SVGSVGElement;
    const [w, h] = size(page);
    await svg2pdf(el, doc, { x: 0, y: 0, width: w, height: h });
  }
  doc.setProperties({ title: meta.title, subject: meta.subject, creator: "Large-scale AI Models market" });
  return doc.output("blob");
}
