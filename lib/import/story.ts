/**
 * The story file an import may carry beside its figures (`story.json`, the format of
 * prisma/data/story.json): checked against the members of the version it will build, with every
 * problem reported at once in the import's error shape.
 */
import { readStory } from "@/lib/market/story/validate";
import type { Story } from "@/lib/market/story/types";
import type { Dimension } from "@/lib/market/types";
import type { ImportError } from "./types";

/** The sheet name a story problem is reported under. */
export const STORY_FILE = "story.json";

export type StoryImport = { ok: true; value: Story } | { ok: false; errors: ImportError[] };

/**
 * `row` is the 1-based item of its list (driver 3 → 3; 0 for the file as a whole) and `column`
 * the field's path, e.g. `drivers[3].moves[2].member`.
 */
export function importStory(bytes: Uint8Array, members: { dimension: Dimension; slug: string }[]): StoryImport {
  const r = readStory(bytes, members);
  if (r.ok) return r;
  return {
    ok: false,
    errors: r.problems.map((p) => ({ sheet: STORY_FILE, row: p.item, column: p.path, message: p.message })),
  };
}
