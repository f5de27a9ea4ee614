"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { seriesApiQuery, type SeriesApiParams } from "@/lib/market/query/view-state";
import type { SeriesView } from "@/lib/market/query/api";
import { useDashboard } from "./dashboard-context";

async function fetchSeries(qs: string, signal: AbortSignal): Promise<SeriesView> {
  const res = await fetch(`/api/v1/series?${qs}`, { signal });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `The server answered ${res.status}`);
  }
  return res.json() as Promise<SeriesView>;
}

/** One `/api/v1/series` answer; keyed by its query string, seeded by the server-rendered first answer. */
export function useSeries(params: SeriesApiParams) {
  const qs = seriesApiQuery(params);
  const { initialSeries } = useDashboard();
  return useQuery({
    queryKey: ["series", qs],
    queryFn: ({ signal }) => fetchSeries(qs, signal),
    initialData: initialSeries[qs],
    placeholderData: keepPreviousData,
  });
}

export type SeriesQueryResult = ReturnType<typeof useSeries>;

/**
 * Starts the requests of a view about to be shown, before React re-renders for it: a filter click
 * then overlaps the network with the render instead of waiting for it.
 */
export function usePrefetchSeries(): (requests: SeriesApiParams[]) => void {
  const client = useQueryClient();
  return (requests) => {
    for (const params of requests) {
      const qs = seriesApiQuery(params);
      void client.prefetchQuery({ queryKey: ["series", qs], queryFn: ({ signal }) => fetchSeries(qs, signal) });
    }
  };
}
