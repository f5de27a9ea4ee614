/** Plain domain types shared by the server, the API and the client. No framework imports. */

export const DIMENSIONS = ["type", "sector", "vendor", "region"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** How a member kind is stored (`Member.kind`) for each URL/API dimension name. */
export const MEMBER_KIND: Record<Dimension, "modelType" | "sector" | "vendor" | "region"> = {
  type: "modelType",
  sector: "sector",
  vendor: "vendor",
  region: "region",
};

/**
 * A data point's basis: a published figure, our modelled split or back-cast ("modelled"), or, after
 * the history, the publisher's outlook ("outlook"). Forecast years have one other basis: "our
 * forecast" (a series' `forecast`, never a data point). Under a scenario (levers moved), the years
 * after the history are "scenario": the outlook moved by our assumptions.
 */
export type Basis = "published" | "modelled" | "outlook" | "scenario";
export const OUR_FORECAST = "our forecast" as const;

export type VendorGroup = "hyperscaler" | "specialist" | "application-specialist" | "hardware" | "other";

export interface MemberInfo {
  dimension: Dimension;
  slug: string;
  name: string;
  description: string;
  /** Vendors only. */
  group?: VendorGroup | null;
  /** Sectors only: what the sector uses large models for. */
  useCases?: string[];
  sortOrder: number;
}

export interface DatasetInfo {
  id: string;
  title: string;
  publisher: string;
  edition: string;
  currency: string;
  unit: string;
  firstYear: number;
  historyTo: number;
  lastYear: number;
  status: "active" | "superseded";
  createdAt: string;
  checksum: string;
}

export interface SeriesPoint {
  year: number;
  value: number;
  basis: Basis;
}

export interface Series {
  key: string;
  label: string;
  points: SeriesPoint[];
}
