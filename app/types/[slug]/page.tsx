import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DashboardProvider } from "@/components/dashboard/dashboard-context";
import { MemberPanels } from "@/components/dashboard/member-panels";
import type { Dimension } from "@/lib/market/types";
import { getMemberPage } from "@/lib/server/member-page";
import { viewMetadata } from "@/lib/server/link-preview";
import { getStory } from "@/lib/server/story";
import { NoDataset } from "@/app/_components/no-dataset";
import { StoryMoves } from "@/app/_components/story-moves";

export const dynamic = "force-dynamic";

type Params = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params, searchParams }: Params): Promise<Metadata> {
  const { slug } = await params;
  return viewMetadata({ kind: "type", slug }, await searchParams, `Model type: ${slug}`);
}

const SPLITS: Dimension[] = ["sector", "vendor", "region"];

export default async function TypePage({ params, searchParams }: Params) {
  const { slug } = await params;
  const page = await getMemberPage("type", slug, await searchParams, SPLITS);
  if (page === "no-dataset") return <NoDataset />;
  if (page === "not-found") notFound();
  const { ctx, member: type, initialSeries } = page;
  const story = await getStory(ctx.dataset.id);
  const useCase = story.useCases.find((u) => u.dimension === "type" && u.member === slug);
  const examples = (useCase?.vendors ?? [])
    .map((v) => ctx.members.find((m) => m.dimension === "vendor" && m.slug === v))
    .filter((m) => m !== undefined);
  const pin = ctx.state.dataset ? `?dataset=${encodeURIComponent(ctx.state.dataset)}` : "";
  return (
    <DashboardProvider value={{ ...ctx, initialSeries }}>
      <div>
        <p className="text-sm text-slate-600 dark:text-slate-400">Model type</p>
        <h1 className="text-2xl font-semibold">{type.name}</h1>
        <p className="mt-1 max-w-3xl text-slate-700 dark:text-slate-300">{type.description}</p>
      </div>
      {(useCase || examples.length > 0) && (
        <section
          aria-labelledby="user-case"
          className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
        >
          {useCase && (
            <>
              <h2 id="user-case" className="font-semibold">
                A user case from the release
              </h2>
              <p className="mt-1 max-w-3xl text-sm" data-testid="user-case">
                {useCase.text}
              </p>
            </>
          )}
          {examples.length > 0 && (
            <p className="mt-2 text-sm">
              <span className="text-slate-600 dark:text-slate-400">Vendors the release names as examples: </span>
              {examples.map((v, i) => (
                <span key={v.slug}>
                  {i > 0 ? ", " : ""}
                  <Link
                    href={`/vendors/${v.slug}${pin}`}
                    className="text-blue-800 underline underline-offset-2 dark:text-blue-300"
                  >
                    {v.name}
                  </Link>
                </span>
              ))}
            </p>
          )}
        </section>
      )}
      <StoryMoves story={story} dimension="type" member={slug} name={type.name} dataset={ctx.state.dataset} />
      <MemberPanels
        dimension="type"
        slug={slug}
        name={type.name}
        totalWhat="size and forecast"
        splits={SPLITS}
        splitsClassName="xl:grid-cols-3"
      />
    </DashboardProvider>
  );
}
