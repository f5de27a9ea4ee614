"use client";

import { isServer, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { ExportToaster } from "@/components/export/export-toast";

/**
 * The data cache (TanStack Query). In the browser there is one client for the page's whole life.
 * A server render gets a throw-away client with no garbage-collection timers (gcTime Infinity
 * schedules none), so nothing it cached outlives the render: a timer per render, holding its
 * queries for half an hour, is what made anonymous page views exhaust the server's memory.
 */
function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Dataset versions never change: an answer stays good while the page is open.
      queries: {
        staleTime: 5 * 60_000,
        gcTime: isServer ? Infinity : 30 * 60_000,
        retry: 1,
        refetchOnWindowFocus: false,
      },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  return (browserQueryClient ??= makeQueryClient());
}

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
