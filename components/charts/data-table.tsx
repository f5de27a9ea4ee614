export interface TableColumn<R> {
  key: string;
  label: string;
  numeric?: boolean;
  render: (row: R) => React.ReactNode;
  /** Extra classes for the column's cells, e.g. to drop a decorative column on narrow screens. */
  className?: string;
}

interface Props<R> {
  caption: string;
  columns: TableColumn<R>[];
  rows: R[];
  rowKey: (r: R) => string;
  /** false: every row shows, no inner vertical scroll (a ranking must show all its members). */
  scroll?: boolean;
  rowClassName?: (r: R) => string;
}

/** A plain data table (scrollable unless told otherwise): the accessible twin of every chart. */
export function DataTable<R>({ caption, columns, rows, rowKey, scroll = true, rowClassName }: Props<R>) {
  return (
    <div
      className={`${scroll ? "max-h-[28rem] overflow-y-auto " : ""}overflow-x-auto rounded border border-slate-200 dark:border-slate-700`}
      tabIndex={0}
      role="region"
      aria-label={`${caption} (table)`}
    >
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-slate-100 dark:bg-slate-800">
          <tr>
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                className={`px-2 py-1.5 font-medium whitespace-nowrap ${c.numeric ? "text-right" : "text-left"} ${c.className ?? ""}`}
              >
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={rowKey(r)}
              className={`border-t border-slate-200 dark:border-slate-700 ${rowClassName?.(r) ?? ""}`}
            >
              {columns.map((c, i) =>
                i === 0 ? (
                  <th key={c.key} scope="row" className="px-2 py-1 text-left font-normal whitespace-nowrap">
                    {c.render(r)}
                  </th>
                ) : (
                  <td
                    key={c.key}
                    className={`px-2 py-1 whitespace-nowrap ${c.numeric ? "text-right tabular-nums" : ""} ${c.className ?? ""}`}
                  >
                    {c.render(r)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
