import { notFound } from "next/navigation";
import { memberExists } from "@/lib/server/market";

// Checked here rather than in the page: the layout renders before the page's loading boundary
// starts streaming, so an unknown vendor answers with a real 404 status.
export default async function VendorLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  if (!(await memberExists("vendor", slug))) notFound();
  return children;
}
