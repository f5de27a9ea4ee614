import type { Metadata } from "next";
import { Forbidden } from "@/components/admin/forbidden";
import { ImportScreen } from "@/components/admin/import-screen";
import { listVersions } from "@/lib/server/imports";
import { pageUser } from "@/lib/server/page-auth";

export const metadata: Metadata = { title: "Import figures" };
export const dynamic = "force-dynamic";

export default async function ImportPage() {
  const { user, allowed } = await pageUser("/admin/import", "analyst");
  if (!allowed) return <Forbidden role="analyst" you={user.role} />;
  const versions = await listVersions();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Import figures</h1>
      <ImportScreen
        versions={versions.map((v) => ({
          id: v.id,
          label: `${v.title} · ${v.publisher} · v${v.version}`,
          active: v.active,
        }))}
      />
    </div>
  );
}
