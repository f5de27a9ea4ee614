"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { localCanAnswer, localSeriesView, type LocalCube, type LocalViewContext } from "@/lib/market/cube/cube-wire";
import { seriesApiQuery, type SeriesApiParams } from "@/lib/market/query/view-state";
import { normaliseQuery } from "@/lib/market/query/key";
import type { SeriesView } from "@/lib/market/query/api";
import { useDashboard } from "./dashboard-context";
import { useCube } from "./use-cube";
import { useUrlLevers } from "./use-levers";

async function fetchSeries(qs: string, signal: AbortSignal): Promise<SeriesView> {
  const res = await fetch(`/api/v1/series?${qs}`, { signal });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `The server answered ${res.status}`);
  }
  return res.json() as Promise<SeriesView>;
}

// One answer per (cube, request): panels sharing a request (vendor breakdown and ranking) sum once,
// and a request seen before returns the same object, so memoised plots skip re-rendering.
const localAnswers = new WeakMap<LocalCube, Map<string, SeriesView | null>>();

function localAnswer(cube: LocalCube, ctx: LocalViewContext, params: SeriesApiParams, qs: string): SeriesView | null {
  let answers = localAnswers.get(cube);
  if (!answers) localAnswers.set(cube, (answers = new Map()));
  if (!answers.has(qs)) answers.set(qs, localSeriesView(cube, ctx, params));
  return answers.get(qs) ?? null;
}

export interface SeriesState {
  data: SeriesView | undefined;
  isPending: boolean;
  isError: boolean;
  isPlaceholderData: boolean;
  error: Error | null;
  refetch: () => unknown;
}

/**
 * One series answer. The first render reads the server-rendered answer; after that, once the
 * dataset's cube is loaded, a request is summed in the browser (no round trip) when the cube can
 * answer it (no forecast, or the method the cube carries); every other request goes to
 * `/api/v1/series` (keyed by its query string).
 */
export function useSeries(request: SeriesApiParams): SeriesState {
  // A request that names no levers follows the page's scenario (the URL's `levers`); "" is the outlook.
  const urlLevers = useUrlLevers();
  // In the query's one spelling, as the server answers it: a local answer then names the slice alike.
  const params = normaliseQuery(
    request.levers === undefined && urlLevers ? { ...request, levers: urlLevers } : request,
  );
  const qs = seriesApiQuery(params);
  const { initialSeries, dataset, members, publishedYears, groups, story } = useDashboard();
  const cube = useCube();
  const initial = initialSeries[qs];
  const local = useMemo(
    () =>
      !initial && cube ? localAnswer(cube, { dataset, members, publishedYears, groups, story }, params, qs) : null,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- qs is the request's identity
    [initial, cube, qs, dataset, members, publishedYears, groups, story],
  );
  const q = useQuery({
    queryKey: ["series", qs],
    queryFn: ({ signal }) => fetchSeries(qs, signal),
    initialData: initial,
    placeholderData: keepPreviousData,
    enabled: !local,
  });
  if (local)
    return {
      data: local,
      isPending: false,
      isError: false,
      isPlaceholderData: false,
      error: null,
      refetch: () => undefined,
    };
  return {
    data: q.data,
    isPending: q.isPending,
    isError: q.isError,
    isPlaceholderData: q.isPlaceholderData,
    error: q.error,
    refetch: q.refetch,
  };
}

/**
 * Starts the requests of a view about to be shown, before React re-renders for it: a filter click
 * then overlaps the network with the render. Requests the cube answers locally need no start.
 */
export function usePrefetchSeries(): (requests: SeriesApiParams[]) => void {
  const client = useQueryClient();
  const cube = useCube();
  const { dataset, members, publishedYears, groups, story } = useDashboard();
  const urlLevers = useUrlLevers();
  // The same context as useSeries: answers are cached per request, so both must see the groups.
  const ctx = { dataset, members, publishedYears, groups, story };
  return (requests) => {
    for (const request of requests) {
      const params = request.levers === undefined && urlLevers ? { ...request, levers: urlLevers } : request;
      // Only checked here, not summed: each panel sums its own answer when it renders (a panel
      // below the fold later than those on screen).
      if (cube && localCanAnswer(cube, ctx, params)) continue;
      const qs = seriesApiQuery(params);
      void client.prefetchQuery({ queryKey: ["series", qs], queryFn: ({ signal }) => fetchSeries(qs, signal) });
    }
  };
}
