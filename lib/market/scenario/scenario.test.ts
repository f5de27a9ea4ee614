import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultDataset } from "@/prisma/data/default-dataset";
import { buildCube } from "../cube/build-cube";
import { aggregate, denseCubeFromCells } from "../cube/engine";
import type { DenseCube } from "../cube/packed";
import { emptyFilters, type CubeBreakdown } from "../query/filters";
import { rollUpRows } from "../story/groups";
import { readStory } from "../story/validate";
import { DIMENSIONS } from "../types";
import { applyScenario } from "./apply";
import { describeLevers, formatLevers, leversOf, parseLevers, preset, type LeverLevels } from "./levers";

const members = DIMENSIONS.flatMap((dimension) =>
  defaultDataset.members[dimension].map(({ slug }) => ({ dimension, slug })),
);
const read = readStory(
  new Uint8Array(fs.readFileSync(path.join(process.cwd(), "prisma", "data", "story.json"))),
  members,
);
if (!read.ok) throw new Error(JSON.stringify(read.problems));
const story = read.value;
const levers = leversOf(story);
const cube = denseCubeFromCells(buildCube(defaultDataset));
const historyTo = defaultDataset.historyTo;
const scenario = (levels: LeverLevels) => applyScenario(cube, { levers, levels, historyTo, groups: story.groups });

const all = { from: defaultDataset.firstYear, to: defaultDataset.lastYear };
function byYear(c: DenseCube, by: CubeBreakdown | "group", filters = emptyFilters()) {
  let rows = aggregate(c, { by: by === "group" ? "vendor" : by, filters, ...all });
  if (by === "group") rows = rollUpRows(rows, story.groups, c.slugs.vendor);
  const out = new Map<string, Map<number, number>>();
  for (const r of rows) out.set(r.key, (out.get(r.key) ?? new Map()).set(r.year, r.value));
  return out;
}
/** The 2031 value of one move's segment, and its share of the market. */
function segment2031(c: DenseCube, dimension: string, member: string) {
  const rows = byYear(c, dimension === "group" ? "group" : (dimension as CubeBreakdown));
  const value = rows.get(member)!.get(2031)!;
  const total = byYear(c, "total").get("total")!.get(2031)!;
  return { value, share: value / total };
}

describe("scenario levers", () => {
  it("are the story's 5 drivers and 4 trends, every move with the step the story gives it", () => {
    expect(levers.map((l) => l.kind)).toEqual([...Array(5).fill("driver"), ...Array(4).fill("trend")]);
    for (const l of levers)
      for (const m of l.moves) {
        expect(m.defaulted).toBe(false);
        expect(m.step).toBe(m.direction === "gains-share" ? 0.03 : 0.01);
      }
  });

  it("read KEY:LEVEL lists strictly: unknown keys and levels outside -2..2 are refused, zeros dropped", () => {
    expect(parseLevers("general-to-specialised:2,edge-and-efficiency:-1,multimodal-standard:0", levers)).toEqual({
      ok: true,
      value: { "general-to-specialised": 2, "edge-and-efficiency": -1 },
    });
    expect(parseLevers("", levers)).toEqual({ ok: true, value: {} });
    const unknown = parseLevers("nope:1", levers);
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.message).toContain('"nope" is not a lever');
    const far = parseLevers("general-to-specialised:3", levers);
    if (!far.ok) expect(far.message).toContain("outside -2..2");
    expect(far.ok).toBe(false);
    expect(parseLevers("general-to-specialised", levers).ok).toBe(false);
    expect(parseLevers("general-to-specialised:1.5", levers).ok).toBe(false);
  });

  it("format in the levers' order, so one scenario has one spelling", () => {
    const levels = { "open-versus-proprietary": -1, "generative-ai-for-everyone": 2, "multimodal-standard": 0 };
    expect(formatLevers(levels, levers)).toBe("generative-ai-for-everyone:2,open-versus-proprietary:-1");
    expect(describeLevers(levels, levers)).toBe(
      "Generative AI in everyone's hands +2, Open and proprietary models keep competing −1",
    );
    expect(Object.values(preset("bull", levers))).toEqual(Array(9).fill(1));
  });
});

describe("a scenario applied to the default cube", () => {
  it("with every lever at 0 is the publisher's outlook exactly: 2031 is 19,700 and 2024 8,934", () => {
    const base = scenario(Object.fromEntries(levers.map((l) => [l.key, 0])));
    expect(base).toBe(cube);
    const total = byYear(base, "total").get("total")!;
    expect(total.get(2031)).toBe(19700);
    expect(total.get(2024)).toBe(8934);
  });

  const cases = levers.flatMap((l) => [2, -2].map((level) => ({ key: l.key, level })));
  it.each(cases)("$key at $level moves its segments the right way, reconciled, history untouched", ({ key, level }) => {
    const moved = scenario({ [key]: level });
    const lever = levers.find((l) => l.key === key)!;
    for (const m of lever.moves) {
      const base = segment2031(cube, m.dimension, m.member);
      const now = segment2031(moved, m.dimension, m.member);
      const up = level > 0;
      const label = `${m.direction} ${m.dimension}:${m.member}`;
      if (m.direction === "gains-share") expect(up ? now.share > base.share : now.share < base.share, label).toBe(true);
      else if ((m.direction === "raises") === up) expect(now.value, label).toBeGreaterThan(base.value);
      else expect(now.value, label).toBeLessThan(base.value);
    }
    const total = byYear(moved, "total").get("total")!;
    for (const by of [...DIMENSIONS, "group"] as const) {
      const rows = byYear(moved, by);
      for (const [year, t] of total) {
        let sum = 0;
        for (const r of rows.values()) sum += r.get(year) ?? 0;
        expect(Math.abs(sum - t), `${by} ${year}`).toBeLessThan(1e-6);
      }
    }
    expect(Math.min(...moved.micro)).toBeGreaterThanOrEqual(0);
    const history = (historyTo - cube.firstYear + 1) * (cube.micro.length / cube.shape[0]);
    expect(Array.from(moved.micro.subarray(0, history))).toEqual(Array.from(cube.micro.subarray(0, history)));
    expect(moved.micro.every(Number.isInteger)).toBe(true);
    expect(total.get(2024)).toBe(8934);
  });

  it("Bull lifts the 2031 total above the outlook and Bear lowers it; every lever at +2 at once stays non-negative", () => {
    const t = (c: DenseCube) => byYear(c, "total").get("total")!.get(2031)!;
    expect(t(scenario(preset("bull", levers)))).toBeGreaterThan(19700);
    expect(t(scenario(preset("bear", levers)))).toBeLessThan(19700);
    for (const level of [2, -2]) {
      const c = scenario(Object.fromEntries(levers.map((l) => [l.key, level])));
      expect(Math.min(...c.micro)).toBeGreaterThanOrEqual(0);
    }
  });

  it("a share move keeps the year's total and takes the gain from the siblings in proportion", () => {
    const only = {
      levers: [
        {
          key: "x",
          title: "X",
          kind: "driver" as const,
          moves: [
            {
              dimension: "type" as const,
              member: "industry-specific",
              direction: "gains-share" as const,
              step: 0.25,
              defaulted: false,
            },
          ],
        },
      ],
      levels: { x: 2 },
      historyTo,
      groups: story.groups,
    };
    const moved = applyScenario(cube, only);
    const before = byYear(cube, "type");
    const after = byYear(moved, "type");
    for (const year of [2026, 2027, 2031]) {
      const tb = [...before.values()].reduce((a, m) => a + m.get(year)!, 0);
      const ta = [...after.values()].reduce((a, m) => a + m.get(year)!, 0);
      // Each of the year's ~2,000 cells is summed rounded to a micro-unit: equal within that rounding.
      expect(Math.abs(ta - tb)).toBeLessThan(2_000 * 0.5e-6);
      if (year === 2031) {
        // 1.5^7 times its share would pass the whole market: it stops at 100%, the siblings at 0.
        expect(after.get("industry-specific")!.get(year)).toBeCloseTo(ta, 3);
        expect(after.get("general-purpose")!.get(year)).toBe(0);
        continue;
      }
      // The siblings keep their ratio to each other.
      const ratio = (m: Map<string, Map<number, number>>) =>
        m.get("general-purpose")!.get(year)! / m.get("vertically-specialized")!.get(year)!;
      expect(ratio(after)).toBeCloseTo(ratio(before), 6);
    }
    // With a step that would pass the whole market, the share stops at 100%, never below 0 elsewhere.
    expect(Math.min(...moved.micro)).toBeGreaterThanOrEqual(0);
  });
});
