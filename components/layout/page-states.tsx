"use client";

/** Shared bodies of the route groups' loading.tsx and error.tsx. */
export function PageSkeleton({ label }: { label: string }) {
  return (
    <div aria-busy="true" className="space-y-4">
      <span className="sr-only">Loading {label}</span>
      <div className="h-8 w-2/3 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-24 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" />
        ))}
      </div>
      <div className="h-80 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" />
    </div>
  );
}

export function PageError({
  error,
  reset,
  what,
}: {
  error: Error & { digest?: string };
  reset: () => void;
  what: string;
}) {
  return (
    <div
      role="alert"
      className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-950 dark:border-red-700 dark:bg-red-950 dark:text-red-100"
    >
      <h1 className="text-xl font-semibold">Could not load {what}</h1>
      <p className="mt-1 text-sm">
        {error.digest ? `The server could not answer (reference ${error.digest}).` : error.message}
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-3 rounded bg-red-800 px-3 py-1 text-sm text-white hover:bg-red-900"
      >
        Retry
      </button>
    </div>
  );
}
