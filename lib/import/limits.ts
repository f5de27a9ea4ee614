/**
 * Bounds of one import, so that a file cannot hold the server for minutes or fill its memory:
 * figures read (CSV rows, XLSX cells), members a file may add, the size of the fitted cube, and
 * how many problems an error answer lists (the total is always given).
 */
export interface ImportLimits {
  maxRows: number;
  maxNewMembers: number;
  maxFacts: number;
  maxErrorsListed: number;
}

export const IMPORT_LIMITS: Readonly<ImportLimits> = {
  /** CSV data rows, or XLSX figure cells. More → 413 before anything is checked. */
  maxRows: 50_000,
  /** Members a file adds to the data set. More → 422. */
  maxNewMembers: 2_000,
  /**
   * Cells of the fitted cube (years × types × sectors × vendors × regions). More → 422. At 8 bytes
   * a cell, 3 million cells are a 24 MB packed cube: 100 times the default data set fits.
   */
  maxFacts: 3_000_000,
  /** Problems listed in a 422; the answer also gives their total count. */
  maxErrorsListed: 1_000,
};

export const formatCount = (n: number) => n.toLocaleString("en-US");

/** Characters that no imported text may hold: C0/C1 controls, DEL, non-characters, lone surrogates. */
const FORBIDDEN =
  /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Why a text cannot be imported, or null. Names, titles and meta end up in pages, SVG/XML exports
 * and the database: a NUL is refused by Postgres, BEL or ESC make the SVG malformed XML.
 */
export function textProblem(text: string): string | null {
  const m = FORBIDDEN.exec(text);
  if (!m) return null;
  const code = m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
  return `contains the control character U+${code} at position ${m.index + 1}: remove it`;
}
