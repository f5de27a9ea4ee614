import type { StackedRow } from "@/lib/market/presentation/describe";
import { formatPercent, formatUsdM } from "@/lib/market/presentation/format";
import { phaseWord } from "@/lib/market/presentation/labels";
import { DataTable } from "./data-table";

/** A stacked series as the chart description gives it: key, label and its palette colour. */
export interface StackedKey {
  key: string;
  label: string;
  color: string;
}

export interface StackedChartProps {
  rows: StackedRow[];
  keys: StackedKey[];
  historyTo: number;
  share: boolean;
  method?: string;
  /** Cross-filter: clicking a segment or a legend item selects that member. */
  onSelect?: (key: string) => void;
  selected?: string[];
  height?: string;
}


export const fmt = (v: number, share: boolean) => (share ? formatPercent(v) : formatUsdM(v));

/** The legend as HTML buttons: keyboard-usable cross-filters, there before the plot loads. */
export function StackedLegend({ keys, onSelect, selected = [] }: Pick<StackedChartProps, "keys" | "onSelect" | "selected">) {
  return (
    <ul className="mt-2 flex flex-wrap gap-1 text-xs" aria-label="Legend">
        {keys.map((k) => {
          const dimmed = selected.length > 0 && !selected.includes(k.key);
          const swatch = <span aria-hidden="true" className="inline-block h-3 w-3 shrink-0 rounded-sm" style={{ background: k.color, opacity: dimmed ? 0.3 : 1 }} />;
          return (
            <li key={k.key}>
              {onSelect ? (
                <button
                  type="button"
                  onClick={() => onSelect(k.key)}
                  aria-pressed={selected.includes(k.key)}
                  aria-label={`Filter by ${k.label}`}
                  className={`inline-flex items-center gap-1 rounded border px-1.5 py-0.5 hover:bg-slate-100 dark:hover:bg-slate-800 ${
                    selected.includes(k.key) ? "border-blue-700 dark:border-blue-400" : "border-transparent"
                  }`}
                >
                  {swatch}
                  {k.label}
                </button>
              ) : (
                <span className="inline-flex items-center gap-1 px-1.5 py-0.5">
                  {swatch}
                  {k.label}
                </span>
              )}
            </li>
          );
        })}
    </ul>
  );
}

export function StackedTable({ rows, keys, share, method, caption }: { rows: StackedRow[]; keys: StackedKey[]; share: boolean; method?: string; caption: string }) {
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(r) => String(r.year)}
      columns={[
        { key: "year", label: "Year", render: (r) => r.year },
        { key: "phase", label: "Basis", render: (r) => phaseWord(r.phase, method) },
        ...keys.map((k) => ({ key: k.key, label: k.label, numeric: true, render: (r: StackedRow) => fmt(Number(r[k.key] ?? 0), share) })),
      ]}
    />
  );
}
