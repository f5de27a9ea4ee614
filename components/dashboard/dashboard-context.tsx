"use client";

import { createContext, useContext } from "react";
import type { MemberInfo } from "@/lib/market/types";
import type { SeriesView } from "@/lib/market/query/api";
import type { ForecastRobustness } from "@/lib/market/series/robustness";
import type { PlayerGroup, Story } from "@/lib/market/story/types";

export interface DashboardData {
  dataset: SeriesView["dataset"];
  members: MemberInfo[];
  defaultYear: number;
  publishedYears: number[];
  outlook: { publisher: string; year: number; value: number; cagr: number; cagrFrom: number; cagrTo: number } | null;
  /** Our forecast of the market in the outlook year beside the outlook, and how fragile it is. */
  robustness: ForecastRobustness | null;
  /** The version's player groups (a roll-up of vendors); none for a version without a story. */
  groups?: PlayerGroup[];
  /** The version's drivers and trends: the scenario levers (none for a version without a story). */
  story?: Pick<Story, "drivers" | "trends">;
  /** Server-rendered answers keyed by API query string: the first render needs no fetch. */
  initialSeries: Record<string, SeriesView>;
}

const Ctx = createContext<DashboardData | null>(null);

export function DashboardProvider({ value, children }: { value: DashboardData; children: React.ReactNode }) {
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useDashboard(): DashboardData {
  const v = useContext(Ctx);
  if (!v) throw new Error("useDashboard needs a DashboardProvider");
  return v;
}
