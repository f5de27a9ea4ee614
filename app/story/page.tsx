import type { Metadata } from "next";
import Link from "next/link";
import { DIRECTION_SHORT, segmentHref, segmentName, storyAnchor } from "@/lib/market/story/links";
import { OUR_READING, type StoryItem } from "@/lib/market/story/types";
import { getStoryPage, type StoryPage } from "@/lib/server/story-page";
import { NoDataset } from "@/app/_components/no-dataset";
import { ShareSparks } from "@/app/_components/share-sparks";
import { gatedPage } from "@/app/_components/gated-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Drivers and trends" };

type Search = { searchParams: Promise<Record<string, string | string[] | undefined>> };

async function StoryPageContent({ searchParams }: Search) {
  const page = await getStoryPage(await searchParams);
  if (!page) return <NoDataset />;
  const { story, ctx } = page;
  return (
    <>
      <div>
        <h1 className="text-2xl font-semibold">Why the market grows: drivers and trends</h1>
        <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">
          The growth drivers and the trends to {ctx.dataset.lastYear - 1} that {ctx.dataset.publisher}&apos;s release
          names, each with the segments it moves and their share of the market. Which segments each one moves, and how,
          is {OUR_READING} of the release, not the publisher&apos;s numbers; every share is modelled.
        </p>
      </div>
      {story.drivers.length === 0 && story.trends.length === 0 ? (
        <p className="text-sm">This data set version carries no drivers or trends.</p>
      ) : null}
      <Items heading="Growth drivers" kind="driver" items={story.drivers} page={page} />
      <Items heading={`Trends to ${ctx.dataset.lastYear - 1}`} kind="trend" items={story.trends} page={page} />
    </>
  );
}

function Items({
  heading,
  kind,
  items,
  page,
}: {
  heading: string;
  kind: "driver" | "trend";
  items: StoryItem[];
  page: StoryPage;
}) {
  if (!items.length) return null;
  const { ctx, story, shares } = page;
  const pinned = ctx.state.dataset;
  return (
    <section aria-labelledby={`${kind}s`}>
      <h2 id={`${kind}s`} className="text-xl font-semibold">
        {heading}
      </h2>
      <ol className="mt-3 grid gap-4 lg:grid-cols-2">
        {items.map((item, i) => (
          <li
            key={item.key}
            id={storyAnchor(kind, item.key)}
            className="scroll-mt-20 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
          >
            <h3 className="font-semibold">
              <span className="text-slate-600 dark:text-slate-400">{i + 1}. </span>
              {item.title}
            </h3>
            <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{item.summary}</p>
            <p className="mt-2 text-xs font-medium text-slate-600 dark:text-slate-400">
              Segments it moves{" "}
              <span className="rounded bg-amber-100 px-1.5 py-0.5 font-normal text-amber-900 dark:bg-amber-900/40 dark:text-amber-100">
                {OUR_READING}
              </span>
            </p>
            <ul className="mt-1 flex flex-wrap gap-2 text-sm" aria-label={`Segments ${item.title} moves`}>
              {item.moves.map((m) => (
                <li key={`${m.dimension}:${m.member}`}>
                  <Link
                    href={segmentHref(m, pinned)}
                    className="inline-block rounded-full border border-slate-300 px-2 py-0.5 text-blue-800 hover:bg-slate-100 dark:border-slate-700 dark:text-blue-300 dark:hover:bg-slate-800"
                  >
                    {segmentName(m, ctx.members, story)}
                  </Link>{" "}
                  <span className="text-xs text-slate-600 dark:text-slate-400">{DIRECTION_SHORT[m.direction]}</span>
                </li>
              ))}
            </ul>
            <ShareSparks
              id={storyAnchor(kind, item.key)}
              historyTo={ctx.dataset.historyTo}
              lines={item.moves.map((m) => ({
                key: `${m.dimension}:${m.member}`,
                label: segmentName(m, ctx.members, story),
                points: shares[`${m.dimension}:${m.member}`] ?? [],
              }))}
            />
          </li>
        ))}
      </ol>
    </section>
  );
}

// The version is checked before anything streams: a tampered one answers a real 503 (via the redirect).
export default gatedPage("the drivers and trends", StoryPageContent);
