"use client";

import { useQueryStates } from "nuqs";
import { useMemo } from "react";
import { resolveViewState, type ResolvedView } from "@/lib/market/query/view-state";
import { groupKeys } from "@/lib/market/story/groups";
import { useDashboard } from "./dashboard-context";
import { viewParsers } from "./view-parsers";

export type SetView = ReturnType<typeof useQueryStates<typeof viewParsers>>[1];

/**
 * The view as the URL holds it, checked against the dataset (unknown members dropped, years
 * clamped). Writing goes to the URL only (shallow, one history entry per change, so Back works);
 * the panels refetch from the new state.
 */
export function useView(): { view: ResolvedView; setView: SetView } {
  const [raw, setView] = useQueryStates(viewParsers, { shallow: true, history: "push", scroll: false });
  const { dataset, members, defaultYear, groups = [], story } = useDashboard();
  const view = useMemo(
    () =>
      resolveViewState(
        {
          ...raw,
          from: raw.from ?? undefined,
          to: raw.to ?? undefined,
          year: raw.year ?? undefined,
          dataset: raw.dataset ?? undefined,
          levers: raw.levers ?? undefined,
          scenario: raw.scenario ?? undefined,
        },
        dataset,
        members,
        defaultYear,
        groupKeys(
          groups,
          members.filter((m) => m.dimension === "vendor").map((m) => m.slug),
        ),
        story,
      ).value,
    [raw, dataset, members, defaultYear, groups, story],
  );
  return { view, setView };
}
