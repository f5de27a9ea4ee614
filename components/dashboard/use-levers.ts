"use client";

import { useQueryState } from "nuqs";
import { useMemo } from "react";
import { resolveScenario } from "@/lib/market/scenario/resolve";
import { useDashboard } from "./dashboard-context";
import { viewParsers } from "./view-parsers";

/**
 * The scenario levers of the page's URL in their one spelling (the levers' order, no zeros), or
 * undefined for the publisher's outlook; levers the version does not have are ignored.
 */
export function useUrlLevers(): string | undefined {
  const [raw] = useQueryState("levers", viewParsers.levers);
  const { story } = useDashboard();
  return useMemo(() => {
    const r = resolveScenario(raw ?? undefined, story ?? { drivers: [], trends: [] });
    return r.ok ? r.value?.info.levers : undefined;
  }, [raw, story]);
}
