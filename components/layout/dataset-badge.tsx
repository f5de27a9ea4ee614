"use client";

import { useSearchParams } from "next/navigation";

export interface DatasetVersion {
  id: string;
  version: number;
  status: "active" | "superseded";
}

/**
 * The dataset version the page's figures come from: the one a link pins with `?dataset=<id>`, else
 * the active one (pages fall back to it, with a notice, for an id they do not know).
 */
export function DatasetBadge({ versions }: { versions: DatasetVersion[] }) {
  const pinned = useSearchParams().get("dataset");
  return <Badge dataset={versions.find((v) => v.id === pinned) ?? versions.find((v) => v.status === "active")} />;
}

export function Badge({ dataset }: { dataset: DatasetVersion | undefined }) {
  return (
    <span className="text-xs text-slate-600 dark:text-slate-400">
      {dataset ? (
        <>
          Dataset <span className="font-mono">{dataset.id}</span> (v{dataset.version}, {dataset.status})
        </>
      ) : (
        "Dataset unavailable"
      )}
    </span>
  );
}
