import type { Metadata } from "next";
import { VersionsScreen } from "@/components/admin/versions-screen";
import { listVersions } from "@/lib/server/imports";
import { pageUser } from "@/lib/server/page-auth";

export const metadata: Metadata = { title: "Data set versions" };
export const dynamic = "force-dynamic";

export default async function DatasetsPage() {
  const { user } = await pageUser("/admin/datasets", "viewer");
  const versions = await listVersions();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Data set versions</h1>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Versions never change. The active one is the newest activation; rolling back is activating an older version.
        Links with <code>?dataset=</code> keep showing their version.
      </p>
      <VersionsScreen versions={versions} canActivate={user.role !== "viewer"} />
    </div>
  );
}
