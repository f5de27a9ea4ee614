import { describe, expect, it } from "vitest";
import { groupKeys, groupMembers, NO_VENDOR, rollUpRows, vendorsOfGroups } from "./groups";
import type { PlayerGroup } from "./types";

const groups: PlayerGroup[] = [
  { key: "big", title: "Big platforms", members: ["a", "b"] },
  { key: "chips", title: "Hardware", members: ["c"] },
];
const vendors = ["a", "b", "c", "others"];

describe("player groups", () => {
  it("list the groups in order, then Others for the vendors in none", () => {
    expect(groupKeys(groups, vendors)).toEqual(["big", "chips", "others"]);
    expect(groupKeys(groups, ["a", "b", "c"])).toEqual(["big", "chips"]);
    expect(groupMembers(groups, vendors).map((m) => m.name)).toEqual(["Big platforms", "Hardware", "Others"]);
  });

  it("turn a group filter into its vendors, within a vendor filter; nothing left matches nothing", () => {
    expect(vendorsOfGroups([], ["a"], groups, vendors)).toEqual(["a"]);
    expect(vendorsOfGroups(["big"], [], groups, vendors)).toEqual(["a", "b"]);
    expect(vendorsOfGroups(["big", "others"], [], groups, vendors)).toEqual(["a", "b", "others"]);
    expect(vendorsOfGroups(["big"], ["b", "c"], groups, vendors)).toEqual(["b"]);
    expect(vendorsOfGroups(["chips"], ["a"], groups, vendors)).toEqual([NO_VENDOR]);
  });

  it("sum a vendor breakdown by group exactly, in micro-units", () => {
    const rows = [
      { year: 2024, key: "a", value: 0.1 },
      { year: 2024, key: "b", value: 0.2 },
      { year: 2024, key: "c", value: 1.000001 },
      { year: 2024, key: "others", value: 3 },
      { year: 2025, key: "a", value: 1 },
    ];
    const out = rollUpRows(rows, groups, vendors).sort((x, y) => x.year - y.year || x.key.localeCompare(y.key));
    expect(out).toEqual([
      { year: 2024, key: "big", value: 0.3 },
      { year: 2024, key: "chips", value: 1.000001 },
      { year: 2024, key: "others", value: 3 },
      { year: 2025, key: "big", value: 1 },
    ]);
  });
});
