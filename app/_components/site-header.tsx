import Link from "next/link";
import { Suspense } from "react";
import { getDatasets } from "@/lib/server/queries";
import { Badge, DatasetBadge, type DatasetVersion } from "@/components/layout/dataset-badge";
import { NavLinks } from "@/components/layout/nav-links";
import { ThemeToggle } from "@/components/layout/theme-toggle";
import { AccountMenu } from "./account-menu";

/** Header on every page: navigation, the dataset version the figures come from (as pinned by the URL), the theme switch. */
export async function SiteHeader() {
  // The header must render even when the database is down: the page's error state explains it.
  const all = await getDatasets().catch(() => []);
  const versions: DatasetVersion[] = all.map(({ id, version, status }) => ({ id, version, status }));
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex max-w-[1800px] flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <Link href="/" className="text-base font-semibold">
            AI Models Market
          </Link>
          <nav aria-label="Main">
            <NavLinks />
          </nav>
        </div>
        <div className="flex items-center gap-3">
          <Suspense fallback={<Badge dataset={versions.find((v) => v.status === "active")} />}>
            <DatasetBadge versions={versions} />
          </Suspense>
          <AccountMenu />
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
