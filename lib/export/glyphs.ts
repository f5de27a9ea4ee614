/**
 * The Inter subset that PDFs and preview images embed (public/fonts) lacks a few signs the screen
 * uses ("≈", "→"); a missing glyph would print as nothing. Exports write their plain equivalents:
 * "≈ US$ 17.3 B" → "~US$ 17.3 B", "a → b" → "a to b". Pure.
 */
export function withEmbeddedGlyphs(text: string): string {
  return text.replace(/≈\s?/g, "~").replace(/\s?→\s?/g, " to ");
}
