/**
 * What an import would lose or mistake, found before anything is written. Pure: removals (a figure
 * of the version built on that the file leaves out or sets to 0), shrinks (a whole table, year,
 * breakdown or member left out), "did you mean" for new members, and the modelled cells a refit
 * moves, kept apart from the figures the analyst changed.
 */
import type { DatasetDefinition } from "@/lib/market/cube/definition";
import { interpolateShares } from "@/lib/market/cube/shares";
import type { Dimension } from "@/lib/market/types";
import { closestMember } from "./names";
import {
  BREAKDOWNS,
  TABLES,
  cellKey,
  type Change,
  type DatasetTables,
  type ModelledMoves,
  type NewMember,
  type Removal,
  type Shrink,
  type Suggestion,
  type Table,
  type ValidatedImport,
} from "./types";

/** Figures are shown to one decimal (US$ M): a move smaller than half of that is display rounding. */
export const DISPLAY_STEP = 0.05;

/** More removals than this are counted, not listed. */
export const MAX_REMOVALS_LISTED = 1_000;

/** More removal warnings than this are summed up in one line. */
export const MAX_REMOVAL_WARNINGS = 50;

/** True when `a` → `b` is a change a reader can see at the figures' display precision. */
export function visibleChange(a: number, b: number): boolean {
  return Math.abs(a - b) >= DISPLAY_STEP - 1e-9;
}

export const TABLE_ORDER = (t: Table) => (TABLES as readonly string[]).indexOf(t);

export const fmtValue = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: 1 });

/** The cells of a definition as the fit will aim at them: totals, and each breakdown's share × total. */
export type Projection = (table: Table, slug: string, year: number) => number | null;

export function projectDefinition(def: Pick<DatasetDefinition, "totals" | "marginals">): Projection {
  const totals = new Map(def.totals.map((t) => [t.year, t.value]));
  const shares = new Map<string, Record<string, number> | null>();
  return (table, slug, year) => {
    const total = totals.get(year);
    if (total === undefined) return null;
    if (table === "total") return total;
    const key = `${table}|${year}`;
    if (!shares.has(key)) {
      const marginal = def.marginals.find((m) => m.dimension === table);
      let s: Record<string, number> | null = null;
      try {
        s = marginal ? interpolateShares(marginal, year) : null;
      } catch {
        s = null; // no positive share that year: nothing is left for the members
      }
      shares.set(key, s);
    }
    const s = shares.get(key);
    return s ? (s[slug] ?? 0) * total : 0;
  };
}

function namesOf(base: DatasetTables, extra: readonly NewMember[] = []): Map<string, string> {
  const names = new Map<string, string>([["total|total", "Total market"]]);
  for (const dim of BREAKDOWNS) for (const m of base.members[dim]) names.set(`${dim}|${m.slug}`, m.name);
  for (const m of extra) names.set(`${m.table}|${m.slug}`, m.name);
  return names;
}

function parseKey(key: string): { table: Table; slug: string; year: number } {
  const [table, slug, year] = key.split("|");
  return { table: table as Table, slug, year: Number(year) };
}

export interface Losses {
  removals: Removal[];
  /** Every removal, listed or not. */
  removalCount: number;
  shrinks: Shrink[];
  warnings: string[];
}

/**
 * Every figure of `base` (above display rounding) that the file leaves out or sets to 0, and the
 * tables, years, breakdowns and members it leaves out whole. `project` gives the value a left-out
 * figure would get (modelled from what remains); without it that value is unknown (null).
 */
export function findLosses(v: ValidatedImport, base: DatasetTables, project?: Projection): Losses {
  const names = namesOf(base, v.newMembers);
  const label = (table: Table, slug: string) => names.get(`${table}|${slug}`) ?? slug;
  const given = new Map(v.given.map((g) => [cellKey(g.table, g.slug, g.year), g]));
  const tablesInFile = new Set(v.given.map((g) => g.table));
  const yearsInFile = new Set(v.given.map((g) => g.year));
  const tableYears = new Set(v.given.map((g) => `${g.table}|${g.year}`));
  const membersInFile = new Set(v.given.map((g) => `${g.table}|${g.slug}`));

  const all: Removal[] = [];
  const counts = new Map<string, number>();
  const bump = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
  for (const [key, cell] of base.values) {
    if (cell.value < DISPLAY_STEP) continue;
    const { table, slug, year } = parseKey(key);
    const g = given.get(key);
    if (g && g.value >= DISPLAY_STEP) continue;
    const to = g ? g.value : (project?.(table, slug, year) ?? null);
    all.push({ table, member: slug, label: label(table, slug), year, from: cell.value, to, given: !!g });
    if (g) continue;
    // What the left-out figure belongs to, widest first: it is reported once, at that level.
    if (!tablesInFile.has(table)) bump(`table|${table}`);
    else if (!yearsInFile.has(year)) bump(`year|${year}`);
    else if (table !== "total" && !tableYears.has(`${table}|${year}`)) bump(`breakdown|${table}|${year}`);
    else if (table !== "total" && !membersInFile.has(`${table}|${slug}`)) bump(`member|${table}|${slug}`);
  }
  all.sort((a, b) => TABLE_ORDER(a.table) - TABLE_ORDER(b.table) || a.label.localeCompare(b.label) || a.year - b.year);

  const shrinks: Shrink[] = [];
  const years = [...counts.keys()].filter((k) => k.startsWith("year|")).map((k) => Number(k.slice(5)));
  const yearCount = (y: number) => counts.get(`year|${y}`) ?? 0;
  for (const [k, figures] of counts) {
    const [kind, a, b] = k.split("|");
    const n = `${figures.toLocaleString("en-US")} figure${figures === 1 ? "" : "s"}`;
    if (kind === "table")
      shrinks.push({
        kind: "table",
        table: a as Table,
        member: null,
        year: null,
        figures,
        message: `the file leaves out the whole ${a} table (${n}): they would be modelled, not kept`,
      });
    else if (kind === "breakdown")
      shrinks.push({
        kind: "breakdown",
        table: a as Table,
        member: null,
        year: Number(b),
        figures,
        message: `the file leaves out the ${a} breakdown for ${b} (${n}): it would be modelled, not kept`,
      });
    else if (kind === "member")
      shrinks.push({
        kind: "member",
        table: a as Table,
        member: b,
        year: null,
        figures,
        message: `the file leaves out ${label(a as Table, b)} (${a}) entirely (${n})`,
      });
  }
  for (const y of years.sort((p, q) => p - q))
    shrinks.push({
      kind: "year",
      table: null,
      member: null,
      year: y,
      figures: yearCount(y),
      message: `the file leaves out ${y} entirely (${yearCount(y).toLocaleString("en-US")} figures): they would be modelled, not kept`,
    });
  const kindOrder = ["table", "year", "breakdown", "member"];
  shrinks.sort(
    (p, q) =>
      kindOrder.indexOf(p.kind) - kindOrder.indexOf(q.kind) ||
      (p.table ? TABLE_ORDER(p.table) : 0) - (q.table ? TABLE_ORDER(q.table) : 0) ||
      (p.year ?? 0) - (q.year ?? 0) ||
      (p.member ?? "").localeCompare(q.member ?? ""),
  );

  // One warning per shrink, then one per figure not covered by a shrink (the quiet ones).
  const covered = (r: Removal) =>
    !r.given &&
    (!tablesInFile.has(r.table) ||
      !yearsInFile.has(r.year) ||
      (r.table !== "total" && !tableYears.has(`${r.table}|${r.year}`)) ||
      (r.table !== "total" && !membersInFile.has(`${r.table}|${r.member}`)));
  const single = all.filter((r) => !covered(r));
  const warnings = [...shrinks.map((s) => s.message), ...single.slice(0, MAX_REMOVAL_WARNINGS).map(removalMessage)];
  if (single.length > MAX_REMOVAL_WARNINGS)
    warnings.push(`and ${(single.length - MAX_REMOVAL_WARNINGS).toLocaleString("en-US")} more figures removed`);
  // The single figures first: they are the ones a typo or a slip removes.
  const listed = [...single, ...all.filter(covered)].slice(0, MAX_REMOVALS_LISTED);
  return { removals: listed, removalCount: all.length, shrinks, warnings };
}

export function removalMessage(r: Removal): string {
  const where = r.table === "total" ? `the total ${r.year}` : `${r.label} (${r.table}) ${r.year}`;
  const to = r.to === null ? "modelled" : fmtValue(r.to);
  return r.given
    ? `${where}: ${fmtValue(r.from)} → 0, set to 0 in the file`
    : `${where}: ${fmtValue(r.from)} → ${to}, left out of the file`;
}

/**
 * "Did you mean": a new member whose name is an existing member's once normalised (or a small edit
 * away), or that fills a year an existing member of its table is left without.
 */
export function suggestMembers(v: ValidatedImport, base: DatasetTables, removals: readonly Removal[]): Suggestion[] {
  const out: Suggestion[] = [];
  const givenOf = new Map<string, { year: number; value: number }[]>();
  for (const g of v.given) {
    const k = `${g.table}|${g.slug}`;
    if (!givenOf.has(k)) givenOf.set(k, []);
    givenOf.get(k)!.push(g);
  }
  const removedIn = new Map<string, Removal[]>();
  for (const r of removals) {
    const k = `${r.table}|${r.year}`;
    if (!removedIn.has(k)) removedIn.set(k, []);
    removedIn.get(k)!.push(r);
  }
  for (const m of v.newMembers) {
    const dim = m.table as Dimension;
    let existing = closestMember(m.name, base.members[dim]);
    let reason: Suggestion["reason"] = "name";
    if (!existing) {
      // The years this member fills that an existing member lost: the nearest value decides.
      let best: { slug: string; gap: number } | null = null;
      for (const g of givenOf.get(`${dim}|${m.slug}`) ?? []) {
        for (const r of removedIn.get(`${dim}|${g.year}`) ?? []) {
          const gap = Math.abs(r.from - g.value);
          if (!best || gap < best.gap) best = { slug: r.member, gap };
        }
      }
      existing = best ? (base.members[dim].find((x) => x.slug === best.slug) ?? null) : null;
      reason = "year";
    }
    if (!existing) continue;
    const years = removals.filter((r) => r.table === dim && r.member === existing.slug).map((r) => r.year);
    out.push({
      table: dim,
      slug: m.slug,
      name: m.name,
      existing: { slug: existing.slug, name: existing.name },
      reason,
      message:
        `new member '${m.name}': did you mean '${existing.name}'?` +
        (years.length ? ` ${existing.name} would lose ${years.join(", ")}.` : ""),
    });
  }
  return out;
}

/** Groups modelled moves per table, largest move first within each. */
export function groupMoves(moves: Change[]): ModelledMoves[] {
  const by = new Map<Table, Change[]>();
  for (const c of moves) by.set(c.table, [...(by.get(c.table) ?? []), c]);
  const rel = (c: Change) => (c.from ? Math.abs(c.to - c.from) / Math.abs(c.from) : 0);
  return [...by.entries()]
    .sort(([a], [b]) => TABLE_ORDER(a) - TABLE_ORDER(b))
    .map(([table, changes]) => {
      const sorted = [...changes].sort((a, b) => rel(b) - rel(a));
      return { table, cells: changes.length, largest: sorted.length ? rel(sorted[0]) : 0, changes: sorted };
    });
}

/** "2,160 modelled cells refitted; largest move 0.3%" */
export function movesLine(m: ModelledMoves): string {
  const pct = m.largest * 100;
  const largest = pct === 0 ? "0%" : pct < 0.01 ? "under 0.01%" : `${pct < 1 ? pct.toFixed(2) : pct.toFixed(1)}%`;
  return `${m.table}: ${m.cells.toLocaleString("en-US")} modelled cell${m.cells === 1 ? "" : "s"} refitted; largest move ${largest}`;
}

/** Relative moves of a projection smaller than this are the fit's own rounding, not a move. */
const PROJECTION_NOISE = 1e-6;

/**
 * The modelled cells of `base` the new fit would move: figures the file gives as modelled (or the
 * analyst did not change) whose fitted value differs from the version built on. Cells in `skip`
 * (the analyst's changes and the removals) are reported elsewhere.
 */
export function projectedMoves(
  v: ValidatedImport,
  base: DatasetTables,
  project: Projection,
  skip: ReadonlySet<string>,
): ModelledMoves[] {
  const names = namesOf(base, v.newMembers);
  const givenPublished = new Set(
    v.given.filter((g) => g.basis === "published").map((g) => cellKey(g.table, g.slug, g.year)),
  );
  const moves: Change[] = [];
  for (const [key, cell] of base.values) {
    if (skip.has(key) || givenPublished.has(key)) continue;
    const { table, slug, year } = parseKey(key);
    if (table === "total") continue;
    const to = project(table, slug, year);
    if (to === null) continue;
    if (Math.abs(to - cell.value) <= PROJECTION_NOISE * Math.max(1, Math.abs(cell.value))) continue;
    moves.push({
      table,
      member: slug,
      label: names.get(`${table}|${slug}`) ?? slug,
      year,
      from: cell.value,
      to,
      basis: "modelled",
    });
  }
  return groupMoves(moves);
}

export interface MemberMapping {
  table: Dimension;
  /** The name in the file. */
  from: string;
  /** The existing member's slug it means. */
  to: string;
}

/** The file's member names with the analyst's mapping applied ("Open-AI Inc" → openai). */
export function mapMemberName(table: string, member: string, mapping: readonly MemberMapping[]): string {
  const t = table.trim().toLowerCase();
  const m = member.trim().toLowerCase();
  const hit = mapping.find((x) => x.table === t && x.from.trim().toLowerCase() === m);
  return hit ? hit.to : member;
}
