/** Stands in for a Recharts plot while its code loads (plots load after the page: see charts.tsx). */
export function PlotSkeleton() {
  return <div className="h-full w-full animate-pulse rounded bg-slate-100 dark:bg-slate-800" />;
}
