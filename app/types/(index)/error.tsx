"use client";

import { PageError } from "@/components/layout/page-states";

export default function Error({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError error={error} reset={reset} what="the model types" />;
}
