"use client";

import { useMemo } from "react";
import { ExportDashboardButton } from "@/components/export/export-dashboard-button";
import { scenarioSlide } from "@/lib/export/scenario-slide";
import { leversOf, parseLevers } from "@/lib/market/scenario/levers";
import { useDashboard } from "./dashboard-context";
import { useUrlLevers } from "./use-levers";
import { useSpecs } from "./spec-registry";

/** The whole-dashboard export, fed by every chart's registered spec (and the scenario page, under one). */
export function DashboardExport({ title }: { title?: string }) {
  const { story, members, groups = [] } = useDashboard();
  const text = useUrlLevers();
  const scenario = useMemo(() => {
    if (!text || !story) return null;
    const levers = leversOf(story);
    const parsed = parseLevers(text, levers);
    if (!parsed.ok) return null;
    const nameOf = (dimension: string, member: string) =>
      dimension === "group"
        ? `the group ${groups.find((g) => g.key === member)?.title ?? member}`
        : (members.find((m) => m.dimension === dimension && m.slug === member)?.name ?? member);
    return scenarioSlide(levers, parsed.value, nameOf);
  }, [text, story, members, groups]);
  return <ExportDashboardButton specs={useSpecs()} title={title} scenario={scenario} />;
}
