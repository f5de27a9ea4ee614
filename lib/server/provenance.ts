import "server-only";
import type { FigureInfo, OutlookInfo } from "@/lib/market/query/api";
import type { Dimension } from "@/lib/market/types";
import { memo } from "./cache";
import { getDb } from "./db";

/** Where the figures come from: published figures, the publisher's outlook, other estimates, method notes. */

export type { FigureInfo, OutlookInfo };

export function getFigures(datasetId: string): Promise<FigureInfo[]> {
  return memo(`figures:${datasetId}`, async () => {
    const rows = await getDb().prisma.figure.findMany({ where: { datasetId }, orderBy: { id: "asc" } });
    return rows.map(({ id: _id, datasetId: _d, ...rest }) => rest);
  });
}

export function getOutlook(datasetId: string): Promise<OutlookInfo | null> {
  return memo(`outlook:${datasetId}`, async () => {
    const row = await getDb().prisma.outlook.findFirst({ where: { datasetId }, orderBy: { year: "desc" } });
    if (!row) return null;
    const { id: _id, datasetId: _d, ...rest } = row;
    return rest;
  });
}

export interface OtherEstimateInfo {
  firm: string;
  scope: string;
  baseYear: number;
  baseValue: number;
  targetYear: number | null;
  targetValue: number | null;
  cagr: number | null;
  verification: string;
  source: string;
  url: string | null;
  publishedOn: string | null;
  note: string | null;
}

export function getOtherEstimates(datasetId: string): Promise<OtherEstimateInfo[]> {
  return memo(`estimates:${datasetId}`, async () => {
    const rows = await getDb().prisma.otherEstimate.findMany({ where: { datasetId }, orderBy: { sortOrder: "asc" } });
    return rows.map(({ id: _id, datasetId: _d, sortOrder: _s, ...rest }) => rest);
  });
}

export interface Methodology {
  notes: string[];
  marginals: { dimension: Dimension; method: string; sources: { label: string; url?: string; date?: string }[] }[];
  affinities: { a: Dimension; b: Dimension; reason: string }[];
}

export function getMethodology(datasetId: string): Promise<Methodology | null> {
  return memo(`methodology:${datasetId}`, async () => {
    const row = await getDb().prisma.dataset.findUnique({
      where: { id: datasetId },
      select: { notes: true, methodology: true },
    });
    if (!row) return null;
    const m = row.methodology as unknown as Omit<Methodology, "notes">;
    return { notes: row.notes, marginals: m.marginals ?? [], affinities: m.affinities ?? [] };
  });
}
