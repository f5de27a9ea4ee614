"use client";

import { useSearchParams } from "next/navigation";
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/** The page's absolute URL (with its search params), for export provenance; "" on the server. */
export function usePermalink(): string {
  // The search params change on every filter click and re-render this hook, which then reads the
  // current address; nothing else changes it, so there is nothing to subscribe to.
  useSearchParams();
  return useSyncExternalStore(
    noSubscription,
    () => window.location.href,
    () => "",
  );
}
