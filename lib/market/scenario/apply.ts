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
 *
 * The moves are worked in the data set's unit over the forecast years' blocks of the grid, and each
 * moved cell is rounded back to whole micro-units once, at the end.
 */
import { blockSize } from "../cube/engine";
import { fromMicro, toMicro } from "../cube/micro";
import type { DenseCube } from "../cube/packed";
import type { PlayerGroup } from "../story/types";
import { groupOfVendor } from "../story/groups";
import { DIMENSIONS } from "../types";
import type { Lever, LeverLevels, LeverMove } from "./levers";

export interface ScenarioInput {
  levers: Lever[];
  levels: LeverLevels;
  historyTo: number;
  groups: PlayerGroup[];
}

/** Which cells of one year's block belong to a move's segment (1 = in). */
function segmentMask(
  cube: DenseCube,
  move: Pick<LeverMove, "dimension" | "member">,
  groups: PlayerGroup[],
): Uint8Array {
  const dim = move.dimension === "group" ? "vendor" : move.dimension;
  let allowed: Uint8Array;
  if (move.dimension === "group") {
    const owner = groupOfVendor(groups, cube.slugs.vendor);
    allowed = Uint8Array.from(cube.slugs.vendor, (v) => (owner.get(v) === move.member ? 1 : 0));
  } else {
    allowed = Uint8Array.from(cube.slugs[dim], (s) => (s === move.member ? 1 : 0));
  }
  // A cell's member of `dim` from its offset in the block: (offset / stride) mod size.
  const k = DIMENSIONS.indexOf(dim);
  const stride = cube.shape.slice(k + 2).reduce((a, b) => a * b, 1);
  const size = cube.shape[k + 1];
  const n = blockSize(cube);
  const mask = new Uint8Array(n);
  for (let c = 0; c < n; c++) mask[c] = allowed[Math.floor(c / stride) % size];
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
export function applyScenario(cube: DenseCube, input: ScenarioInput): DenseCube {
  const moves = activeMoves(input);
  if (!moves.length) return cube;
  const n = blockSize(cube);
  // Years after the history: year index `first + t - 1` is t years ahead.
  const first = Math.max(0, input.historyTo - cube.firstYear + 1);
  const horizon = Math.max(0, cube.shape[0] - first);
  const micro = cube.micro.slice();
  if (!horizon) return { ...cube, micro };
  const value = new Float64Array(horizon * n);
  for (let i = 0; i < value.length; i++) value[i] = fromMicro(cube.micro[first * n + i]);
  // value[(t - 1) · n + c]: cell c, t years ahead.
  const powers = (base: number) => Float64Array.from({ length: horizon + 1 }, (_, t) => Math.pow(base, t));

  for (const { move, change } of moves) {
    if (move.direction === "gains-share") continue;
    const mask = segmentMask(cube, move, input.groups);
    const f = powers(Math.max(0, 1 + change));
    for (let t = 1; t <= horizon; t++) {
      const base = (t - 1) * n;
      for (let c = 0; c < n; c++) if (mask[c]) value[base + c] *= f[t];
    }
  }

  for (const { move, change } of moves) {
    if (move.direction !== "gains-share") continue;
    const mask = segmentMask(cube, move, input.groups);
    const f = powers(Math.max(0, 1 + change));
    for (let t = 1; t <= horizon; t++) {
      const base = (t - 1) * n;
      // The year's market and segment, after the moves before this one.
      let market = 0;
      let segment = 0;
      for (let c = 0; c < n; c++) {
        market += value[base + c];
        if (mask[c]) segment += value[base + c];
      }
      const share = market > 0 ? segment / market : 0;
      // Nothing to scale (no segment) or nothing to take from (no siblings).
      if (!(share > 0) || !(share < 1)) continue;
      const moved = Math.min(1, share * f[t]);
      const inside = moved / share;
      const outside = (1 - moved) / (1 - share);
      for (let c = 0; c < n; c++) value[base + c] *= mask[c] ? inside : outside;
    }
  }
  for (let i = 0; i < value.length; i++) micro[first * n + i] = toMicro(value[i]);
  return { ...cube, micro };
}
