/**
 * Reading the story for a page: which drivers and trends move a segment, the words for a
 * direction, and where a segment's own view is.
 */
import type { MemberInfo } from "../types";
import type { Direction, Move, PlayerGroup, Story, StoryDimension, StoryItem } from "./types";
import { queryHref } from "../query/key";

export const DIRECTION_LABEL: Record<Direction, string> = {
  raises: "raises its growth",
  lowers: "lowers its growth",
  "gains-share": "gains share from its siblings",
};

export const DIRECTION_SHORT: Record<Direction, string> = {
  raises: "raises",
  lowers: "lowers",
  "gains-share": "gains share",
};

export const STORY_DIMENSION_LABEL: Record<StoryDimension, string> = {
  type: "model type",
  sector: "sector",
  group: "player group",
  vendor: "vendor",
};

export interface SegmentMove {
  kind: "driver" | "trend";
  item: StoryItem;
  direction: Direction;
  /** Set when the item moves the vendor's group rather than the vendor itself. */
  viaGroup?: PlayerGroup;
}

/** The group a vendor belongs to, if any. */
export function groupOf(story: Story, vendor: string): PlayerGroup | undefined {
  return story.groups.find((g) => g.members.includes(vendor));
}

/** Every driver and trend that moves a segment; a vendor is also moved through its group. */
export function movesOf(story: Story, dimension: StoryDimension, member: string): SegmentMove[] {
  const group = dimension === "vendor" ? groupOf(story, member) : undefined;
  const out: SegmentMove[] = [];
  const scan = (kind: SegmentMove["kind"], items: StoryItem[]) => {
    for (const item of items)
      for (const m of item.moves) {
        if (m.dimension === dimension && m.member === member) out.push({ kind, item, direction: m.direction });
        else if (group && m.dimension === "group" && m.member === group.key)
          out.push({ kind, item, direction: m.direction, viaGroup: group });
      }
  };
  scan("driver", story.drivers);
  scan("trend", story.trends);
  return out;
}

/** Where a segment's own view is: its page, or for a player group /explore filtered to it. */
export function segmentHref(move: Pick<Move, "dimension" | "member">, dataset?: string): string {
  switch (move.dimension) {
    case "type":
      return queryHref(`/types/${move.member}`, { dataset });
    case "sector":
      return queryHref(`/sectors/${move.member}`, { dataset });
    case "vendor":
      return queryHref(`/vendors/${move.member}`, { dataset });
    case "group":
      return queryHref("/explore", { by: "vendor", group: [move.member], dataset });
  }
}

/** A segment's display name: the member's, or the group's title. */
export function segmentName(move: Pick<Move, "dimension" | "member">, members: MemberInfo[], story: Story): string {
  if (move.dimension === "group") return story.groups.find((g) => g.key === move.member)?.title ?? move.member;
  return members.find((m) => m.dimension === move.dimension && m.slug === move.member)?.name ?? move.member;
}

/** The anchor of a driver or trend on /story. */
export const storyAnchor = (kind: "driver" | "trend", key: string) => `${kind}-${key}`;
