import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { withEmbeddedGlyphs } from "./glyphs";

/** The code points a TrueType font maps (cmap format 4): enough to see what the subset lacks. */
function codePoints(file: string): Set<number> {
  const b = fs.readFileSync(file);
  let cmap = 0;
  for (let i = 0; i < b.readUInt16BE(4); i++)
    if (b.toString("latin1", 12 + i * 16, 16 + i * 16) === "cmap") cmap = b.readUInt32BE(12 + i * 16 + 8);
  const codes = new Set<number>();
  for (let i = 0; i < b.readUInt16BE(cmap + 2); i++) {
    const off = cmap + b.readUInt32BE(cmap + 4 + i * 8 + 4);
    if (b.readUInt16BE(off) !== 4) continue;
    const segX2 = b.readUInt16BE(off + 6);
    const ends = off + 14;
    const starts = ends + segX2 + 2;
    for (let s = 0; s < segX2 / 2; s++)
      for (let c = b.readUInt16BE(starts + s * 2); c <= b.readUInt16BE(ends + s * 2) && c < 0xffff; c++) codes.add(c);
  }
  return codes;
}

describe("text in exports uses glyphs the embedded font has", () => {
  it("writes approximate values and ranges in signs the font carries", () => {
    expect(withEmbeddedGlyphs("≈ US$ 17.3 B")).toBe("~US$ 17.3 B");
    expect(withEmbeddedGlyphs("US$ 8,934 M in 2024 → US$ 19,700 M in 2031")).toBe(
      "US$ 8,934 M in 2024 to US$ 19,700 M in 2031",
    );
    const font = codePoints(path.join(process.cwd(), "public", "fonts", "inter-regular.ttf"));
    const out = withEmbeddedGlyphs(
      "≈ US$ 17.3 B · −12% vs QYResearch's 2031 outlook · 80%: US$ 12.8 B – US$ 23.5 B → x",
    );
    for (const ch of out) expect(font.has(ch.codePointAt(0)!), `U+${ch.codePointAt(0)!.toString(16)}`).toBe(true);
  });
});
