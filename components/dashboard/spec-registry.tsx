"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { ChartExportSpec } from "@/lib/export/chart-spec";

interface Registrar {
  register: (spec: ChartExportSpec) => void;
  unregister: (id: string) => void;
}

// Two contexts: panels only register (a value that never changes), so a new spec re-renders the
// export button alone, never the panels and their charts.
const RegistrarCtx = createContext<Registrar | null>(null);
const SpecsCtx = createContext<ChartExportSpec[]>([]);

/** Collects the specs of every chart on a page, for the whole-dashboard export. */
export function SpecRegistryProvider({ children }: { children: React.ReactNode }) {
  const [map, setMap] = useState<Record<string, ChartExportSpec>>({});
  const register = useCallback(
    (spec: ChartExportSpec) =>
      setMap((m) =>
        m[spec.id] && JSON.stringify(m[spec.id]) === JSON.stringify(spec) ? m : { ...m, [spec.id]: spec },
      ),
    [],
  );
  const unregister = useCallback(
    (id: string) =>
      setMap((m) => {
        if (!(id in m)) return m;
        const next = { ...m };
        delete next[id];
        return next;
      }),
    [],
  );
  const registrar = useMemo(() => ({ register, unregister }), [register, unregister]);
  const specs = useMemo(() => Object.values(map), [map]);
  return (
    <RegistrarCtx.Provider value={registrar}>
      <SpecsCtx.Provider value={specs}>{children}</SpecsCtx.Provider>
    </RegistrarCtx.Provider>
  );
}

export function useRegisterSpec(spec: ChartExportSpec | null) {
  const reg = useContext(RegistrarCtx);
  const key = spec ? JSON.stringify(spec) : "";
  const id = spec?.id;
  useEffect(() => {
    if (spec && reg) reg.register(spec);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by content, not identity
  }, [key, reg]);
  useEffect(() => () => (id && reg ? reg.unregister(id) : undefined), [id, reg]);
}

export function useSpecs(): ChartExportSpec[] {
  return useContext(SpecsCtx);
}
