/**
 * A request's `levers` read against a version's story: the scenario to apply (null for the
 * outlook itself) and what the answer echoes. The server and the browser both read it here.
 */
import type { ScenarioInfo } from "../query/api";
import type { QueryProblem } from "../query/filters";
import type { Story } from "../story/types";
import { describeLevers, formatLevers, leversOf, parseLevers, type Lever, type LeverLevels } from "./levers";
import { SCENARIO_BASIS } from "./levers";

export interface ResolvedScenario {
  levers: Lever[];
  levels: LeverLevels;
  info: ScenarioInfo;
}

export type ScenarioResolution = { ok: true; value: ResolvedScenario | null } | { ok: false; problem: QueryProblem };

export function resolveScenario(
  text: string | undefined,
  story: Pick<Story, "drivers" | "trends">,
): ScenarioResolution {
  if (!text) return { ok: true, value: null };
  const levers = leversOf(story);
  const parsed = parseLevers(text, levers);
  if (!parsed.ok) return { ok: false, problem: { param: "levers", message: `levers: ${parsed.message}` } };
  const canonical = formatLevers(parsed.value, levers);
  if (!canonical) return { ok: true, value: null };
  return {
    ok: true,
    value: {
      levers,
      levels: parsed.value,
      info: {
        basis: SCENARIO_BASIS,
        levers: canonical,
        levels: parsed.value,
        description: describeLevers(parsed.value, levers),
      },
    },
  };
}
