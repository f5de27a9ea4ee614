/** The preview of an import: what the file changes in the data set it builds on. */
import {
  BREAKDOWNS,
  cellKey,
  type Change,
  type DatasetTables,
  type Preview,
  type Table,
  type ValidatedImport,
} from "./types";

/** Values closer than this (relative) count as unchanged: a re-imported export is "no changes". */
export const SAME = 1e-9;

export function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= SAME * Math.max(1, Math.abs(a), Math.abs(b));
}

export function previewImport(
  v: ValidatedImport,
  base: DatasetTables,
  info: { newDataset: boolean; datasetKey: string; baseId: string | null; publisher: string; title: string },
): Preview {
  const names = new Map<string, string>([["total|total", "Total market"]]);
  for (const dim of BREAKDOWNS) for (const m of base.members[dim]) names.set(`${dim}|${m.slug}`, m.name);
  for (const m of v.newMembers) names.set(`${m.table}|${m.slug}`, m.name);
  const changes: Change[] = [];
  let unchanged = 0;
  for (const g of v.given) {
    const before = info.newDataset ? undefined : base.values.get(cellKey(g.table, g.slug, g.year));
    if (before && same(before.value, g.value) && before.basis === g.basis) {
      unchanged++;
      continue;
    }
    changes.push({
      table: g.table,
      member: g.slug,
      label: names.get(`${g.table}|${g.slug}`) ?? g.slug,
      year: g.year,
      from: before?.value ?? null,
      to: g.value,
      basis: g.basis,
    });
  }
  const order = (t: Table) => ["total", ...BREAKDOWNS].indexOf(t);
  changes.sort((a, b) => order(a.table) - order(b.table) || a.year - b.year || a.label.localeCompare(b.label));
  return {
    changes,
    newMembers: v.newMembers,
    summary: {
      rows: v.rows,
      given: v.given.length,
      changed: changes.length,
      unchanged,
      tables: [...new Set(v.given.map((g) => g.table))].sort((a, b) => order(a) - order(b)),
      years: [...new Set(v.given.map((g) => g.year))].sort((a, b) => a - b),
      publisher: info.publisher,
      title: info.title,
      newDataset: info.newDataset,
      datasetKey: info.datasetKey,
      baseId: info.baseId,
    },
  };
}

/** Every figure that differs between two versions (`from` → `to`), for the versions screen. */
export function diffTables(a: DatasetTables, b: DatasetTables): Change[] {
  const names = new Map<string, string>([["total|total", "Total market"]]);
  for (const t of [a, b])
    for (const dim of BREAKDOWNS) for (const m of t.members[dim]) names.set(`${dim}|${m.slug}`, m.name);
  const keys = new Set([...a.values.keys(), ...b.values.keys()]);
  const changes: Change[] = [];
  for (const key of keys) {
    const x = a.values.get(key);
    const y = b.values.get(key);
    if (x && y && same(x.value, y.value) && x.basis === y.basis) continue;
    const [table, member, year] = key.split("|");
    if (!y) continue;
    changes.push({
      table: table as Table,
      member,
      label: names.get(`${table}|${member}`) ?? member,
      year: Number(year),
      from: x?.value ?? null,
      to: y.value,
      basis: y.basis,
    });
  }
  const order = (t: Table) => ["total", ...BREAKDOWNS].indexOf(t);
  return changes.sort((p, q) => order(p.table) - order(q.table) || p.year - q.year || p.label.localeCompare(q.label));
}
