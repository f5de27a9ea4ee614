/**
 * The import format: the tables a market report has. Pure types, no framework.
 * CSV (long): `table,member,year,value,basis`, plus optional `meta` rows (`meta,<field>,,<text>,`).
 * XLSX: one sheet per table (members as rows, years as columns) and a `meta` sheet (field, value).
 */
import type { StoryChange } from "@/lib/market/story/diff";
import type { Dimension } from "@/lib/market/types";

/** What a figure in a file is: given by the publisher, or modelled (the format's two words). */
export type Basis = "published" | "modelled";

export const TABLES = ["total", "type", "sector", "vendor", "region"] as const;
export type Table = (typeof TABLES)[number];
export const BREAKDOWNS: readonly Dimension[] = ["type", "sector", "vendor", "region"];

export const META_FIELDS = ["title", "publisher", "edition", "unit", "currency", "history_to", "source_url"] as const;
export type MetaField = (typeof META_FIELDS)[number];
export type ImportMeta = Partial<Record<MetaField, string>>;

/** Where a cell sits in the file: CSV row (1 = header) and column name; XLSX also the sheet. */
export interface Position {
  row: number;
  column: string;
  sheet?: string;
}

/** One problem with the file, at a position. */
export interface ImportError extends Position {
  message: string;
}

/** One figure read from the file, before members are matched. `value` null is a blank cell. */
export interface RawCell {
  table: string;
  member: string;
  year: number;
  value: number | null;
  basis: Basis;
  at: Position;
  /** Its year or value was already reported as bad: check only the table and member. */
  broken?: boolean;
}

export interface ParsedFile {
  format: "csv" | "xlsx";
  cells: RawCell[];
  meta: ImportMeta;
  errors: ImportError[];
  /** The file passes a size limit (rows, cells): refused as a whole (413), nothing else checked. */
  tooLarge?: boolean;
  /** How the text was decoded (CSV). */
  encoding?: "utf-8" | "utf-8-bom" | "latin-1";
}

/** A data set's figures as tables: what is exported, and what an import is compared with. */
export interface DatasetTables {
  meta: Required<Pick<ImportMeta, "title" | "publisher" | "edition" | "unit" | "currency">> & ImportMeta;
  firstYear: number;
  lastYear: number;
  historyTo: number;
  members: Record<Dimension, { slug: string; name: string }[]>;
  /** `${table}|${slug}|${year}` → value and basis; the total's slug is "total". */
  values: Map<string, { value: number; basis: Basis }>;
}

export const cellKey = (table: Table, slug: string, year: number) => `${table}|${slug}|${year}`;

export interface Change {
  table: Table;
  member: string;
  /** The member's display name. */
  label: string;
  year: number;
  from: number | null;
  to: number;
  basis: Basis;
}

export interface NewMember {
  table: Dimension;
  slug: string;
  name: string;
}

export interface Preview {
  changes: Change[];
  newMembers: NewMember[];
  /** What the story file beside the figures changes (absent when none was sent). */
  story?: StoryChange[];
  summary: {
    rows: number;
    given: number;
    changed: number;
    unchanged: number;
    tables: Table[];
    years: number[];
    publisher: string;
    title: string;
    /** True when the file starts a data set of its own (another publisher). */
    newDataset: boolean;
    datasetKey: string;
    baseId: string | null;
  };
}

/** The figures of a file after validation: matched to members, ready to diff and to fit. */
export interface GivenFigure {
  table: Table;
  slug: string;
  year: number;
  value: number;
  basis: Basis;
}

export interface ValidatedImport {
  meta: ImportMeta;
  given: GivenFigure[];
  newMembers: NewMember[];
  rows: number;
}

/** One version in the list of data sets (GET /api/v1/datasets). */
export interface VersionListing {
  id: string;
  key: string;
  version: number;
  title: string;
  publisher: string;
  edition: string;
  active: boolean;
  createdAt: string;
  importedBy: string | null;
  activatedBy: string | null;
  activatedAt: string | null;
}
