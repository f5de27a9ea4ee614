import { describe, expect, it } from "vitest";
import { loadDefaultDefinition } from "@/lib/server/admin/default-data";
import { defaultDataset } from "@/prisma/data/default-dataset";

describe("the default data set loaded from its CSV through the importer", () => {
  const loaded = loadDefaultDefinition();

  it("has the reference definition's totals, exactly, with their basis and sources", () => {
    expect(loaded.totals.map((t) => [t.year, t.value, t.basis, t.source?.url])).toEqual(
      defaultDataset.totals.map((t) => [t.year, t.value, t.basis, t.source?.url]),
    );
    expect(loaded.totals.find((t) => t.year === 2024)?.value).toBe(8934);
    expect(loaded.totals.find((t) => t.year === 2031)?.value).toBe(19700);
  });

  it("anchors every split at the reference anchor years with the same shares", () => {
    for (const ref of defaultDataset.marginals) {
      const got = loaded.marginals.find((m) => m.dimension === ref.dimension)!;
      expect(got.anchors.map((a) => a.year)).toEqual(ref.anchors.map((a) => a.year));
      for (const [k, anchor] of ref.anchors.entries()) {
        for (const [slug, share] of Object.entries(anchor.shares))
          expect(got.anchors[k].shares[slug]).toBeCloseTo(share, 12);
      }
    }
  });

  it("keeps the profile: members, notes, outlook, other estimates", () => {
    expect(loaded.members).toEqual(defaultDataset.members);
    expect(loaded.outlook).toEqual(defaultDataset.outlook);
    expect(loaded.otherEstimates).toEqual(defaultDataset.otherEstimates);
    expect(loaded.notes).toEqual(defaultDataset.notes);
  });
});
