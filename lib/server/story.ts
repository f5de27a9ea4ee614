import "server-only";
import type { SeriesDataset } from "@/lib/market/query/api";
import type { QueryProblem } from "@/lib/market/query/filters";
import { storySchema } from "@/lib/market/story/schema";
import { EMPTY_STORY, type Story } from "@/lib/market/story/types";
import { memo } from "./cache";
import { getDb } from "./db";
import { getDataset } from "./queries";

/**
 * The story of a version (drivers, trends, use cases, player groups): stored once with its row and
 * never changed, so it is read once per process. A version without one has an empty story.
 */
export function getStory(datasetId: string): Promise<Story> {
  return memo(`story:${datasetId}`, async () => {
    const row = await getDb().prisma.dataset.findUnique({ where: { id: datasetId }, select: { story: true } });
    if (!row?.story) return EMPTY_STORY;
    // It was checked against the version's members when loaded; the shape is re-read defensively.
    const parsed = storySchema.safeParse(row.story);
    return parsed.success ? (parsed.data as Story) : EMPTY_STORY;
  });
}

export interface StoryView extends Story {
  dataset: SeriesDataset;
}

export type StoryResult = { ok: true; view: StoryView } | { ok: false; status: 404; problem: QueryProblem };

/** The story of a pinned version, or of the active version of the primary data set. */
export async function getStoryView(datasetId?: string): Promise<StoryResult> {
  const dataset = await getDataset(datasetId);
  if (!dataset)
    return {
      ok: false,
      status: 404,
      problem: {
        param: "dataset",
        message: datasetId
          ? `dataset "${datasetId}" does not exist`
          : "no dataset has been loaded; run npm run db:seed",
      },
    };
  const story = await getStory(dataset.id);
  const { id, title, publisher, edition, unit, currency, historyTo, firstYear, lastYear, version } = dataset;
  return {
    ok: true,
    view: {
      dataset: { id, title, publisher, edition, unit, currency, historyTo, firstYear, lastYear, version },
      ...story,
    },
  };
}
