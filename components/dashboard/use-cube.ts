"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { localCube, type CubeWire, type LocalCube } from "@/lib/market/cube/cube-wire";
import { queryHref } from "@/lib/market/query/key";
import { useDashboard } from "./dashboard-context";

async function fetchCube(datasetId: string, historyTo: number, signal: AbortSignal): Promise<LocalCube | null> {
  const res = await fetch(queryHref("/api/v1/cube", { dataset: datasetId }), { signal });
  // Too large (413) or unavailable: the dashboard simply stays on /api/v1/series.
  if (!res.ok) return null;
  return localCube((await res.json()) as CubeWire, historyTo);
}

/**
 * The dataset's whole cube (and the market forecast split over its cells), loaded right after the page's first paint (the first view
 * comes from the server's answers). Null until then, and for datasets too large to send.
 */
export function useCube(): LocalCube | null {
  const { dataset } = useDashboard();
  // Started after hydration, i.e. after the first paint: the first view never waits for it.
  const [started, setStarted] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => setStarted(true), 0);
    return () => clearTimeout(t);
  }, []);
  const q = useQuery({
    queryKey: ["cube", dataset.id],
    queryFn: ({ signal }) => fetchCube(dataset.id, dataset.historyTo, signal),
    enabled: started,
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });
  return q.data ?? null;
}
