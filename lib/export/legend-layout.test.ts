import { describe, expect, it } from "vitest";
import { layoutLegend, type LegendItem } from "./legend-layout";
import { textWidth, wrapText } from "./text-metrics";

const item = (label: string): LegendItem => ({ label, color: "#000", swatch: "line" });
const frame = { x: 50, y: 100, width: 800, maxHeight: 200, fontSize: 20, minFontSize: 12 };

describe("layoutLegend", () => {
  it("puts a few short entries on one row", () => {
    const l = layoutLegend(["A", "B", "C"].map(item), frame);
    expect(new Set(l.boxes.map((b) => b.y)).size).toBe(1);
    expect(l.fontSize).toBe(20);
  });

  it("wraps a label longer than the frame instead of clipping it", () => {
    const long =
      "Others (all remaining vendors, including regional specialists and open-weight communities of every size)";
    const l = layoutLegend([item(long)], { ...frame, width: 300 });
    expect(l.boxes[0].lines.length).toBeGreaterThan(1);
    expect(l.boxes[0].lines.join(" ")).toBe(long);
    const textMax = l.boxes[0].width - l.swatchWidth - l.fontSize * 0.5;
    for (const line of l.boxes[0].lines) expect(textWidth(line, l.fontSize)).toBeLessThanOrEqual(textMax + 1e-9);
  });

  it("shrinks the font when the legend would be too tall", () => {
    const items = Array.from({ length: 40 }, (_, i) => item(`Vendor number ${i} with a long descriptive name`));
    const l = layoutLegend(items, { ...frame, maxHeight: 150 });
    expect(l.fontSize).toBeLessThan(20);
    expect(l.fontSize).toBeGreaterThanOrEqual(12);
    expect(l.boxes).toHaveLength(40);
  });
});

describe("wrapText", () => {
  it("breaks an unbroken string (a URL) by characters", () => {
    const url = "https://market.example.com/" + "x".repeat(200);
    const lines = wrapText(url, 300, 16);
    expect(lines.join("")).toBe(url);
    for (const line of lines) expect(textWidth(line, 16)).toBeLessThanOrEqual(300);
  });
});

describe("layoutLegend with many short names", () => {
  it("prefers fewer columns to splitting a word", () => {
    const names = [
      "OpenAI",
      "Google",
      "Microsoft",
      "Meta",
      "AWS",
      "IBM",
      "Baidu",
      "Tencent",
      "Alibaba",
      "Huawei",
      "Anthropic",
      "Hugging Face",
      "Cohere",
      "Rasa",
      "NVIDIA",
      "Others",
    ];
    const l = layoutLegend(names.map(item), {
      x: 42,
      y: 0,
      width: 996,
      maxHeight: 300,
      fontSize: 15.75,
      minFontSize: 9,
    });
    for (const [i, b] of l.boxes.entries()) expect(b.lines.join(" ")).toBe(names[i]);
  });
});
