import { describe, expect, it } from "vitest";
import { chartFileName, deckFileName } from "./presets";

const opts = { size: "16:9", scale: 2, background: "light" } as const;

describe("export file names name the view", () => {
  it.each([
    ["http://x.test/", "overview-vendor_16-9-2x-light.png"],
    ["http://x.test/?sector=healthcare", "overview-vendor_sector-healthcare_16-9-2x-light.png"],
    [
      "http://x.test/?sector=healthcare,bfsi&region=europe",
      "overview-vendor_sector-bfsi.healthcare_region-europe_16-9-2x-light.png",
    ],
    ["http://x.test/vendors/openai?dataset=abc", "overview-vendor-openai_dataset-abc_16-9-2x-light.png"],
    ["http://x.test/?levers=a:-1&year=2024", "overview-vendor_year-2024_levers-a.-1_16-9-2x-light.png"],
  ])("a chart exported from %s is %s", (permalink, name) => {
    expect(chartFileName("overview-vendor", permalink, "png", opts as never)).toBe(name);
  });

  it("leaves data exports without the image suffix", () => {
    expect(chartFileName("overview-total", "http://x.test/?type=general-purpose", "csv")).toBe(
      "overview-total_type-general-purpose.csv",
    );
  });

  it.each([
    [
      "http://x.test/?sector=healthcare,bfsi&region=europe",
      "http://x.test/?region=europe&sector=bfsi&sector=healthcare",
    ],
    ["http://x.test/explore", "http://x.test/explore?by=sector&view=absolute&method=auto"],
    ["http://x.test/?vendor=openai", "http://x.test/?vendor=openai&type=&Nope=1"],
  ])("gives equivalent URLs one name: %s and %s", (a, b) => {
    expect(chartFileName("overview-vendor", a, "png", opts)).toBe(chartFileName("overview-vendor", b, "png", opts));
    expect(deckFileName(a, { from: 2021, to: 2032 })).toBe(deckFileName(b, { from: 2021, to: 2032 }));
  });

  it.each([
    ["http://x.test/?sector=healthcare", "http://x.test/?type=healthcare"],
    ["http://x.test/?levers=a:1", "http://x.test/?levers=a:-1"],
    ["http://x.test/", "http://x.test/?from=2022"],
    ["http://x.test/explore", "http://x.test/explore?view=share"],
  ])("gives different views different names: %s and %s", (a, b) => {
    expect(chartFileName("overview-vendor", a, "png", opts)).not.toBe(chartFileName("overview-vendor", b, "png", opts));
    expect(deckFileName(a, { from: 2021, to: 2032 })).not.toBe(deckFileName(b, { from: 2021, to: 2032 }));
  });

  it("names a deck by its page, its view's query and its years", () => {
    expect(deckFileName("http://x.test/", { from: 2021, to: 2032 })).toBe("ai-models-market_2021-2032.pdf");
    expect(deckFileName("http://x.test/explore?by=vendor&sector=healthcare", { from: 2021, to: 2032 })).toBe(
      "ai-models-market-explore_by-vendor_sector-healthcare_2021-2032.pdf",
    );
    expect(deckFileName("http://x.test/sectors/healthcare?vendor=openai", { from: 2021, to: 2032 })).toBe(
      "ai-models-market-healthcare_vendor-openai_2021-2032.pdf",
    );
  });
});
