import { describe, expect, it } from "vitest";
import { composeCoverSvg } from "./cover-svg";
import { esc } from "./svg-util";
import { totalSpec, vendorSpec } from "./test-fixtures";

describe("composeCoverSvg", () => {
  const specs = [totalSpec, vendorSpec];
  const cover = composeCoverSvg(specs, {
    title: "Large-scale AI Models market",
    width: 1920,
    height: 1080,
    exportedOn: "2026-01-31",
  });
  const lines = cover.texts.map((t) => t.text);

  it("lists the filters, every chart with its page and the sources", () => {
    expect(lines[0]).toBe("Large-scale AI Models market");
    expect(lines).toContain("Exported 2026-01-31 · 2 charts, one per page");
    for (const s of specs) expect(lines).toContain(s.subtitle);
    expect(lines).toContain(`2. ${totalSpec.title}`);
    expect(lines.join(" ")).toContain(`3. ${vendorSpec.title}`);
    // Two charts from the same dataset: the source is listed once.
    expect(lines.filter((l) => l === "QYResearch · Dataset qyr-2025-1")).toHaveLength(1);
    for (const t of cover.texts) expect(cover.svg).toContain(`>${esc(t.text)}</text>`);
  });

  it("numbers the charts after the pages before them, as the PDF does", () => {
    const withCards = composeCoverSvg(specs, {
      title: "Deck",
      width: 1920,
      height: 1080,
      exportedOn: "2026-01-31",
      pagesBefore: ["Headline figures"],
    }).texts.map((t) => t.text);
    expect(withCards).toContain("2. Headline figures");
    expect(withCards).toContain(`3. ${totalSpec.title}`);
    expect(withCards.join(" ")).toContain(`4. ${vendorSpec.title}`);
  });

  it("fits a long list of charts on the page", () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      ...totalSpec,
      title: `Chart number ${i} with a fairly long title`,
    }));
    const c = composeCoverSvg(many, { title: "Deck", width: 1920, height: 1080, exportedOn: "2026-01-31" });
    for (const t of c.texts) expect(t.y).toBeLessThanOrEqual(1080);
  });
});
