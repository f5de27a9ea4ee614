/**
 * Member names compared as an analyst reads them: "Open-AI Inc" is OpenAI. Pure: the import uses it
 * to ask "did you mean" before a typo adds a member and leaves the real one empty.
 */

/** Words that say what kind of company it is, not which one. */
const SUFFIXES = new Set([
  "inc",
  "incorporated",
  "ltd",
  "limited",
  "llc",
  "llp",
  "plc",
  "corp",
  "corporation",
  "co",
  "company",
  "gmbh",
  "ag",
  "sa",
  "sas",
  "bv",
  "nv",
  "pty",
  "group",
  "holdings",
  "the",
]);

/** Words of a name that may or may not be part of it ("Mistral AI" is Mistral). */
const OPTIONAL = new Set(["ai", "labs", "lab", "technologies", "technology", "systems"]);

function words(name: string): string[] {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Lower case, accents and punctuation gone, company-kind words (Inc, Ltd, Corp...) dropped, no spaces. */
export function normaliseName(name: string): string {
  const all = words(name);
  const kept = all.filter((w) => !SUFFIXES.has(w));
  // A name made only of such words ("The Co") is still a name: keep it whole.
  return (kept.length ? kept : all).join("");
}

/** The normalised name, and the same without words such as AI or Labs: "Open-AI Inc" → openai, open. */
export function nameForms(name: string): string[] {
  const full = normaliseName(name);
  const short = words(name)
    .filter((w) => !SUFFIXES.has(w) && !OPTIONAL.has(w))
    .join("");
  return short && short !== full ? [full, short] : [full];
}

/** Levenshtein distance, stopping early once it passes `max` (returns max + 1 then). */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length];
}

/** Edits allowed between two normalised names: none up to 4 letters, one up to 8, two beyond. */
export function allowedEdits(length: number): number {
  return length <= 4 ? 0 : length <= 8 ? 1 : 2;
}

export interface NamedMember {
  slug: string;
  name: string;
}

/**
 * The existing member a new name most likely means: the same name once normalised (its name or its
 * slug), else the nearest within a small edit distance; null when none is close.
 */
export function closestMember(name: string, members: readonly NamedMember[]): NamedMember | null {
  const mine = nameForms(name).filter(Boolean);
  let best: { m: NamedMember; d: number } | null = null;
  for (const m of members) {
    const theirs = [...nameForms(m.name), ...nameForms(m.slug)].filter(Boolean);
    for (const n of mine)
      for (const other of theirs) {
        const max = allowedEdits(Math.min(n.length, other.length));
        const d = other === n ? 0 : editDistance(n, other, max);
        if (d <= max && (!best || d < best.d)) best = { m, d };
      }
  }
  return best?.m ?? null;
}
