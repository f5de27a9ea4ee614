"use client";

import { ExportDashboardButton } from "@/components/export/export-dashboard-button";
import { useSpecs } from "./spec-registry";

/** The whole-dashboard export, fed by every chart's registered spec. */
export function DashboardExport({ title }: { title?: string }) {
  return <ExportDashboardButton specs={useSpecs()} title={title} />;
}
