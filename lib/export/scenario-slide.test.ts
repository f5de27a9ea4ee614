import { describe, expect, it } from "vitest";
import { leversOf } from "@/lib/market/scenario/levers";
import { scenarioSlide } from "./scenario-slide";
import { composeStorySvg } from "./story-svg";

const levers = leversOf({
  drivers: [
    {
      key: "spec",
      title: "From general to specialised models",
      summary: "s",
      moves: [
        { dimension: "type", member: "industry-specific", direction: "gains-share" },
        { dimension: "group", member: "hardware", direction: "raises" },
      ],
      steps: [{ dimension: "type", member: "industry-specific", step: 0.03 }],
    },
  ],
  trends: [
    {
      key: "open",
      title: "Open models",
      summary: "s",
      moves: [{ dimension: "vendor", member: "openai", direction: "lowers" }],
    },
  ],
});
const nameOf = (d: string, m: string) => `${d}:${m}`;

describe("the deck's scenario page", () => {
  it("lists each moved lever with its level and every step, labelled as our assumption", () => {
    const slide = scenarioSlide(levers, { spec: 2, open: -1 }, nameOf)!;
    expect(slide.label).toBe("our assumption");
    expect(slide.items).toEqual([
      "Driver: From general to specialised models at +2 (much stronger) — gains-share type:industry-specific: share 3% higher each year per level; raises group:hardware: growth +1 point a year per level",
      "Trend: Open models at −1 (weaker) — lowers vendor:openai: growth −1 point a year per level",
    ]);
    const { svg } = composeStorySvg(slide, { footer: "f", width: 1600, height: 900 });
    expect(svg).toContain("our assumption");
    expect(svg).toContain("From general to specialised models at +2");
  });

  it("is left out for the base (no lever moved)", () => {
    expect(scenarioSlide(levers, {}, nameOf)).toBeNull();
    expect(scenarioSlide(levers, { spec: 0 }, nameOf)).toBeNull();
  });
});
