import type { Metadata } from "next";
import { Forbidden } from "@/components/admin/forbidden";
import { listAudit } from "@/lib/server/audit";
import { pageUser } from "@/lib/server/page-auth";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

export default async function AuditPage() {
  const { user, allowed } = await pageUser("/admin/audit", "admin");
  if (!allowed) return <Forbidden role="admin" you={user.role} />;
  const events = await listAudit(500);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Audit log</h1>
      {events.length === 0 ? (
        <p>Nothing recorded yet.</p>
      ) : (
        <div className="overflow-x-auto rounded border border-slate-200 dark:border-slate-800">
          <table className="w-full text-sm">
            <thead className="bg-slate-100 dark:bg-slate-800">
              <tr>
                {["When (UTC)", "What", "Who", "Address", "On", "Detail"].map((h) => (
                  <th key={h} className="px-2 py-1 text-left font-medium">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id} className="border-t border-slate-100 dark:border-slate-800">
                  <td className="px-2 py-1 tabular-nums">{e.at.slice(0, 19).replace("T", " ")}</td>
                  <td className="px-2 py-1">{e.action}</td>
                  <td className="px-2 py-1">{e.actor ?? "—"}</td>
                  <td className="px-2 py-1">{e.ip ?? "—"}</td>
                  <td className="px-2 py-1 font-mono">{e.target ?? "—"}</td>
                  <td className="px-2 py-1 font-mono text-xs">{e.detail ? JSON.stringify(e.detail) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
