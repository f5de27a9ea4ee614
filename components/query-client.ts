import { isServer, QueryClient } from "@tanstack/react-query";

/**
 * The data cache (TanStack Query). In the browser there is one client for the page's whole life.
 * A server render gets a throw-away client with no garbage-collection timers (gcTime Infinity
 * schedules none), so nothing it cached outlives the render: a timer per render, holding its
 * queries for half an hour, is what made anonymous page views exhaust the server's memory.
 */
export function makeQueryClient(server: boolean = isServer): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Dataset versions never change: an answer stays good while the page is open.
      queries: {
        staleTime: 5 * 60_000,
        gcTime: server ? Infinity : 30 * 60_000,
        retry: 1,
        refetchOnWindowFocus: false,
      },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient(true);
  return (browserQueryClient ??= makeQueryClient(false));
}
