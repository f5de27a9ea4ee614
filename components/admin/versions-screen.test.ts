import { describe, expect, it } from "vitest";
import type { VersionListing } from "@/lib/import/types";
import { defaultPair } from "./versions-screen";

const version = (v: number, over: Partial<VersionListing> = {}): VersionListing => ({
  id: `m-v${v}`,
  key: "m",
  version: v,
  title: "M",
  publisher: "P",
  edition: "E",
  active: false,
  createdAt: `2026-12-0${v}T00:00:00.000Z`,
  importedBy: null,
  builtOn: null,
  activatedBy: null,
  activatedAt: null,
  ...over,
});

describe("the pair the versions screen opens on", () => {
  it("compares the active version with the one its import was built on, not with a version committed in between", () => {
    // v2 was committed and rolled back; v3 was imported on v1.
    const versions = [version(3, { active: true, builtOn: "m-v1" }), version(2, { builtOn: "m-v1" }), version(1)];
    expect(defaultPair(versions)).toEqual({ from: "m-v1", to: "m-v3" });
  });

  it("without a base, compares it with the version before it", () => {
    const versions = [version(3, { active: true }), version(2), version(1)];
    expect(defaultPair(versions)).toEqual({ from: "m-v2", to: "m-v3" });
  });

  it("never compares a version with itself", () => {
    expect(defaultPair([version(1, { active: true, builtOn: "m-v1" })])).toEqual({ from: "", to: "m-v1" });
  });
});
