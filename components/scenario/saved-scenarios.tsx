"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { SavedScenarioInfo } from "@/lib/market/scenario/levers";

type Saved = SavedScenarioInfo & { mine: boolean };

async function problemOf(res: Response): Promise<string> {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? `The server answered ${res.status}`;
}

/**
 * Saved scenarios: the signed-in reader's own and the shared ones, each opening by `?scenario=ID`
 * on the version it pins; analysts save the current levers under a name, owners delete theirs.
 */
export function SavedScenarios({
  levers,
  datasetId,
  describe,
}: {
  levers: string;
  datasetId: string;
  describe: (levers: string) => string;
}) {
  const client = useQueryClient();
  const nameId = useId();
  const [name, setName] = useState("");
  const [shared, setShared] = useState(true);
  const [message, setMessage] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ["saved-scenarios"],
    queryFn: async (): Promise<Saved[] | null> => {
      const res = await fetch("/api/v1/scenarios");
      // Signed out: the body is read all the same, so the request completes.
      if (res.status === 401) return res.text().then(() => null);
      if (!res.ok) throw new Error(await problemOf(res));
      return ((await res.json()) as { scenarios: Saved[] }).scenarios;
    },
    retry: false,
  });
  const save = useMutation({
    mutationFn: async () => {
      const res = await fetch("/api/v1/scenarios", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ name, levers, dataset: datasetId, shared }),
      });
      if (!res.ok) throw new Error(await problemOf(res));
      return ((await res.json()) as { scenario: Saved }).scenario;
    },
    onSuccess: (s) => {
      setMessage(`Saved “${s.name}”`);
      setName("");
      void client.invalidateQueries({ queryKey: ["saved-scenarios"] });
    },
    onError: (e) => setMessage(`Could not save: ${e.message}`),
  });
  const remove = useMutation({
    mutationFn: async (id: string) => {
      const res = await fetch(`/api/v1/scenarios/${id}`, { method: "DELETE" });
      if (!res.ok) throw new Error(await problemOf(res));
    },
    onSuccess: () => {
      setMessage("Deleted");
      void client.invalidateQueries({ queryKey: ["saved-scenarios"] });
    },
    onError: (e) => setMessage(`Could not delete: ${e.message}`),
  });

  if (list.isPending)
    return <p className="mt-3 text-xs text-slate-600 dark:text-slate-400">Loading saved scenarios…</p>;
  if (list.isError)
    return <p className="mt-3 text-xs text-red-800 dark:text-red-300">Saved scenarios: {list.error.message}</p>;
  if (list.data === null)
    return (
      <p className="mt-3 text-xs text-slate-600 dark:text-slate-400">
        <a href="/sign-in" className="underline">
          Sign in
        </a>{" "}
        to save scenarios and open the ones shared with you.
      </p>
    );
  const saved = list.data ?? [];
  return (
    <div
      className="mt-3 rounded border border-slate-200 p-2 text-sm dark:border-slate-700"
      data-testid="saved-scenarios"
    >
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          setMessage(null);
          save.mutate();
        }}
      >
        <label htmlFor={nameId} className="flex flex-col text-xs">
          Scenario name
          <input
            id={nameId}
            value={name}
            maxLength={120}
            onChange={(e) => setName(e.target.value)}
            className="rounded border border-slate-300 px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800"
          />
        </label>
        <label className="flex items-center gap-1 text-xs">
          <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} />
          Shared with every reader
        </label>
        <button
          type="submit"
          disabled={!levers || !name.trim() || save.isPending}
          className="rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800"
        >
          Save scenario
        </button>
        {!levers && (
          <span className="text-xs text-slate-600 dark:text-slate-400">Move a lever to save a scenario.</span>
        )}
      </form>
      {message && (
        <p role="status" className="mt-1 text-xs">
          {message}
        </p>
      )}
      <h3 className="mt-2 text-xs font-semibold">Saved scenarios</h3>
      {saved.length === 0 ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">None yet.</p>
      ) : (
        <ul className="mt-1 space-y-1 text-xs">
          {saved.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center gap-2">
              <a href={`?scenario=${s.id}`} className="font-medium underline">
                {s.name}
              </a>
              <span className="text-slate-600 dark:text-slate-400">
                {describe(s.levers)} · data set {s.dataset} · {s.mine ? "yours" : s.owner}
                {s.shared ? " · shared" : " · private"}
              </span>
              {s.mine && (
                <button type="button" className="underline" onClick={() => remove.mutate(s.id)}>
                  Delete
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
