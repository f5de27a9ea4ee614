/**
 * The deck's scenario page: the levers a view was made under, each with its level and the steps
 * it applies (our assumptions), drawn by the same slide composer as the story page.
 */
import { describeStep, LEVEL_LABELS, OUR_ASSUMPTION, type Lever, type LeverLevels } from "@/lib/market/scenario/levers";
import type { StorySlide } from "./story-svg";

export function scenarioSlide(
  levers: Lever[],
  levels: LeverLevels,
  /** The name a move's member shows under ("Healthcare", "the hardware group"). */
  nameOf: (dimension: string, member: string) => string,
): StorySlide | null {
  const moved = levers.filter((l) => (levels[l.key] ?? 0) !== 0);
  if (!moved.length) return null;
  return {
    title: "Scenario: the levers moved and their steps",
    label: OUR_ASSUMPTION,
    items: moved.map((l) => {
      const level = levels[l.key];
      const steps = l.moves
        .map((m) => `${m.direction} ${nameOf(m.dimension, m.member)}: ${describeStep(m)}`)
        .join("; ");
      return `${l.kind === "driver" ? "Driver" : "Trend"}: ${l.title} at ${level > 0 ? "+" : "−"}${Math.abs(level)} (${LEVEL_LABELS[String(level)]}) — ${steps}`;
    }),
    note:
      "Every other lever is at 0, as the publisher sees it. The steps are our assumptions, not the publisher's figures. " +
      "The scenario moves the fitted cube cell by cell after the last history year and sums it bottom-up, so every breakdown adds up to the scenario's total; history never changes.",
  };
}
