export function NoDataset() {
  return (
    <div
      role="alert"
      className="rounded-lg border border-amber-400 bg-amber-50 p-4 text-amber-950 dark:bg-amber-950 dark:text-amber-100"
    >
      <h1 className="text-xl font-semibold">No data set loaded</h1>
      <p className="mt-1 text-sm">
        Run <code>npm run db:setup</code> to load the default data set, then reload this page.
      </p>
    </div>
  );
}
