import { describe, expect, it } from "vitest";
import { BREAKDOWNS, datasetIdSchema, slugSchema, yearSchema } from "./filters";
import { BREAKDOWN_CHOICES, check, urlDatasetId, urlSlug, urlYear } from "./url-schema";

// The browser's URL schemas (zod mini) must accept and reject exactly what the API's schemas do.
describe("url-schema mirrors the API schema", () => {
  it("has the same breakdowns", () => {
    expect([...BREAKDOWN_CHOICES]).toEqual([...BREAKDOWNS]);
  });

  it.each([
    ["slug", urlSlug, slugSchema, ["healthcare", "it-telecom", "a1", "Healthcare", "-x", "", "x".repeat(65), "a b"]],
    ["year", urlYear, yearSchema, ["2024", "1990", "2100", "1989", "2101", "20x4", "2024.5", ""]],
    ["dataset", urlDatasetId, datasetIdSchema, ["large-scale-ai-models-global-v1", "BAD", "a".repeat(97)]],
  ] as const)("%s", (_name, mini, full, inputs) => {
    for (const input of inputs) {
      const a = check(mini as never, input);
      const b = (full as { safeParse: (v: unknown) => { success: boolean; data?: unknown; error?: { issues: { message: string }[] } } }).safeParse(input);
      expect(a.ok, input).toBe(b.success);
      if (a.ok) expect(a.value).toEqual(b.data);
      else expect(a.message, input).toBe(b.error?.issues[0]?.message);
    }
  });
});
