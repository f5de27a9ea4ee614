"use client";

import type { StoryChange } from "@/lib/market/story/diff";

const SECTION: Record<StoryChange["section"], string> = {
  drivers: "Driver",
  trends: "Trend",
  useCases: "Use case",
  groups: "Player group",
};

/** What the imported story.json changes in the story of the version built on. */
export function StoryChanges({ changes }: { changes: StoryChange[] }) {
  return (
    <section aria-label="Story changes" className="space-y-1 text-sm">
      <h3 className="font-semibold">
        Story (story.json):{" "}
        {changes.length ? `${changes.length} change${changes.length === 1 ? "" : "s"}` : "no changes"}
      </h3>
      {changes.length > 0 && (
        <ul className="list-disc space-y-1 pl-5">
          {changes.map((c) => (
            <li key={`${c.section}:${c.key}`}>
              {SECTION[c.section]} <code>{c.key}</code> {c.change}
              {c.fields?.length ? ` (${c.fields.join(", ")})` : ""}
              {c.to ? `: ${c.to}` : c.from ? `: ${c.from}` : ""}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
