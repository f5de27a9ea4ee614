/**
 * The report's argument, stored with each data set version beside its figures: the growth drivers
 * and trends (each naming the segments it moves), the release's use cases, and its player groups.
 * The links from a driver or trend to segments are our reading of the release, not the publisher's
 * numbers. Pure types, no framework.
 */

/** What a driver or trend can move: a model type, a sector, a player group or one vendor. */
export const STORY_DIMENSIONS = ["type", "sector", "group", "vendor"] as const;
export type StoryDimension = (typeof STORY_DIMENSIONS)[number];

/**
 * `raises`: its growth; `lowers`: the opposite; `gains-share`: takes share from its siblings
 * without changing their parent's total.
 */
export const DIRECTIONS = ["raises", "lowers", "gains-share"] as const;
export type Direction = (typeof DIRECTIONS)[number];

export interface Move {
  dimension: StoryDimension;
  member: string;
  direction: Direction;
}

/**
 * A scenario step (our assumption) of one of an item's moves, per lever level: for `raises` /
 * `lowers` the change of the segment's yearly growth (0.02 = 2 points a year), for `gains-share`
 * the yearly relative change of its share of the market (0.03 = its share ×1.03 a year).
 */
export interface Step {
  dimension: StoryDimension;
  member: string;
  step: number;
}

/** The largest step a story may give: at level -2 a growth factor stays ≥ 0.5, so no value goes below 0. */
export const MAX_STEP = 0.25;

export interface StoryItem {
  key: string;
  title: string;
  summary: string;
  moves: Move[];
  steps?: Step[];
}

export interface UseCase {
  dimension: "type" | "sector";
  member: string;
  text: string;
  /** Vendors the release names as examples (model types). */
  vendors?: string[];
}

export interface PlayerGroup {
  key: string;
  title: string;
  /** Vendor slugs; a vendor belongs to at most one group, and vendors in none stay their own rows. */
  members: string[];
}

export interface Story {
  drivers: StoryItem[];
  trends: StoryItem[];
  useCases: UseCase[];
  groups: PlayerGroup[];
}

/** The story of a version that has none (loaded before stories existed, or another publisher's). */
export const EMPTY_STORY: Story = { drivers: [], trends: [], useCases: [], groups: [] };

/** The label every driver/trend-to-segment link carries wherever it shows. */
export const OUR_READING = "our reading";

/** The row of vendors that belong to no group in a `by=group` breakdown. */
export const UNGROUPED_KEY = "others";
export const UNGROUPED_LABEL = "Others";
