import { describe, expect, it } from "vitest";
import { composeStorySvg } from "./story-svg";

describe("composeStorySvg", () => {
  it("draws the title with the 'our reading' label, every item and the note", () => {
    const { svg, texts } = composeStorySvg(
      {
        title: "Drivers and trends that move Healthcare",
        label: "our reading",
        items: [
          "Driver: Enterprise use cases in every sector — raises its growth",
          "Trend: Multimodal models become the norm — raises its growth",
        ],
        note: "Which segments each driver and trend moves is our reading of the release, not a published figure.",
      },
      { footer: "QYResearch · Dataset x-v1", width: 1920, height: 1080 },
    );
    const all = texts.map((t) => t.text).join(" ");
    expect(all).toContain("Drivers and trends that move Healthcare (our reading)");
    expect(all).toContain("Enterprise use cases in every sector");
    expect(all).toContain("Multimodal models become the norm");
    expect(all).toContain("not a published figure");
    expect(svg).toContain('data-slide="story"');
  });
});
