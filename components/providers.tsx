"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { useState } from "react";
import { ExportToaster } from "@/components/export/export-toast";

/** URL state (nuqs) and the data cache (TanStack Query) for every page. */
export function Providers({ children }: { children: React.ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          // Dataset versions never change: an answer stays good while the page is open.
          queries: { staleTime: 5 * 60_000, gcTime: 30 * 60_000, retry: 1, refetchOnWindowFocus: false },
        },
      }),
  );
  return (
    <NuqsAdapter>
      <QueryClientProvider client={client}>
        {children}
        <ExportToaster />
      </QueryClientProvider>
    </NuqsAdapter>
  );
}
