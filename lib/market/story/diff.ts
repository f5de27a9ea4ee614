/** What an imported story changes in the story of the version it builds on, for the preview. */
import type { Story, StoryItem } from "./types";

export interface StoryChange {
  /** drivers, trends, useCases or groups. */
  section: keyof Story;
  /** The item's key (use cases: `type:general-purpose`). */
  key: string;
  change: "added" | "removed" | "changed";
  /** For a change: which fields differ (title, summary, moves, text, members...). */
  fields?: string[];
  /** The item's title or text before and after, when it has one. */
  from?: string;
  to?: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function compare<T extends object>(
  section: keyof Story,
  before: T[],
  after: T[],
  keyOf: (x: T) => string,
  labelOf: (x: T) => string,
): StoryChange[] {
  const out: StoryChange[] = [];
  const old = new Map(before.map((x) => [keyOf(x), x]));
  const now = new Map(after.map((x) => [keyOf(x), x]));
  for (const [key, x] of now) {
    const y = old.get(key);
    if (!y) {
      out.push({ section, key, change: "added", to: labelOf(x) });
      continue;
    }
    const fields = [...new Set([...Object.keys(x), ...Object.keys(y)])].filter(
      (f) => !same((x as Record<string, unknown>)[f], (y as Record<string, unknown>)[f]),
    );
    if (fields.length) out.push({ section, key, change: "changed", fields, from: labelOf(y), to: labelOf(x) });
  }
  for (const [key, y] of old) if (!now.has(key)) out.push({ section, key, change: "removed", from: labelOf(y) });
  return out;
}

/** Every added, removed or changed driver, trend, use case and group. */
export function diffStory(before: Story, after: Story): StoryChange[] {
  const item = (x: StoryItem) => `${x.title}: ${x.summary}`;
  return [
    ...compare("drivers", before.drivers, after.drivers, (x) => x.key, item),
    ...compare("trends", before.trends, after.trends, (x) => x.key, item),
    ...compare(
      "useCases",
      before.useCases,
      after.useCases,
      (x) => `${x.dimension}:${x.member}`,
      (x) => x.text,
    ),
    ...compare(
      "groups",
      before.groups,
      after.groups,
      (x) => x.key,
      (x) => x.title,
    ),
  ];
}
