import { PageSkeleton } from "@/components/layout/page-states";

export default function Loading() {
  return <PageSkeleton label="the model types" />;
}
