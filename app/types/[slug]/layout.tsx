import { notFound } from "next/navigation";
import { memberExists } from "@/lib/server/market";

// Checked here rather than in the page: the layout renders before the page's loading boundary
// starts streaming, so an unknown model type answers with a real 404 status.
export default async function TypeLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  if (!(await memberExists("type", slug))) notFound();
  return children;
}
