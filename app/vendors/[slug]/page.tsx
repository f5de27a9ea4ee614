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
import { groupOf } from "@/lib/market/story/links";
import { getStory } from "@/lib/server/story";
import { VENDOR_GROUP_LABEL } from "@/lib/market/presentation/labels";

export const dynamic = "force-dynamic";

type Params = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params, searchParams }: Params): Promise<Metadata> {
  const { slug } = await params;
  return viewMetadata({ kind: "vendor", slug }, await searchParams, `Vendor: ${slug}`);
}

const SPLITS: Dimension[] = ["sector", "type"];

async function VendorPageContent({ params, searchParams }: Params) {
  const { slug } = await params;
  const page = await getMemberPage("vendor", slug, await searchParams, SPLITS);
  if (page === "no-dataset") return <NoDataset />;
  if (page === "not-found") notFound();
  const { ctx, member: vendor, initialSeries } = page;
  const story = await getStory(ctx.dataset.id);
  // The release's group by its full name; versions without a story keep the stored one-word label.
  const group = groupOf(story, slug)?.title ?? VENDOR_GROUP_LABEL[vendor.group ?? "other"];
  return (
    <DashboardProvider value={{ ...ctx, initialSeries }}>
      <div>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Vendor · <span data-testid="vendor-group">{group}</span>
        </p>
        <h1 className="text-2xl font-semibold">{vendor.name}</h1>
        <p className="mt-1 max-w-3xl text-slate-700 dark:text-slate-300">{vendor.description}</p>
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          Vendor values are modelled from public proxies and are indicative, not reported revenue.
        </p>
      </div>
      <StoryMoves story={story} dimension="vendor" member={slug} name={vendor.name} dataset={ctx.state.dataset} />
      <MemberPanels
        dimension="vendor"
        slug={slug}
        name={vendor.name}
        totalWhat="estimated value"
        shareChart
        splits={SPLITS}
        splitsClassName="xl:grid-cols-2"
      />
    </DashboardProvider>
  );
}

// The version is checked before anything streams, so a tampered one answers a real 503 (via the
// redirect); the content then streams under its own loading state.
export default async function VendorPage({ params, searchParams }: Params) {
  const query = await searchParams;
  await refuseTamperedVersion(query);
  return (
    <Suspense fallback={<PageSkeleton label="the vendor page" />}>
      <VendorPageContent params={params} searchParams={Promise.resolve(query)} />
    </Suspense>
  );
}
