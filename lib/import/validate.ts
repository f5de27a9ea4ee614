/**
 * Checks every figure of a parsed file against the data set it builds on, and reports every
 * problem with its position: unknown tables, empty members, years outside the data set,
 * duplicates, and breakdowns that do not add up to the year's total (within 0.1%).
 */
import type { Dimension } from "@/lib/market/types";
import { slugify } from "./slug";
import {
  BREAKDOWNS,
  TABLES,
  cellKey,
  type DatasetTables,
  type GivenFigure,
  type ImportError,
  type NewMember,
  type ParsedFile,
  type Position,
  type Table,
  type ValidatedImport,
} from "./types";

/** Breakdowns may differ from their total by this fraction before the file is refused. */
export const SUM_TOLERANCE = 0.001;

const TOTAL_NAMES = new Set(["", "total", "market", "all", "global"]);

export interface ValidateOptions {
  /** A new data set (another publisher): any years, but a total for every year of its range. */
  newDataset: boolean;
  /** Members a file may add; past it the check stops at once with that one error. */
  maxNewMembers?: number;
}

export type Validation =
  { ok: true; value: ValidatedImport } | { ok: false; errors: ImportError[]; overLimit?: boolean };

function fmt(n: number): string {
  return Number(n.toFixed(3)).toString();
}

export function validateImport(file: ParsedFile, base: DatasetTables, options: ValidateOptions): Validation {
  const errors: ImportError[] = [...file.errors];
  const given = new Map<string, GivenFigure & { at: Position }>();
  const newMembers = new Map<string, NewMember>();
  const lookup = {} as Record<Dimension, Map<string, string>>;
  for (const dim of BREAKDOWNS) {
    lookup[dim] = new Map();
    for (const m of base.members[dim]) {
      lookup[dim].set(m.slug.toLowerCase(), m.slug);
      lookup[dim].set(m.name.trim().toLowerCase(), m.slug);
    }
  }
  const col = (at: Position, column: string): Position => (file.format === "csv" ? { ...at, column } : at);

  for (const cell of file.cells) {
    const table = cell.table.trim().toLowerCase();
    if (!(TABLES as readonly string[]).includes(table)) {
      errors.push({ ...col(cell.at, "table"), message: `unknown table "${cell.table}" (one of ${TABLES.join(", ")})` });
      continue;
    }
    let slug = "total";
    if (table === "total") {
      if (!TOTAL_NAMES.has(cell.member.trim().toLowerCase())) {
        errors.push({
          ...col(cell.at, "member"),
          message: `the total table has one row: member must be empty or "total" (got "${cell.member}")`,
        });
        continue;
      }
    } else {
      const dim = table as Dimension;
      const text = cell.member.trim();
      if (!text) {
        errors.push({ ...col(cell.at, "member"), message: `member is empty: give the ${dim}'s name or slug` });
        continue;
      }
      const found = lookup[dim].get(text.toLowerCase()) ?? lookup[dim].get(slugify(text));
      if (found) slug = found;
      else {
        slug = slugify(text);
        if (!slug) {
          errors.push({ ...col(cell.at, "member"), message: `member "${text}" has no letters or digits` });
          continue;
        }
        lookup[dim].set(text.toLowerCase(), slug);
        lookup[dim].set(slug, slug);
        newMembers.set(`${dim}|${slug}`, { table: dim, slug, name: text });
        if (options.maxNewMembers !== undefined && newMembers.size > options.maxNewMembers) {
          const max = options.maxNewMembers.toLocaleString("en-US");
          const message = `the file adds more than ${max} members (the first over the limit: ${dim} "${text}" at row ${cell.at.row}); at most ${max} new members per import`;
          return { ok: false, overLimit: true, errors: [{ ...col(cell.at, "member"), message }] };
        }
      }
    }
    if (cell.broken || cell.value === null) continue;
    if (!options.newDataset && (cell.year < base.firstYear || cell.year > base.lastYear)) {
      errors.push({
        ...col(cell.at, "year"),
        message: `year ${cell.year} is outside the data set's years ${base.firstYear}-${base.lastYear}`,
      });
      continue;
    }
    const key = cellKey(table as Table, slug, cell.year);
    const before = given.get(key);
    if (before) {
      const where = before.at.sheet ? `${before.at.sheet}!${before.at.column}${before.at.row}` : `row ${before.at.row}`;
      errors.push({
        ...col(cell.at, "value"),
        message: `${table} ${slug} ${cell.year} is given twice (also ${where})`,
      });
      continue;
    }
    if (table === "total" && cell.value <= 0) {
      errors.push({ ...col(cell.at, "value"), message: `the total for ${cell.year} must be above 0` });
      continue;
    }
    given.set(key, { table: table as Table, slug, year: cell.year, value: cell.value, basis: cell.basis, at: cell.at });
  }

  const figures = [...given.values()];
  const totals = new Map(figures.filter((g) => g.table === "total").map((g) => [g.year, g]));
  const years = [...new Set(figures.map((g) => g.year))].sort((a, b) => a - b);

  if (options.newDataset && errors.length === 0) {
    if (totals.size === 0) errors.push({ row: 0, column: "table", message: "a new data set needs the total table" });
    else {
      const ys = [...totals.keys()];
      for (let y = Math.min(...ys); y <= Math.max(...ys); y++) {
        if (!totals.has(y))
          errors.push({
            row: 0,
            column: "year",
            message: `a new data set needs a total for every year: ${y} is missing`,
          });
      }
    }
  }

  // Consistency: breakdowns against the year's total (given in the file, else the data set's).
  for (const dim of BREAKDOWNS) {
    const members = [
      ...base.members[dim].map((m) => m.slug),
      ...[...newMembers.values()].filter((m) => m.table === dim).map((m) => m.slug),
    ];
    for (const year of years) {
      const cells = members.map((slug) => given.get(cellKey(dim, slug, year))).filter((g) => g !== undefined);
      if (cells.length === 0) continue;
      const total = totals.get(year)?.value ?? base.values.get(cellKey("total", "total", year))?.value;
      if (total === undefined) {
        errors.push({ ...cells[0].at, message: `${dim} ${year}: no total for ${year} to check the breakdown against` });
        continue;
      }
      const sum = cells.reduce((a, g) => a + g.value, 0);
      const first = cells.reduce((a, g) => (g.at.row < a.at.row ? g : a));
      const gap = sum - total;
      if (cells.length === members.length && Math.abs(gap) > SUM_TOLERANCE * total) {
        errors.push({
          ...first.at,
          message: `${dim} ${year}: the members sum to ${fmt(sum)} but the total is ${fmt(total)} (gap ${gap > 0 ? "+" : ""}${fmt(gap)}, ${((gap / total) * 100).toFixed(2)}%)`,
        });
      } else if (cells.length < members.length && gap > SUM_TOLERANCE * total) {
        errors.push({
          ...first.at,
          message: `${dim} ${year}: the members given sum to ${fmt(sum)}, more than the total ${fmt(total)} (gap +${fmt(gap)})`,
        });
      }
    }
  }

  const meta = { ...file.meta };
  if (meta.history_to !== undefined && meta.history_to !== "" && !/^\d{4}$/.test(meta.history_to)) {
    errors.push({ row: 0, column: "history_to", message: `meta history_to "${meta.history_to}" must be a year` });
  }
  if (meta.unit && meta.unit !== base.meta.unit) {
    errors.push({ row: 0, column: "unit", message: `meta unit "${meta.unit}": values must be in ${base.meta.unit}` });
  }
  if (meta.currency && meta.currency !== base.meta.currency) {
    errors.push({
      row: 0,
      column: "currency",
      message: `meta currency "${meta.currency}": values must be in ${base.meta.currency}`,
    });
  }
  if (errors.length) return { ok: false, errors: sortErrors(errors) };
  return {
    ok: true,
    value: {
      meta,
      given: figures.map(({ at: _at, ...g }) => g),
      newMembers: [...newMembers.values()],
      rows: file.cells.length,
    },
  };
}

export function sortErrors(errors: ImportError[]): ImportError[] {
  return [...errors].sort(
    (a, b) => (a.sheet ?? "").localeCompare(b.sheet ?? "") || a.row - b.row || a.column.localeCompare(b.column),
  );
}
