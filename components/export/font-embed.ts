/**
 * The app's Inter (latin subset), as a data: URL to embed in exported SVGs. An SVG drawn as an
 * image cannot reach the page's fonts, so without embedding it would fall back to a system font.
 * The woff2 is the one @fontsource ships and the app already serves (and the browser has cached):
 * its URL is read from the page's own @font-face rule, whatever name the bundler gave the file.
 */

let cached: Promise<string | undefined> | null = null;

function latinInterUrl(): string | undefined {
  for (const sheet of Array.from(document.styleSheets)) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue; // cross-origin sheet
    }
    for (const rule of Array.from(rules)) {
      if (!(rule instanceof CSSFontFaceRule)) continue;
      const family = rule.style.getPropertyValue("font-family");
      const range = rule.style.getPropertyValue("unicode-range");
      if (
        !/Inter Variable/i.test(family) ||
        !/U\+0+-0*FF\b/i.test(range) ||
        /italic/i.test(rule.style.getPropertyValue("font-style"))
      )
        continue;
      const src = /url\(["']?([^"')]+)["']?\)/.exec(rule.style.getPropertyValue("src"))?.[1];
      if (src) return new URL(src, sheet.href ?? document.baseURI).href;
    }
  }
  return undefined;
}

async function load(): Promise<string | undefined> {
  const url = latinInterUrl();
  if (!url) return undefined;
  const res = await fetch(url);
  if (!res.ok) return undefined;
  const bytes = new Uint8Array(await res.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:font/woff2;base64,${btoa(binary)}`;
}

/** Resolves to undefined (system font fallback) rather than failing an export over a font. */
export function interFontDataUrl(): Promise<string | undefined> {
  cached ??= load().catch(() => undefined);
  return cached;
}
