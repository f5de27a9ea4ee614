"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";

/** The page's absolute URL (with its search params), for export provenance; "" until mounted. */
export function usePermalink(): string {
  const params = useSearchParams();
  const [href, setHref] = useState("");
  useEffect(() => setHref(window.location.href), [params]);
  return href;
}
