/**
 * Explicit number parsing: a dot for decimals, no thousands separators, optional exponent; never
 * guessed from a locale. "18500.00" is 18500, "1,234" is refused with a message saying why.
 */

const PLAIN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export function parseNumber(text: string): Parsed<number | null> {
  const t = text.trim();
  if (t === "") return { ok: true, value: null };
  if (PLAIN.test(t)) {
    const value = Number(t);
    if (!Number.isFinite(value)) return { ok: false, message: `"${text}" is too large` };
    if (value < 0) return { ok: false, message: `"${text}" is negative: values are US$ M and cannot be below 0` };
    return { ok: true, value };
  }
  if (/%\s*$/.test(t))
    return { ok: false, message: `"${text}" is a share: give the value in the data set's unit (US$ M)` };
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t) || /^[+-]?\d{1,3}( \d{3})+(\.\d+)?$/.test(t)) {
    return { ok: false, message: `"${text}" has thousands separators: write it as ${t.replace(/[, ]/g, "")}` };
  }
  if (/^[+-]?\d+,\d+$/.test(t))
    return { ok: false, message: `"${text}" uses a comma for decimals: write it with a dot (${t.replace(",", ".")})` };
  if (/^[+-]?\d{1,3}(\.\d{3})+,\d+$/.test(t)) {
    return {
      ok: false,
      message: `"${text}" is in a European format: write it as ${t.replace(/\./g, "").replace(",", ".")}`,
    };
  }
  return { ok: false, message: `"${text}" is not a number (use digits with a dot for decimals)` };
}

/** A four-digit calendar year between 1900 and 2200; "2024.0" from a spreadsheet is accepted. */
export function parseYear(text: string): Parsed<number> {
  const t = text.trim();
  const m = /^(\d{4})(\.0+)?$/.exec(t);
  if (!m) {
    if (/^FY/i.test(t) || /[-/]/.test(t))
      return { ok: false, message: `year "${text}" must be a plain four-digit calendar year, e.g. 2024` };
    return { ok: false, message: `year "${text}" is not a four-digit year` };
  }
  const year = Number(m[1]);
  if (year < 1900 || year > 2200) return { ok: false, message: `year ${year} is out of range (1900-2200)` };
  return { ok: true, value: year };
}
