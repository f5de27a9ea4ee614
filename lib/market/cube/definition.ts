/**
 * The shape of a dataset definition: everything needed to build one immutable dataset version
 * (members, yearly totals, marginal shares, provenance, outlook, other estimates).
 * The default data set is one such definition (prisma/data/default-dataset.ts); a licensed report's
 * figures can be another.
 */
import type { Story } from "../story/types";
import type { Basis, DatasetInfo, Dimension, VendorGroup } from "../types";

export interface MemberDefinition {
  slug: string;
  name: string;
  description: string;
  group?: VendorGroup;
  useCases?: string[];
}

export interface SourceRef {
  label: string;
  url?: string;
  /** ISO date (yyyy-mm-dd or yyyy-mm) of the source. */
  date?: string;
}

export interface TotalDefinition {
  year: number;
  /** US$ million. */
  value: number;
  basis: Exclude<Basis, "outlook" | "scenario">;
  /** Published: the source. Modelled: how it was derived. */
  note: string;
  source?: SourceRef;
}

/**
 * Shares of one dimension's members at anchor years; years in between are interpolated linearly
 * and every year is normalised to sum to 1. Keys are member slugs; every member must appear.
 */
export interface MarginalDefinition {
  dimension: Dimension;
  anchors: { year: number; shares: Record<string, number> }[];
  /** Why these shares: the calibration targets and their sources. */
  method: string;
  sources: SourceRef[];
}

/**
 * Relative affinity between members of two dimensions (default 1): e.g. Chinese vendors weigh
 * more in Asia-Pacific. Used only for the seed of the fit; the fitted cube still honours every marginal.
 */
export interface AffinityDefinition {
  a: Dimension;
  b: Dimension;
  weights: { a: string; b: string; weight: number }[];
  reason: string;
}

export interface PublishedFigure {
  key: string;
  label: string;
  year?: number;
  value: number;
  unit: string;
  source: SourceRef;
}

export interface OutlookDefinition {
  publisher: string;
  year: number;
  value: number;
  cagr: number;
  cagrFrom: number;
  cagrTo: number;
  source: SourceRef;
}

export interface OtherEstimateDefinition {
  firm: string;
  scope: string;
  baseYear: number;
  baseValue: number;
  targetYear?: number;
  targetValue?: number;
  cagr?: number;
  /** "V" read in the primary source, "S" secondary write-up only, "U" origin unclear. */
  verification: "V" | "S" | "U";
  source: SourceRef;
  note?: string;
}

/** The descriptive fields a definition gives each version built from it (see DatasetInfo). */
export type DatasetHeading = Pick<
  DatasetInfo,
  "title" | "publisher" | "edition" | "currency" | "unit" | "firstYear" | "historyTo" | "lastYear"
>;

export interface DatasetDefinition extends DatasetHeading {
  /** Stable name of the definition; a changed definition gets a new version under the same key. */
  key: string;
  members: Record<Dimension, MemberDefinition[]>;
  totals: TotalDefinition[];
  marginals: MarginalDefinition[];
  affinities: AffinityDefinition[];
  published: PublishedFigure[];
  /** The publisher's own forward figures; none for a data set loaded from another firm's tables. */
  outlook?: OutlookDefinition;
  otherEstimates: OtherEstimateDefinition[];
  /** Free-text notes on the modelling, shown on the methodology page. */
  notes: string[];
  /** The report's argument (drivers, trends, use cases, player groups); none for a bare table load. */
  story?: Story;
}

/** One cell of the built cube. Member references are slugs. */
export interface FactRow {
  year: number;
  type: string;
  sector: string;
  vendor: string;
  region: string;
  value: number;
}
