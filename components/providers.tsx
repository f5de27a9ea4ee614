"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { ExportToaster } from "@/components/export/export-toast";
import { getQueryClient } from "@/components/query-client";

/** URL state (nuqs) and the data cache (TanStack Query) for every page. */
export function Providers({ children }: { children: React.ReactNode }) {
  const client = getQueryClient();
  return (
    <NuqsAdapter>
      <QueryClientProvider client={client}>
        {children}
        <ExportToaster />
      </QueryClientProvider>
    </NuqsAdapter>
  );
}
