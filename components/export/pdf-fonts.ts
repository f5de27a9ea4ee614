/**
 * Inter as TTF for the PDF (jsPDF embeds TrueType, not the woff2 the page uses): the static
 * Regular and SemiBold instances, Latin subset, served from /fonts (SIL Open Font License, see
 * public/fonts/LICENSE-Inter.txt). Fetched once per page load.
 */

/** The family name the composed SVGs ask for (second in their font-family list). */
export const PDF_FONT_FAMILY = "Inter";

export interface PdfFont {
  file: string;
  base64: string;
  /** jsPDF style names; svg2pdf.js asks for "normal" at weight 400 and "600normal" at 600. */
  styles: string[];
}

const FILES = [
  { file: "inter-regular.ttf", styles: ["normal"], weight: "400" },
  { file: "inter-semibold.ttf", styles: ["600normal", "bold"], weight: "600" },
];

let cached: Promise<PdfFont[]> | null = null;

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function loadPdfFonts(): Promise<PdfFont[]> {
  cached ??= Promise.all(
    FILES.map(async ({ file, styles, weight }) => {
      const res = await fetch(`/fonts/${file}`);
      if (!res.ok) throw new Error(`Could not load the PDF font (${res.status})`);
      const buffer = await res.arrayBuffer();
      // svg2pdf.js places centred and right-aligned text by measuring it in the page (canvas): the
      // same font there keeps the measured width equal to the width drawn in the PDF.
      const face = new FontFace(PDF_FONT_FAMILY, buffer.slice(0), { weight });
      document.fonts.add(await face.load());
      return { file, styles, base64: toBase64(buffer) };
    }),
  ).catch((error) => {
    cached = null;
    throw error;
  });
  return cached;
}
