import Link from "next/link";
import { queryHref } from "@/lib/market/query/key";
import { DIRECTION_LABEL, movesOf, storyAnchor } from "@/lib/market/story/links";
import { OUR_READING, type Story, type StoryDimension } from "@/lib/market/story/types";

/**
 * The drivers and trends that move one segment, each linking to its entry on /story. The links are
 * our reading of the release, and say so.
 */
export function StoryMoves({
  story,
  dimension,
  member,
  name,
  dataset,
}: {
  story: Story;
  dimension: StoryDimension;
  member: string;
  name: string;
  dataset?: string;
}) {
  const moves = movesOf(story, dimension, member);
  if (!moves.length) return null;
  return (
    <section
      aria-labelledby="story-moves"
      className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="story-moves" className="font-semibold">
        Drivers and trends that move {name}{" "}
        <span className="ml-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-normal text-amber-900 dark:bg-amber-900/40 dark:text-amber-100">
          {OUR_READING}
        </span>
      </h2>
      <ul className="mt-2 space-y-1 text-sm" data-testid="story-moves">
        {moves.map((m) => (
          <li key={`${m.kind}-${m.item.key}-${m.viaGroup?.key ?? ""}`}>
            <span className="text-slate-600 dark:text-slate-400">{m.kind === "driver" ? "Driver" : "Trend"}:</span>{" "}
            <Link
              href={`${queryHref("/story", { dataset })}#${storyAnchor(m.kind, m.item.key)}`}
              className="text-blue-800 underline underline-offset-2 dark:text-blue-300"
            >
              {m.item.title}
            </Link>{" "}
            — {DIRECTION_LABEL[m.direction]}
            {m.viaGroup ? ` (through its group, ${m.viaGroup.title})` : ""}
          </li>
        ))}
      </ul>
      <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
        Which segments each driver and trend moves is {OUR_READING} of the publisher&apos;s release, not a published
        figure.
      </p>
    </section>
  );
}
