import type { Metadata } from "next";
import { emptyFilters } from "@/lib/market/query/filters";
import { getPageContext, getSeriesView } from "@/lib/server/market";
import { MemberIndex } from "@/app/_components/member-index";
import { NoDataset } from "@/app/_components/no-dataset";
import { VENDOR_GROUP_LABEL } from "@/lib/market/presentation/labels";
import { gatedPage } from "@/app/_components/gated-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Vendors" };

async function VendorsPageContent({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await getPageContext(await searchParams);
  if (!ctx) return <NoDataset />;
  const result = await getSeriesView({ ...emptyFilters(), by: "vendor", dataset: ctx.state.dataset });
  return (
    <>
      <div>
        <h1 className="text-2xl font-semibold">Vendors</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Estimated value and share of each vendor. Vendor values are modelled from public proxies and are indicative.
        </p>
      </div>
      <MemberIndex
        dimension="vendor"
        basePath="/vendors"
        members={ctx.members}
        series={result.ok ? result.view.series : []}
        year={ctx.defaultYear}
        describe={(m) =>
          ctx.groups.find((g) => g.members.includes(m.slug))?.title ?? VENDOR_GROUP_LABEL[m.group ?? "other"]
        }
      />
    </>
  );
}

// The version is checked before anything streams: a tampered one answers a real 503 (via the redirect).
export default gatedPage("the vendors", VendorsPageContent);
