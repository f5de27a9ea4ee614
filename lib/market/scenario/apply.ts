/**
 * A scenario applied to the fitted cube, cell by cell, so that every aggregation summed from the
 * result (any breakdown, any filter, the browser's and the server's) is reconciled by construction:
 * each breakdown sums to the scenario's total in every year, because they are all sums of the same
 * cells. Only years after the history change; with every lever at 0 the cube is returned as it is,
 * so the publisher's outlook comes out exactly (US$ 19,700 M in 2031).
 *
 * For a cell t years after the last history year:
 * - `raises` (`lowers`) with step s at level L multiplies the segment's cells by (1 + s·L)^t
 *   ((1 − s·L)^t): the segment's yearly growth factor moves by s·L. The rest of the market keeps
 *   its path, so the total moves by the segment's change.
 * - `gains-share` with step s at level L moves the segment's share of the market (its parent) from
 *   σ to min(1, σ·(1 + s·L)^t), scaling its cells by the same factor and every other cell by
 *   (1 − σ')/(1 − σ): the gain is taken from the siblings in proportion to their size, and the
 *   year's total is unchanged.
 * Growth moves apply first (they commute), then share moves in the levers' order. Steps are at most
 * MAX_STEP (0.25), so every factor is positive and no value goes below 0.
 */
import type { Cube } from "../cube/cube-aggregate";
import type { PlayerGroup } from "../story/types";
import { groupOfVendor } from "../story/groups";
import type { Lever, LeverLevels, LeverMove } from "./levers";

export interface ScenarioInput {
  levers: Lever[];
  levels: LeverLevels;
  historyTo: number;
  groups: PlayerGroup[];
}

/** Which cells belong to a move's segment (1 = in). */
function segmentMask(cube: Cube, move: Pick<LeverMove, "dimension" | "member">, groups: PlayerGroup[]): Uint8Array {
  const n = cube.value.length;
  const mask = new Uint8Array(n);
  let allowed: Uint8Array;
  let of: Uint16Array;
  if (move.dimension === "group") {
    const owner = groupOfVendor(groups, cube.slugs.vendor);
    allowed = Uint8Array.from(cube.slugs.vendor, (v) => (owner.get(v) === move.member ? 1 : 0));
    of = cube.member.vendor;
  } else {
    allowed = Uint8Array.from(cube.slugs[move.dimension], (s) => (s === move.member ? 1 : 0));
    of = cube.member[move.dimension];
  }
  for (let i = 0; i < n; i++) mask[i] = allowed[of[i]];
  return mask;
}

/** The moves a scenario makes, each with its signed per-level change (step × level). */
function activeMoves(input: ScenarioInput): { move: LeverMove; change: number }[] {
  const out: { move: LeverMove; change: number }[] = [];
  for (const lever of input.levers) {
    const level = input.levels[lever.key] ?? 0;
    if (!level) continue;
    for (const move of lever.moves) {
      const sign = move.direction === "lowers" ? -1 : 1;
      out.push({ move, change: sign * move.step * level });
    }
  }
  return out;
}

/**
 * The scenario's cube: the same cells with new values after the history. Returns `cube` itself
 * when no lever is moved.
 */
export function applyScenario(cube: Cube, input: ScenarioInput): Cube {
  const moves = activeMoves(input);
  if (!moves.length) return cube;
  const n = cube.value.length;
  const value = Float64Array.from(cube.value);
  const ahead = new Int16Array(n);
  let horizon = 0;
  for (let i = 0; i < n; i++) {
    const t = cube.year[i] - input.historyTo;
    ahead[i] = t > 0 ? t : 0;
    if (t > horizon) horizon = t;
  }
  const powers = (base: number) => Float64Array.from({ length: horizon + 1 }, (_, t) => Math.pow(base, t));

  for (const { move, change } of moves) {
    if (move.direction === "gains-share") continue;
    const mask = segmentMask(cube, move, input.groups);
    const f = powers(Math.max(0, 1 + change));
    for (let i = 0; i < n; i++) if (mask[i] && ahead[i]) value[i] *= f[ahead[i]];
  }

  for (const { move, change } of moves) {
    if (move.direction !== "gains-share") continue;
    const mask = segmentMask(cube, move, input.groups);
    const f = powers(Math.max(0, 1 + change));
    // The year's market and segment, after the moves before this one.
    const market = new Float64Array(horizon + 1);
    const segment = new Float64Array(horizon + 1);
    for (let i = 0; i < n; i++) {
      const t = ahead[i];
      if (!t) continue;
      market[t] += value[i];
      if (mask[i]) segment[t] += value[i];
    }
    const inside = new Float64Array(horizon + 1).fill(1);
    const outside = new Float64Array(horizon + 1).fill(1);
    for (let t = 1; t <= horizon; t++) {
      const share = market[t] > 0 ? segment[t] / market[t] : 0;
      // Nothing to scale (no segment) or nothing to take from (no siblings).
      if (!(share > 0) || !(share < 1)) continue;
      const moved = Math.min(1, share * f[t]);
      inside[t] = moved / share;
      outside[t] = (1 - moved) / (1 - share);
    }
    for (let i = 0; i < n; i++) {
      const t = ahead[i];
      if (t) value[i] *= mask[i] ? inside[t] : outside[t];
    }
  }
  return { ...cube, value };
}
