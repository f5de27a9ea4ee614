/** The preview of an import: what the file changes in the data set it builds on. */
import {
  DISPLAY_STEP,
  TABLE_ORDER,
  findLosses,
  groupMoves,
  projectedMoves,
  suggestMembers,
  visibleChange,
  type Projection,
} from "./safeguards";
import {
  BREAKDOWNS,
  cellKey,
  type Change,
  type DatasetTables,
  type Preview,
  type Removal,
  type Table,
  type ValidatedImport,
  type VersionDiff,
} from "./types";

/** Values closer than this (relative) count as unchanged: a re-imported export is "no changes". */
export const SAME = 1e-9;

export function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= SAME * Math.max(1, Math.abs(a), Math.abs(b));
}

/** True when a preview changes the figures at all (a change, however small, a new member or a removal). */
export function changesFigures(p: Preview): boolean {
  return p.changes.length + (p.minor?.length ?? 0) + p.newMembers.length + (p.removalCount ?? 0) > 0;
}

/**
 * What a file changes in the version it builds on. `project` (the fit's targets for the definition
 * the file makes) values what left-out figures would become and which modelled cells would move.
 */
export function previewImport(
  v: ValidatedImport,
  base: DatasetTables,
  info: { newDataset: boolean; datasetKey: string; baseId: string | null; publisher: string; title: string },
  project?: Projection,
): Preview {
  const names = new Map<string, string>([["total|total", "Total market"]]);
  for (const dim of BREAKDOWNS) for (const m of base.members[dim]) names.set(`${dim}|${m.slug}`, m.name);
  for (const m of v.newMembers) names.set(`${m.table}|${m.slug}`, m.name);
  const changes: Change[] = [];
  const minor: Change[] = [];
  let unchanged = 0;
  for (const g of v.given) {
    const before = info.newDataset ? undefined : base.values.get(cellKey(g.table, g.slug, g.year));
    if (before && same(before.value, g.value) && before.basis === g.basis) {
      unchanged++;
      continue;
    }
    const change: Change = {
      table: g.table,
      member: g.slug,
      label: names.get(`${g.table}|${g.slug}`) ?? g.slug,
      year: g.year,
      from: before?.value ?? null,
      to: g.value,
      basis: g.basis,
    };
    if (before && before.basis === g.basis && !visibleChange(before.value, g.value)) minor.push(change);
    else changes.push(change);
  }
  const order = (c: Change, d: Change) =>
    TABLE_ORDER(c.table) - TABLE_ORDER(d.table) || c.year - d.year || c.label.localeCompare(d.label);
  changes.sort(order);
  minor.sort(order);
  const losses = info.newDataset
    ? { removals: [], removalCount: 0, shrinks: [], warnings: [] }
    : findLosses(v, base, project);
  const suggestions = suggestMembers(v, base, losses.removals);
  const skip = new Set([
    ...[...changes, ...minor].map((c) => cellKey(c.table, c.member, c.year)),
    ...losses.removals.map((r) => cellKey(r.table, r.member, r.year)),
  ]);
  const modelled = info.newDataset || !project ? [] : projectedMoves(v, base, project, skip);
  return {
    changes,
    minor,
    modelled,
    removals: losses.removals,
    removalCount: losses.removalCount,
    shrinks: losses.shrinks,
    suggestions,
    warnings: [...losses.warnings, ...suggestions.map((s) => s.message)],
    newMembers: v.newMembers,
    summary: {
      rows: v.rows,
      given: v.given.length,
      changed: changes.length,
      unchanged,
      tables: [...new Set(v.given.map((g) => g.table))].sort((a, b) => TABLE_ORDER(a) - TABLE_ORDER(b)),
      years: [...new Set(v.given.map((g) => g.year))].sort((a, b) => a - b),
      publisher: info.publisher,
      title: info.title,
      newDataset: info.newDataset,
      datasetKey: info.datasetKey,
      baseId: info.baseId,
    },
  };
}

/**
 * What changes from version `a` to version `b`. `given` holds the cells the analyst changed in the
 * imports that lead from `a` to `b` (`table|member|year`): those are listed (when they moved by
 * more than display rounding), every other move is the fit's and is summed up per table. Without
 * it (versions not built one on the other) every figure that moved by more than display rounding is
 * listed and the rest summed up.
 */
export function compareVersions(
  a: DatasetTables,
  b: DatasetTables,
  ids: { from: string; to: string },
  given: ReadonlySet<string> | null,
): VersionDiff {
  const names = new Map<string, string>([["total|total", "Total market"]]);
  for (const t of [a, b])
    for (const dim of BREAKDOWNS) for (const m of t.members[dim]) names.set(`${dim}|${m.slug}`, m.name);
  const keys = new Set([...a.values.keys(), ...b.values.keys()]);
  const changes: Change[] = [];
  const moves: Change[] = [];
  const removed: Removal[] = [];
  let minor = 0;
  for (const key of keys) {
    const x = a.values.get(key);
    const y = b.values.get(key);
    if (x && y && same(x.value, y.value) && x.basis === y.basis) continue;
    const [table, member, year] = key.split("|");
    const label = names.get(`${table}|${member}`) ?? member;
    if (x && x.value >= DISPLAY_STEP && (!y || y.value < DISPLAY_STEP)) {
      removed.push({
        table: table as Table,
        member,
        label,
        year: Number(year),
        from: x.value,
        to: y?.value ?? null,
        given: !!y,
      });
      continue;
    }
    if (!y) continue;
    const change: Change = {
      table: table as Table,
      member,
      label,
      year: Number(year),
      from: x?.value ?? null,
      to: y.value,
      basis: y.basis,
    };
    const shows = !x || x.basis !== y.basis || visibleChange(x.value, y.value);
    if (given ? given.has(key) : shows) {
      if (shows) changes.push(change);
      else minor++;
    } else moves.push(change);
  }
  const order = (c: { table: Table; year: number; label: string }, d: { table: Table; year: number; label: string }) =>
    TABLE_ORDER(c.table) - TABLE_ORDER(d.table) || c.year - d.year || c.label.localeCompare(d.label);
  return {
    from: ids.from,
    to: ids.to,
    relation: given ? "import" : "versions",
    changes: changes.sort(order),
    minor,
    modelled: groupMoves(moves),
    removed: removed.sort(order),
  };
}
