/**
 * Player groups as a dimension: a roll-up of vendors. A `group` filter narrows the vendors to its
 * members; a `by=group` breakdown sums the vendor breakdown into one row per group, plus the row of
 * vendors in no group ("Others"), so the rows add up exactly to the total like every breakdown.
 */
import { scaleMarket, type SeriesForecastInfo } from "../cube/forecast-cube";
import { fromMicro, pinToTotal, roundMicro, toMicro } from "../cube/micro";
import type { AggregateRow } from "../series/series";
import { DIMENSIONS, type MemberInfo } from "../types";
import { UNGROUPED_KEY, UNGROUPED_LABEL, type PlayerGroup } from "./types";

/** Matches no vendor: a group filter that leaves no vendor must give an empty slice, not the whole market. */
export const NO_VENDOR = "-none-";

/** The group key of each vendor; vendors in no group map to the "Others" row. */
export function groupOfVendor(groups: PlayerGroup[], vendors: string[]): Map<string, string> {
  const owner = new Map<string, string>();
  for (const g of groups) for (const v of g.members) owner.set(v, g.key);
  return new Map(vendors.map((v) => [v, owner.get(v) ?? UNGROUPED_KEY]));
}

/** The group keys a filter may name: every group, and "others" when some vendor is in none. */
export function groupKeys(groups: PlayerGroup[], vendors: string[]): string[] {
  const owner = groupOfVendor(groups, vendors);
  const keys = groups.map((g) => g.key);
  return [...owner.values()].includes(UNGROUPED_KEY) ? [...keys, UNGROUPED_KEY] : keys;
}

/**
 * The vendor filter a group filter amounts to: the groups' vendors, within the vendor filter when
 * both are given. Unchanged when no group is named.
 */
export function vendorsOfGroups(selected: string[], vendorFilter: string[], groups: PlayerGroup[], vendors: string[]) {
  if (!selected.length) return vendorFilter;
  const owner = groupOfVendor(groups, vendors);
  const inGroups = vendors.filter((v) => selected.includes(owner.get(v)!));
  const out = vendorFilter.length ? inGroups.filter((v) => vendorFilter.includes(v)) : inGroups;
  return out.length ? out : [NO_VENDOR];
}

/** Rows of the groups as members, for shaping and labels: the groups in order, then "Others". */
export function groupMembers(groups: PlayerGroup[], vendors: string[]): MemberInfo[] {
  return groupKeys(groups, vendors).map((key, i) => {
    const g = groups.find((x) => x.key === key);
    return {
      dimension: "vendor",
      slug: key,
      name: g?.title ?? UNGROUPED_LABEL,
      description: g ? `Vendors: ${g.members.join(", ")}` : "Vendors in no group.",
      sortOrder: i,
    };
  });
}

/** A vendor breakdown's rows summed by group, in whole micro-units (exact, like every breakdown). */
export function rollUpRows(rows: AggregateRow[], groups: PlayerGroup[], vendors: string[]): AggregateRow[] {
  const owner = groupOfVendor(groups, vendors);
  const sums = new Map<string, { year: number; key: string; micro: number }>();
  for (const r of rows) {
    const key = owner.get(r.key) ?? UNGROUPED_KEY;
    const at = `${r.year}|${key}`;
    const s = sums.get(at) ?? { year: r.year, key, micro: 0 };
    s.micro += toMicro(r.value);
    sums.set(at, s);
  }
  return [...sums.values()].map((s) => ({ year: s.year, key: s.key, value: fromMicro(s.micro) }));
}

/** Per group, the yearly sums of its vendors' values (forecast means): `key` → values by position. */
export function rollUpArrays(
  byVendor: Map<string, number[]>,
  groups: PlayerGroup[],
  vendors: string[],
): Map<string, number[]> {
  const owner = groupOfVendor(groups, vendors);
  const out = new Map<string, number[]>();
  for (const [vendor, values] of byVendor) {
    const key = owner.get(vendor) ?? UNGROUPED_KEY;
    const acc = out.get(key) ?? values.map(() => 0);
    values.forEach((v, i) => (acc[i] = roundMicro(acc[i] + v)));
    out.set(key, acc);
  }
  return out;
}

/** A `by=group` breakdown over a vendor one: its rows, its members, and its forecasts. */
export interface GroupBreakdown {
  members: MemberInfo[];
  rows: (byVendor: AggregateRow[]) => AggregateRow[];
  /**
   * Each group's forecast from its vendors' (summed means; bounds are its share of the market's).
   * The means are pinned to the slice's own forecast (`parent`), so the groups add up to it exactly
   * in micro-units, as the vendor rows' separate roundings would not.
   */
  forecasts: (
    byVendor: Map<string, SeriesForecastInfo>,
    market: SeriesForecastInfo,
    parent: SeriesForecastInfo | null,
  ) => Map<string, SeriesForecastInfo>;
}

export function groupBreakdown(groups: PlayerGroup[], vendors: string[]): GroupBreakdown {
  return {
    members: groupMembers(groups, vendors),
    rows: (byVendor) => rollUpRows(byVendor, groups, vendors),
    forecasts: (byVendor, market, parent) => {
      const means = new Map([...byVendor].map(([v, f]) => [v, f.points.map((p) => p.mean)]));
      const sums = rollUpArrays(means, groups, vendors);
      if (parent) pinSums(sums, parent);
      return new Map([...sums].map(([key, values]) => [key, scaleMarket(market, values)]));
    },
  };
}

/** The breakdowns a page offers: the four dimensions, and player groups when the version defines them. */
export function breakdownsOf(groups: PlayerGroup[]): ("type" | "sector" | "vendor" | "region" | "group")[] {
  return groups.length ? [...DIMENSIONS, "group"] : [...DIMENSIONS];
}

/** Rescales each year's group sums to the parent's mean and rounds them so they add up to it exactly. */
function pinSums(sums: Map<string, number[]>, parent: SeriesForecastInfo): void {
  const keys = [...sums.keys()];
  parent.points.forEach((p, k) => {
    const row = keys.map((key) => sums.get(key)![k] ?? 0);
    const total = row.reduce((a, b) => a + b, 0);
    if (!(total > 0) || !(p.mean > 0)) return;
    try {
      const pinned = pinToTotal(
        row.map((v) => (v * p.mean) / total),
        p.mean,
      );
      keys.forEach((key, i) => (sums.get(key)![k] = fromMicro(pinned[i])));
    } catch {
      // Rounding left more units than rows: keep the plain sums (within a few micro-units).
    }
  });
}
