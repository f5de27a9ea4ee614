import { describe, expect, it } from "vitest";
import { drawRanking } from "./plot-ranking";
import { themeFor } from "./theme";
import { vendorSpec } from "./test-fixtures";

describe("drawRanking", () => {
  it("ranks the vendors and leaves Others without a rank or a placeholder", () => {
    const spec = {
      ...vendorSpec,
      ranking: {
        entries: [
          { key: "openai", label: "OpenAI", rank: 1, value: 2000, share: 0.22, color: "#0072B2" },
          { key: "google", label: "Google", rank: 2, value: 1500, share: 0.17, color: "#E69F00" },
          { key: "others", label: "Others", rank: null, value: 900, share: 0.1, color: "#9AA3AE" },
        ],
      },
    } as unknown as Parameters<typeof drawRanking>[0];
    const { svg } = drawRanking(spec, { x: 0, y: 0, width: 1600, height: 600 }, themeFor("light"), 20);
    expect(svg).toContain(">1. OpenAI<");
    expect(svg).toContain(">2. Google<");
    expect(svg).toContain(">Others<");
    expect(svg).not.toContain("–. Others");
  });
});
