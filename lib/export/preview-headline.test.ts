import { describe, expect, it } from "vitest";
import { previewHeadline } from "./preview-headline";
import { composePlotParts } from "./plot-svg";
import { totalSpec, vendorSpec } from "./test-fixtures";

describe("link preview figures", () => {
  it("names a figure and its year, exactly when published and approximately when modelled", () => {
    const line = previewHeadline(totalSpec);
    expect(line).toMatch(/in 20\d\d/);
    expect(line).toMatch(/US\$ [\d,.]+ [MB]/);
  });

  it("gives a breakdown its total in the last history year", () => {
    expect(previewHeadline(vendorSpec)).toMatch(new RegExp(`^≈ US\\$ [\\d.,]+ [MB] in ${vendorSpec.historyTo}$`));
  });

  it("hands the plot's axis and year labels to the renderer instead of dropping them", () => {
    const { svg, labels } = composePlotParts(totalSpec, 1104, 330);
    expect(svg).not.toContain("<text");
    const years = labels.filter((l) => /^20\d\d$/.test(l.text)).map((l) => l.text);
    expect(years.length).toBeGreaterThan(2);
    expect(labels.some((l) => /\d+(\.\d+)? [MB]$/.test(l.text))).toBe(true);
  });
});
