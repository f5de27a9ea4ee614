import "server-only";
import { importStory, type StoryImport } from "@/lib/import/story";
import { BREAKDOWNS, type DatasetTables, type NewMember } from "@/lib/import/types";
import { diffStory, type StoryChange } from "@/lib/market/story/diff";
import { EMPTY_STORY, type Story } from "@/lib/market/story/types";
import { getStory } from "./story";

/** Checks an import's story file against the members the new version will have (its base's and the file's new ones). */
export function checkImportStory(bytes: Uint8Array, tables: DatasetTables, newMembers: NewMember[]): StoryImport {
  const members = [
    ...BREAKDOWNS.flatMap((dimension) => tables.members[dimension].map(({ slug }) => ({ dimension, slug }))),
    ...newMembers.map((m) => ({ dimension: m.table, slug: m.slug })),
  ];
  return importStory(bytes, members);
}

/** What the imported story changes in its base's (everything, for a data set of its own). */
export async function storyChanges(baseId: string | null, story: Story): Promise<StoryChange[]> {
  return diffStory(baseId ? await getStory(baseId) : EMPTY_STORY, story);
}
