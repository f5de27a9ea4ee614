import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ShareLineChart } from "@/components/charts/share-line-chart";
import { DashboardProvider } from "@/components/dashboard/dashboard-context";
import { SliceFacts } from "@/components/dashboard/slice-facts";
import { MemberPanels } from "@/components/dashboard/member-panels";
import { formatPercent } from "@/lib/market/presentation/format";
import type { Dimension } from "@/lib/market/types";
import { getMemberPage } from "@/lib/server/member-page";
import { NoDataset } from "@/app/_components/no-dataset";
import { GROUP_LABEL } from "@/app/vendors/group-label";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug } = await params;
  return { title: `Vendor: ${slug}` };
}

const SPLITS: Dimension[] = ["sector", "type"];

export default async function VendorPage({ params, searchParams }: Params) {
  const { slug } = await params;
  const page = await getMemberPage("vendor", slug, await searchParams, SPLITS);
  if (page === "no-dataset") return <NoDataset />;
  if (page === "not-found") notFound();
  const { ctx, member: vendor, base, initialSeries, facts } = page;
  const { dataset } = ctx;
  const shares = facts ? facts.slice.points.map((p, i) => ({ year: p.year, share: facts.market.points[i]?.value ? p.value / facts.market.points[i].value : 0 })) : [];
  const first = shares[0];
  const last = shares[shares.length - 1];
  return (
    <DashboardProvider value={{ ...ctx, initialSeries }}>
      <div>
        <p className="text-sm text-slate-600 dark:text-slate-400">Vendor · {GROUP_LABEL[vendor.group ?? "other"]}</p>
        <h1 className="text-2xl font-semibold">{vendor.name}</h1>
        <p className="mt-1 max-w-3xl text-slate-700 dark:text-slate-300">{vendor.description}</p>
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">Vendor values are modelled from public proxies and are indicative, not reported revenue.</p>
      </div>
      {facts && <SliceFacts name={vendor.name} {...facts} />}
      <MemberPanels
        dimension="vendor"
        slug={slug}
        name={vendor.name}
        totalTitle={`${vendor.name}: estimated value`}
        aside={
          <ShareLineChart
            title={`${vendor.name}: share of the market`}
            subtitle={`${dataset.firstYear}-${dataset.lastYear} · share of the global market · modelled`}
            summary={first && last ? `${vendor.name}'s modelled share moves from ${formatPercent(first.share)} in ${first.year} to ${formatPercent(last.share)} in ${last.year}.` : ""}
            points={shares}
            historyTo={dataset.historyTo}
          />
        }
        splits={SPLITS}
        splitsClassName="xl:grid-cols-2"
        {...base}
        year={ctx.defaultYear}
      />
    </DashboardProvider>
  );
}
