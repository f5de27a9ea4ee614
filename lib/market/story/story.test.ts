import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultProfile } from "@/prisma/data/default-dataset";
import { DIMENSIONS } from "../types";
import { checkStory, readStory } from "./validate";

const members = DIMENSIONS.flatMap((dimension) =>
  defaultProfile.members[dimension].map(({ slug }) => ({ dimension, slug })),
);
const file = fs.readFileSync(path.join(process.cwd(), "prisma", "data", "story.json"));
const story = () => JSON.parse(file.toString("utf8"));

describe("the default story file", () => {
  it("holds the release's 5 drivers, 4 trends, a use case per type and named sector, and 4 groups over the 15 vendors", () => {
    const r = readStory(new Uint8Array(file), members);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.drivers).toHaveLength(5);
    expect(r.value.trends).toHaveLength(4);
    const cases = (dim: string) => r.value.useCases.filter((u) => u.dimension === dim).map((u) => u.member);
    expect(cases("type").sort()).toEqual(defaultProfile.members.type.map((m) => m.slug).sort());
    expect(cases("sector").sort()).toEqual(
      defaultProfile.members.sector
        .map((m) => m.slug)
        .filter((s) => s !== "others")
        .sort(),
    );
    expect(r.value.groups).toHaveLength(4);
    const grouped = r.value.groups.flatMap((g) => g.members).sort();
    const named = defaultProfile.members.vendor.map((m) => m.slug).filter((s) => s !== "others");
    expect(named).toHaveLength(15);
    expect(grouped).toEqual([...named].sort());
    expect(r.value.groups.find((g) => g.members.includes("openai"))?.title).toBe("Hyperscalers and model developers");
  });
});

describe("checkStory", () => {
  it("reports every problem at once, each with its position", () => {
    const s = story();
    s.drivers[1].moves[0].member = "no-such-type";
    s.drivers[1].steps[0].member = "no-such-type";
    s.trends[0].moves[2].dimension = "planet";
    s.useCases[4].member = "mining";
    s.groups[1].members.push("openai");
    s.drivers[3].title = "";
    const r = checkStory(s, members);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // Shape problems come first and alone (references are checked on a well-formed file).
    expect(r.problems.map((p) => p.path).sort()).toEqual(["drivers[4].title", "trends[1].moves[3].dimension"]);
    s.drivers[3].title = "Leaner";
    s.trends[0].moves[2].dimension = "sector";
    const again = checkStory(s, members);
    expect(again.ok).toBe(false);
    if (again.ok) return;
    expect(again.problems).toEqual([
      {
        path: "drivers[2].moves[1].member",
        item: 2,
        message: expect.stringContaining('model type "no-such-type" does not exist in this version'),
      },
      { path: "useCases[5].member", item: 5, message: expect.stringContaining('sector "mining" does not exist') },
      {
        path: "groups[2].members[4]",
        item: 2,
        message: 'vendor "openai" is already in group "hyperscalers": a vendor belongs to one group',
      },
    ]);
  });

  it("refuses a move to a group the story does not define, and keeps optional scenario steps", () => {
    const s = story();
    s.drivers[0].moves.push({ dimension: "group", member: "startups", direction: "raises" });
    s.trends[0].steps = [{ dimension: "type", member: "general-purpose", step: 0.05 }];
    const r = checkStory(s, members);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ path: "drivers[1].moves[5].member", item: 1 });
    s.drivers[0].moves.pop();
    const ok = checkStory(s, members);
    expect(ok.ok && ok.value.trends[0].steps).toEqual([{ dimension: "type", member: "general-purpose", step: 0.05 }]);
  });

  it("refuses scenario steps that name no move of their item, repeat one, or leave 0 < step <= 0.25", () => {
    const s = story();
    s.trends[0].steps = [
      { dimension: "sector", member: "bfsi", step: 0.02 },
      { dimension: "type", member: "general-purpose", step: 0.02 },
      { dimension: "type", member: "general-purpose", step: 0.03 },
    ];
    const r = checkStory(s, members);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems).toEqual([
        { path: "trends[1].steps[1]", item: 1, message: 'sector "bfsi" is not one of this item\'s moves' },
        { path: "trends[1].steps[3]", item: 1, message: "type:general-purpose has a step already" },
      ]);
    s.trends[0].steps = [{ dimension: "type", member: "general-purpose", step: 0.3 }];
    const far = checkStory(s, members);
    expect(!far.ok && far.problems[0]).toMatchObject({
      path: "trends[1].steps[1].step",
      message: "must be at most 0.25",
    });
    s.trends[0].steps = [{ dimension: "type", member: "general-purpose", step: 0 }];
    const zero = checkStory(s, members);
    expect(!zero.ok && zero.problems[0]).toMatchObject({ path: "trends[1].steps[1].step", message: "must be above 0" });
  });

  it("refuses a trend that reuses a driver's key: both are scenario levers", () => {
    const s = story();
    s.trends[1].key = s.drivers[0].key;
    const r = checkStory(s, members);
    expect(!r.ok && r.problems).toEqual([
      { path: "trends[2].key", item: 2, message: `key "${s.drivers[0].key}" is used twice` },
    ]);
  });

  it("answers a file that is not JSON with one problem, not an exception", () => {
    const r = readStory(new TextEncoder().encode("{ drivers: "), members);
    expect(r).toMatchObject({
      ok: false,
      problems: [{ path: "story", message: expect.stringMatching(/^not valid JSON/) }],
    });
  });
});
