import type { Metadata } from "next";
import { Forbidden } from "@/components/admin/forbidden";
import { ImportScreen } from "@/components/admin/import-screen";
import { commitToShow } from "@/lib/server/commit-jobs";
import { listVersions } from "@/lib/server/imports";
import { pageUser } from "@/lib/server/page-auth";

export const metadata: Metadata = { title: "Import figures" };
export const dynamic = "force-dynamic";

export default async function ImportPage({ searchParams }: { searchParams: Promise<{ commit?: string | string[] }> }) {
  const { user, allowed } = await pageUser("/admin/import", "analyst");
  if (!allowed) return <Forbidden role="analyst" you={user.role} />;
  const { commit } = await searchParams;
  const [versions, resume] = await Promise.all([
    listVersions(),
    commitToShow(typeof commit === "string" ? commit : null),
  ]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Import figures</h1>
      <ImportScreen
        versions={versions.map((v) => ({
          id: v.id,
          label: `${v.title} · ${v.publisher} · v${v.version}`,
          active: v.active,
        }))}
        resume={resume}
      />
    </div>
  );
}
