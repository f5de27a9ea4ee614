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

/** A figure of the version built on that the file leaves out or sets to 0. */
export interface Removal {
  table: Table;
  member: string;
  label: string;
  year: number;
  from: number;
  /** What it would become: 0 as given, or modelled from what remains (null when unknown). */
  to: number | null;
  /** True when the file gives it (as 0); false when the file leaves it out. */
  given: boolean;
}

/** A whole table, year, breakdown (one table in one year) or member the file leaves out. */
export interface Shrink {
  kind: "table" | "year" | "breakdown" | "member";
  table: Table | null;
  member: string | null;
  year: number | null;
  figures: number;
  message: string;
}

/** A new member that is probably an existing one: by its name, or by the year it fills. */
export interface Suggestion {
  table: Dimension;
  slug: string;
  name: string;
  existing: { slug: string; name: string };
  reason: "name" | "year";
  message: string;
}

/** The modelled cells of one table a refit moves: one line, the cells behind it. */
export interface ModelledMoves {
  table: Table;
  cells: number;
  /** The largest relative move (0.003 is 0.3%). */
  largest: number;
  changes: Change[];
}

export interface Preview {
  /** Given figures (in the file) that change by more than display rounding: what the analyst changed. */
  changes: Change[];
  /** Given figures that change by less than display rounding (not listed by default). */
  minor: Change[];
  /** Modelled cells the fit would move, per table. */
  modelled: ModelledMoves[];
  /** Figures that go away or drop to 0 (the first MAX_REMOVALS_LISTED); their count is removalCount. */
  removals: Removal[];
  removalCount: number;
  shrinks: Shrink[];
  suggestions: Suggestion[];
  /** One line per thing the commit must confirm, naming it. */
  warnings: string[];
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

/** What changed from one version to another (GET /api/v1/datasets/{id}/diff). */
export interface VersionDiff {
  from: string;
  to: string;
  /**
   * "import": `to` was imported on `from` (or on versions imported on it), so the figures the
   * analyst changed are known; "versions": two versions not built one on the other.
   */
  relation: "import" | "versions";
  /** Figures changed by more than display rounding: given in the imports between the two (or, for unrelated versions, every such figure). */
  changes: Change[];
  /** Given figures changed by less than display rounding. */
  minor: number;
  /** Modelled cells the fit moved, one line per table. */
  modelled: ModelledMoves[];
  /** Figures `from` has and `to` does not (or has at 0). */
  removed: Removal[];
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
  /** The version its import was built on (the file was checked against it); null for a load by setup. */
  builtOn: string | null;
  activatedBy: string | null;
  activatedAt: string | null;
}

/** A commit the import page shows when it opens (it polls one that runs). */
export interface CommitToShow {
  id: string;
  name: string;
  status: "running" | "committed" | "failed";
  elapsedMs: number;
  dataset: { id: string; version: number } | null;
  message: string | null;
}
