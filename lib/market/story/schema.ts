/**
 * The story file's shape (prisma/data/story.json, and the JSON file an import may carry beside its
 * figures). Shape only: whether each member exists in the version is checked in ./validate.
 */
import { z } from "zod";
import { DIRECTIONS, MAX_STEP, STORY_DIMENSIONS } from "./types";

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: "must be a lower-case slug (letters, digits, -)" });
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: "must not be empty" })
    .max(max, { message: `must be at most ${max} characters` });

const move = z.strictObject({
  dimension: z.enum(STORY_DIMENSIONS, { message: `must be one of ${STORY_DIMENSIONS.join(", ")}` }),
  member: slug,
  direction: z.enum(DIRECTIONS, { message: `must be one of ${DIRECTIONS.join(", ")}` }),
});

const item = z.strictObject({
  key: slug,
  title: text(160),
  summary: text(2000),
  moves: z.array(move).min(1, { message: "must name at least one segment" }).max(40),
  /**
   * The scenario step of each move, per lever level (our assumption): for `raises`/`lowers` the
   * change of the segment's yearly growth, for `gains-share` the yearly relative change of its
   * share. A move without one takes the default of its direction (lib/market/scenario).
   */
  steps: z
    .array(
      z.strictObject({
        dimension: z.enum(STORY_DIMENSIONS, { message: `must be one of ${STORY_DIMENSIONS.join(", ")}` }),
        member: slug,
        step: z
          .number({ message: "must be a number" })
          .gt(0, { message: "must be above 0" })
          .lte(MAX_STEP, { message: `must be at most ${MAX_STEP}` }),
      }),
    )
    .max(40)
    .optional(),
});

export const storySchema = z.strictObject({
  drivers: z.array(item).max(40),
  trends: z.array(item).max(40),
  useCases: z
    .array(
      z.strictObject({
        dimension: z.enum(["type", "sector"], { message: "must be type or sector" }),
        member: slug,
        text: text(2000),
        /** Vendors the release names as examples of a model type. */
        vendors: z.array(slug).max(50).optional(),
      }),
    )
    .max(200),
  groups: z.array(z.strictObject({ key: slug, title: text(160), members: z.array(slug).max(500) })).max(40),
});
