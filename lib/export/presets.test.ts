import { describe, expect, it } from "vitest";
import { chartFileName, deckFileName } from "./presets";

const opts = { size: "16:9", scale: 2, background: "light" } as const;

describe("export file names name the view", () => {
  it.each([
    ["http://x.test/", "overview-vendor-16-9-2x-light.png"],
    ["http://x.test/?sector=healthcare", "overview-vendor-healthcare-16-9-2x-light.png"],
    ["http://x.test/?sector=healthcare,bfsi&region=europe", "overview-vendor-healthcare-bfsi-europe-16-9-2x-light.png"],
    ["http://x.test/vendors/openai?dataset=abc", "overview-vendor-openai-abc-16-9-2x-light.png"],
  ])("a chart exported from %s is %s", (permalink, name) => {
    expect(chartFileName("overview-vendor", permalink, "png", opts as never)).toBe(name);
  });

  it("leaves data exports without the image suffix", () => {
    expect(chartFileName("overview-total", "http://x.test/?type=general-purpose", "csv")).toBe(
      "overview-total-general-purpose.csv",
    );
  });

  it("keeps deck names as they were", () => {
    expect(deckFileName("http://x.test/explore?by=vendor&sector=healthcare", { from: 2021, to: 2032 })).toBe(
      "ai-models-market-explore-by-vendor-healthcare-2021-2032.pdf",
    );
    expect(deckFileName("http://x.test/sectors/healthcare?vendor=openai", { from: 2021, to: 2032 })).toBe(
      "ai-models-market-healthcare-openai-2021-2032.pdf",
    );
  });
});
