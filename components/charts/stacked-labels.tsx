import type { StackedRow } from "@/lib/market/presentation/describe";
import { formatApproxUsdM, formatPercent, formatUsdM } from "@/lib/market/presentation/format";
import { phaseWord } from "@/lib/market/presentation/labels";
import type { ChartDescription } from "@/lib/chart/description";
import { DataTable } from "./data-table";

/** Our forecast of the breakdown's total, drawn over the stacked bars (from the chart description). */
export type StackedOverlay = NonNullable<ChartDescription["forecast"]>;

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
  /** Our forecast of the total: a dashed line from the last history year on, its band shaded. */
  overlay?: StackedOverlay;
}

export const fmt = (v: number, share: boolean) => (share ? formatPercent(v) : formatUsdM(v));
/** Tooltips: modelled values to three significant digits (tables keep full values, through `fmt`). */
export const fmtTip = (v: number, share: boolean) => (share ? formatPercent(v) : formatApproxUsdM(v));

/** The legend as HTML buttons: keyboard-usable cross-filters, there before the plot loads. */
export function StackedLegend({
  keys,
  onSelect,
  selected = [],
  overlay,
}: Pick<StackedChartProps, "keys" | "onSelect" | "selected" | "overlay">) {
  return (
    <ul className="mt-2 flex flex-wrap gap-1 text-xs" aria-label="Legend">
      {keys.map((k) => {
        const dimmed = selected.length > 0 && !selected.includes(k.key);
        const swatch = (
          <span
            aria-hidden="true"
            className="inline-block h-3 w-3 shrink-0 rounded-sm"
            style={{ background: k.color, opacity: dimmed ? 0.3 : 1 }}
          />
        );
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
      {overlay && (
        <li data-series="forecast" className="inline-flex items-center gap-1 px-1.5 py-0.5">
          <svg aria-hidden="true" width="22" height="12" className="shrink-0">
            {overlay.bands.map((b) => (
              <rect key={b.level} x="0" y="1" width="22" height="10" fill={overlay.color} fillOpacity={0.12} />
            ))}
            <line x1="1" x2="21" y1="6" y2="6" stroke={overlay.color} strokeWidth="2" strokeDasharray="4 3" />
          </svg>
          <span>
            {overlay.label}
            {overlay.bands.length > 0 && (
              <span className="text-slate-500 dark:text-slate-400">{`, shaded: ${overlay.bands.map((b) => `${b.level}%`).join(", ")} interval`}</span>
            )}
          </span>
        </li>
      )}
    </ul>
  );
}

/** The data (history, then the publisher's outlook) by member, with our forecast of the total as the last column. */
export function StackedTable({
  rows,
  keys,
  share,
  method,
  caption,
  overlay,
}: {
  rows: StackedRow[];
  keys: StackedKey[];
  share: boolean;
  method?: string;
  caption: string;
  overlay?: StackedOverlay;
}) {
  const ours = new Map((overlay?.points ?? []).slice(1).map((p) => [p.year, p.value]));
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(r) => String(r.year)}
      columns={[
        { key: "year", label: "Year", render: (r) => r.year },
        { key: "phase", label: "Basis", render: (r) => phaseWord(r.phase, method) },
        ...keys.map((k) => ({
          key: k.key,
          label: k.label,
          numeric: true,
          render: (r: StackedRow) => fmt(Number(r[k.key] ?? 0), share),
        })),
        ...(overlay
          ? [
              {
                key: "forecast",
                label: `${overlay.label}: total`,
                numeric: true,
                render: (r: StackedRow) => (ours.has(r.year) ? fmt(ours.get(r.year)!, share) : "–"),
              },
            ]
          : []),
      ]}
    />
  );
}
