import { Suspense } from "react";
import { PageSkeleton } from "@/components/layout/page-states";
import { refuseTamperedVersion } from "@/lib/server/version-gate";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DashboardProvider } from "@/components/dashboard/dashboard-context";
import { MemberPanels } from "@/components/dashboard/member-panels";
import type { Dimension } from "@/lib/market/types";
import { getMemberPage } from "@/lib/server/member-page";
import { viewMetadata } from "@/lib/server/link-preview";
import { NoDataset } from "@/app/_components/no-dataset";
import { StoryMoves } from "@/app/_components/story-moves";
import { getStory } from "@/lib/server/story";

export const dynamic = "force-dynamic";

type Params = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params, searchParams }: Params): Promise<Metadata> {
  const { slug } = await params;
  return viewMetadata({ kind: "sector", slug }, await searchParams, `Sector: ${slug}`);
}

const SPLITS: Dimension[] = ["type", "vendor", "region"];

async function SectorPageContent({ params, searchParams }: Params) {
  const { slug } = await params;
  const page = await getMemberPage("sector", slug, await searchParams, SPLITS);
  if (page === "no-dataset") return <NoDataset />;
  if (page === "not-found") notFound();
  const { ctx, member: sector, initialSeries } = page;
  const story = await getStory(ctx.dataset.id);
  return (
    <DashboardProvider value={{ ...ctx, initialSeries }}>
      <div>
        <p className="text-sm text-slate-600 dark:text-slate-400">Application sector</p>
        <h1 className="text-2xl font-semibold">{sector.name}</h1>
        <p className="mt-1 max-w-3xl text-slate-700 dark:text-slate-300">{sector.description}</p>
      </div>
      {sector.useCases && sector.useCases.length > 0 && (
        <section
          aria-labelledby="use-cases"
          className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
        >
          <h2 id="use-cases" className="font-semibold">
            What {sector.name} uses large models for
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {sector.useCases.map((u) => (
              <li key={u}>{u}</li>
            ))}
          </ul>
        </section>
      )}
      <StoryMoves story={story} dimension="sector" member={slug} name={sector.name} dataset={ctx.state.dataset} />
      <MemberPanels
        dimension="sector"
        slug={slug}
        name={sector.name}
        totalWhat="size and forecast"
        splits={SPLITS}
        splitsClassName="xl:grid-cols-3"
      />
    </DashboardProvider>
  );
}

// The version is checked before anything streams, so a tampered one answers a real 503 (via the
// redirect); the content then streams under its own loading state.
export default async function SectorPage({ params, searchParams }: Params) {
  const query = await searchParams;
  await refuseTamperedVersion(query);
  return (
    <Suspense fallback={<PageSkeleton label="the sector page" />}>
      <SectorPageContent params={params} searchParams={Promise.resolve(query)} />
    </Suspense>
  );
}
