"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { localCube, type CubeWire, type LocalCube } from "@/lib/market/cube/cube-wire";
import { queryHref } from "@/lib/market/query/key";
import { useDashboard } from "./dashboard-context";

async function fetchCube(datasetId: string, historyTo: number, signal: AbortSignal): Promise<LocalCube | null> {
  const res = await fetch(queryHref("/api/v1/cube", { dataset: datasetId }), { signal });
  // Above the byte budget (413) or unavailable: the dashboard stays on /api/v1/series, which answers the same numbers.
  if (!res.ok) return null;
  const wire = (await res.json()) as CubeWire;
  // A cube kept by the browser from before the packed format (pinned answers are cached for good)
  // has no `micro`: the dashboard then stays on /api/v1/series.
  if (!Array.isArray((wire as Partial<CubeWire>).micro)) return null;
  return localCube(wire, historyTo);
}

/**
 * The dataset's whole cube (and the market forecast split over its cells), loaded right after the page's first paint (the first view
 * comes from the server's answers). Null until then, and for cubes above the byte budget (lib/market/cube/budget).
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
