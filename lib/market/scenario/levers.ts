/**
 * Scenario levers: every driver and trend of a version's story, with five levels (-2 much weaker,
 * -1 weaker, 0 as the publisher sees it, +1 stronger, +2 much stronger). A level moves the segments
 * the item names by its steps, which are our assumptions (stored with the story; a move without a
 * step takes the default of its direction). Pure: no framework, runs on the server and in the browser.
 */
import type { Direction, Story, StoryDimension } from "../story/types";

export const LEVELS = [-2, -1, 0, 1, 2] as const;
export type Level = (typeof LEVELS)[number];
export const MIN_LEVEL = -2;
export const MAX_LEVEL = 2;

export const LEVEL_LABELS: Record<string, string> = {
  "-2": "much weaker",
  "-1": "weaker",
  "0": "as the publisher sees it",
  "1": "stronger",
  "2": "much stronger",
};

/** The label every step carries wherever it shows. */
export const OUR_ASSUMPTION = "our assumption";

/** The basis of a figure moved by a scenario, the same word everywhere. */
export const SCENARIO_BASIS = "scenario" as const;

/** Steps per level when the story gives none for a move (our assumption too). */
export const DEFAULT_STEPS: Record<Direction, number> = { raises: 0.01, lowers: 0.01, "gains-share": 0.03 };

export interface LeverMove {
  dimension: StoryDimension;
  member: string;
  direction: Direction;
  /** Per level: growth change (raises/lowers) or yearly relative share change (gains-share). */
  step: number;
  /** True when the story gave no step and the default of the direction applies. */
  defaulted: boolean;
}

export interface Lever {
  key: string;
  title: string;
  kind: "driver" | "trend";
  moves: LeverMove[];
}

/** Lever settings: key → level; a lever not named is at 0. */
export type LeverLevels = Record<string, number>;

/** The levers of a story: its drivers, then its trends, each move with its step. */
export function leversOf(story: Pick<Story, "drivers" | "trends">): Lever[] {
  const lever = (kind: Lever["kind"]) => (item: Story["drivers"][number]) => ({
    key: item.key,
    title: item.title,
    kind,
    moves: item.moves.map((m) => {
      const given = item.steps?.find((s) => s.dimension === m.dimension && s.member === m.member);
      return { ...m, step: given?.step ?? DEFAULT_STEPS[m.direction], defaulted: !given };
    }),
  });
  return [...story.drivers.map(lever("driver")), ...story.trends.map(lever("trend"))];
}

export type LeversParse = { ok: true; value: LeverLevels } | { ok: false; message: string };

/**
 * Reads `KEY:LEVEL,KEY:LEVEL` against the levers a version has. Levels at 0 are dropped (they
 * change nothing), so equal scenarios read the same. A key given twice keeps its last level.
 */
export function parseLevers(text: string, levers: Pick<Lever, "key">[]): LeversParse {
  const known = new Set(levers.map((l) => l.key));
  const value: LeverLevels = {};
  for (const raw of text.split(",")) {
    const item = raw.trim();
    if (!item) continue;
    const m = /^([a-z0-9][a-z0-9-]{0,63}):(-?\d+|\+\d+)$/.exec(item);
    if (!m) return { ok: false, message: `"${item}" is not KEY:LEVEL (e.g. general-to-specialised:1)` };
    const [, key, lvl] = m;
    if (!known.has(key))
      return {
        ok: false,
        message: `"${key}" is not a lever of this data set${known.size ? ` (levers: ${[...known].join(", ")})` : " (it has no story)"}`,
      };
    const level = Number(lvl);
    if (!Number.isInteger(level) || level < MIN_LEVEL || level > MAX_LEVEL)
      return { ok: false, message: `level ${lvl} of "${key}" is outside ${MIN_LEVEL}..${MAX_LEVEL}` };
    if (level === 0) delete value[key];
    else value[key] = level;
  }
  return { ok: true, value };
}

/** Lever levels in the levers' order, zeros left out: `a:1,b:-2` (empty for the base). */
export function formatLevers(levels: LeverLevels, levers: Pick<Lever, "key">[]): string {
  return levers
    .filter((l) => (levels[l.key] ?? 0) !== 0)
    .map((l) => `${l.key}:${levels[l.key]}`)
    .join(",");
}

export function isBase(levels: LeverLevels): boolean {
  return Object.values(levels).every((v) => v === 0);
}

/** Every lever one level stronger (Bull) or weaker (Bear). */
export function preset(name: "bull" | "bear", levers: Pick<Lever, "key">[]): LeverLevels {
  return Object.fromEntries(levers.map((l) => [l.key, name === "bull" ? 1 : -1]));
}

/** "+2 points of growth a year per level" / "share ×1.03 a year per level", for a move's step. */
export function describeStep(move: Pick<LeverMove, "direction" | "step">): string {
  const pts = (move.step * 100).toFixed(1).replace(/\.0$/, "");
  return move.direction === "gains-share"
    ? `share ${pts}% higher each year per level`
    : `growth ${move.direction === "raises" ? "+" : "−"}${pts} point${pts === "1" ? "" : "s"} a year per level`;
}

/** "Generative AI in everyone's hands +2, Open versus proprietary −1": the levers of a scenario in words. */
export function describeLevers(levels: LeverLevels, levers: Pick<Lever, "key" | "title">[]): string {
  return levers
    .filter((l) => (levels[l.key] ?? 0) !== 0)
    .map((l) => `${l.title} ${levels[l.key] > 0 ? "+" : "−"}${Math.abs(levels[l.key])}`)
    .join(", ");
}

/** A chart's subtitle part naming the scenario it was drawn under: "Scenario: … (our assumptions)". */
export function scenarioLine(info: { description: string } | undefined | null): string {
  return info ? `Scenario: ${info.description} (our assumptions)` : "";
}

/** Inserts the scenario's line before the subtitle's unit part, or leaves the subtitle as it is. */
export function withScenario(filtersAndYears: string, unit: string, info: { description: string } | undefined | null) {
  return [filtersAndYears, scenarioLine(info), unit].filter(Boolean).join(" · ");
}

/** A saved scenario as the API lists it: named levers on one pinned data set version. */
export interface SavedScenarioInfo {
  id: string;
  name: string;
  levers: string;
  /** The pinned data set version. */
  dataset: string;
  owner: string;
  shared: boolean;
  createdAt: string;
}
