import { notFound } from "next/navigation";
import { memberExists } from "@/lib/server/market";

// Checked here rather than in the page: the layout renders before the page's loading boundary
// starts streaming, so an unknown sector answers with a real 404 status.
export default async function SectorLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  if (!(await memberExists("sector", slug))) notFound();
  return children;
}
