/**
 * PDF assembly with jsPDF (loaded on demand). Each page is the composed SVG rasterised at high
 * resolution, so it looks exactly like the PNG (Inter, colours, legend), plus an invisible text
 * layer with the page's title, filters, source line and permalink at the same positions: the text
 * can be searched, selected and extracted, as in a scanned-and-OCRed document.
 */
import type { TextRun } from "@/lib/export/svg-util";
import { canvasToBlob, svgToCanvas } from "./rasterize";

export interface PdfPage {
  svg: string;
  width: number;
  height: number;
  texts: TextRun[];
}

/** px → pt: a 1920 px wide 16:9 page becomes 960 × 540 pt, PowerPoint's widescreen slide size. */
const PT_PER_PX = 0.5;

export async function buildPdf(pages: PdfPage[], meta: { title: string; subject: string }, scale: number): Promise<Blob> {
  const { jsPDF } = await import("jspdf");
  let doc: InstanceType<typeof jsPDF> | null = null;
  for (const [i, page] of pages.entries()) {
    const w = page.width * PT_PER_PX;
    const h = page.height * PT_PER_PX;
    const orientation = w >= h ? "landscape" : "portrait";
    // Uncompressed content streams: they only hold text operators (images are JPEG already),
    // and plain streams keep the text layer readable by any tool.
    if (!doc) doc = new jsPDF({ orientation, unit: "pt", format: [w, h], compress: false, putOnlyUsedFonts: true });
    else doc.addPage([w, h], orientation);
    const canvas = await svgToCanvas(page.svg, page.width, page.height, scale);
    const jpeg = new Uint8Array(await (await canvasToBlob(canvas, "image/jpeg", 0.92)).arrayBuffer());
    doc.addImage(jpeg, "JPEG", 0, 0, w, h, `page-${i}`, "NONE");
    for (const t of page.texts) {
      doc.setFont("helvetica", t.weight === 600 ? "bold" : "normal");
      doc.setFontSize(t.fontSize * PT_PER_PX);
      doc.text(t.text, t.x * PT_PER_PX, t.y * PT_PER_PX, { renderingMode: "invisible", baseline: "alphabetic" });
    }
  }
  if (!doc) throw new Error("Nothing to export");
  doc.setProperties({ title: meta.title, subject: meta.subject });
  return doc.output("blob");
}
