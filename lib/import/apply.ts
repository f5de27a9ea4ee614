/**
 * Builds the definition of a new data set version from the one it builds on and the figures of a
 * file. Given figures are used exactly; each breakdown's members left blank share what remains of
 * the year's total in the proportions of the version built on (or equally when it has none). The
 * cube is then fitted by the same builder (IPF) as every data set.
 */
import type {
  DatasetDefinition,
  MarginalDefinition,
  PublishedFigure,
  TotalDefinition,
} from "@/lib/market/cube/definition";
import type { Dimension } from "@/lib/market/types";
import { BREAKDOWNS, cellKey, type DatasetTables, type GivenFigure, type ValidatedImport } from "./types";

export interface ApplyOptions {
  key: string;
  fileName: string;
  /** Another publisher: a data set of its own, years from its totals, no outlook of the base. */
  newDataset: boolean;
}

/**
 * `base` holds the served figures of the version built on; null when loading a data set from its
 * profile (members, methods, sources) alone, as the default data set is: then breakdowns are
 * anchored only at the years the file gives, and shares are interpolated in between.
 */
export function applyImport(
  def: DatasetDefinition,
  base: DatasetTables | null,
  v: ValidatedImport,
  opts: ApplyOptions,
): DatasetDefinition {
  const meta = v.meta;
  const publisher = meta.publisher || def.publisher;
  const edition = meta.edition || def.edition;
  const title = meta.title || def.title;
  const source = { label: `${publisher}, ${edition}`, ...(meta.source_url ? { url: meta.source_url } : {}) };
  const at = (g: GivenFigure) => cellKey(g.table, g.slug, g.year);
  const given = new Map(v.given.map((g) => [at(g), g]));

  const totalYears = v.given.filter((g) => g.table === "total").map((g) => g.year);
  const firstYear = opts.newDataset ? Math.min(...totalYears) : def.firstYear;
  const lastYear = opts.newDataset ? Math.max(...totalYears) : def.lastYear;
  const historyTo = meta.history_to ? Number(meta.history_to) : Math.min(Math.max(def.historyTo, firstYear), lastYear);

  const members = Object.fromEntries(
    BREAKDOWNS.map((dim) => [
      dim,
      [
        ...def.members[dim],
        ...v.newMembers
          .filter((m) => m.table === dim)
          .map((m) => ({ slug: m.slug, name: m.name, description: `Added from ${opts.fileName}.` })),
      ],
    ]),
  ) as DatasetDefinition["members"];

  const totals: TotalDefinition[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    const g = given.get(cellKey("total", "total", year));
    const before = opts.newDataset ? undefined : def.totals.find((t) => t.year === year);
    if (g && before && !base) totals.push({ ...before, value: g.value, basis: g.basis });
    else if (g) {
      totals.push({
        year,
        value: g.value,
        basis: g.basis,
        note:
          g.basis === "published"
            ? `Published by ${publisher} (${edition}); loaded from ${opts.fileName}.`
            : `Given in ${opts.fileName}.`,
        ...(g.basis === "published" ? { source } : {}),
      });
    } else if (before) totals.push(before);
  }
  const totalByYear = new Map(totals.map((t) => [t.year, t.value]));
  const totalOf = (year: number) => totalByYear.get(year) ?? 0;

  const clampYear = (y: number) => (base ? Math.min(Math.max(y, base.firstYear), base.lastYear) : y);
  const sharesAt = (dim: Dimension, year: number): Record<string, number> | null => {
    const slugs = members[dim].map((m) => m.slug);
    const givenHere = slugs.filter((s) => given.has(cellKey(dim, s, year)));
    if (!base && givenHere.length === 0) return null;
    const isGiven = new Set(givenHere);
    const total = totalOf(year);
    const shares: Record<string, number> = {};
    let rest = total;
    for (const s of givenHere) {
      const value = given.get(cellKey(dim, s, year))!.value;
      shares[s] = total > 0 ? value / total : 0;
      rest -= value;
    }
    const blanks = slugs.filter((s) => !isGiven.has(s));
    const weight = (s: string) => base?.values.get(cellKey(dim, s, clampYear(year)))?.value ?? 0;
    const sum = blanks.reduce((a, s) => a + weight(s), 0);
    for (const s of blanks) {
      const part = sum > 0 ? weight(s) / sum : 1 / blanks.length;
      shares[s] = total > 0 ? (Math.max(0, rest) * part) / total : 0;
    }
    return shares;
  };

  const marginals: MarginalDefinition[] = BREAKDOWNS.map((dim) => {
    const prior = def.marginals.find((m) => m.dimension === dim);
    const anchors: MarginalDefinition["anchors"] = [];
    for (let year = firstYear; year <= lastYear; year++) {
      const shares = sharesAt(dim, year);
      if (shares) anchors.push({ year, shares });
    }
    const gave = v.given.some((g) => g.table === dim);
    const sources = prior?.sources ?? [];
    return {
      dimension: dim,
      anchors,
      method:
        prior?.method ??
        `Shares of ${dim} members as given in ${opts.fileName}; members left blank share the remainder like the data set it builds on.`,
      sources: gave && base && !sources.some((s) => s.label === source.label) ? [...sources, source] : sources,
    };
  });

  const names = new Map<string, string>(
    BREAKDOWNS.flatMap((dim) => members[dim].map((m) => [`${dim}|${m.slug}`, m.name] as const)),
  );
  const publishedCells: PublishedFigure[] = base
    ? v.given
        .filter((g) => g.table !== "total" && g.basis === "published")
        .map((g) => ({
          key: `${g.table}:${g.slug}:${g.year}`,
          label: `${names.get(`${g.table}|${g.slug}`) ?? g.slug}, ${g.year}`,
          year: g.year,
          value: g.value,
          unit: def.unit,
          source,
        }))
    : [];
  const overridden = new Set([
    ...v.given.map((g) => (g.table === "total" ? `total:${g.year}` : `${g.table}:${g.slug}:${g.year}`)),
  ]);
  const keptPublished =
    opts.newDataset || !base ? (base ? [] : def.published) : def.published.filter((p) => !overridden.has(p.key));

  return {
    ...def,
    key: opts.key,
    title,
    publisher,
    edition,
    firstYear,
    historyTo,
    lastYear,
    members,
    totals,
    marginals,
    published: [...keptPublished, ...publishedCells],
    outlook: opts.newDataset ? undefined : def.outlook,
    otherEstimates: opts.newDataset ? [] : def.otherEstimates,
    notes: opts.newDataset
      ? [
          `Figures published by ${publisher} (${edition}), loaded from ${opts.fileName}. Every figure given in the file is served exactly.`,
          `Breakdowns the file does not give are modelled: members left blank share what remains of the year's total in the proportions of ${def.title} (${def.publisher}).`,
        ]
      : def.notes,
  };
}
