import type { FigureInfo } from "@/lib/market/query/api";
import { formatPercent, formatUsdM } from "@/lib/market/presentation/format";

const value = (f: FigureInfo) =>
  f.value === null
    ? "–"
    : f.unit === "ratio"
      ? formatPercent(f.value)
      : f.unit === "US$ M"
        ? formatUsdM(f.value)
        : `${f.value} ${f.unit}`;

/** Every figure of the data set with its basis: published (source, link, date) or modelled (method). */
export function FiguresTable({ figures }: { figures: FigureInfo[] }) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Figures and their sources (table)">
      <table className="w-full border-collapse text-sm">
        <thead className="bg-slate-100 dark:bg-slate-800">
          <tr>
            {["Figure", "Value", "Basis", "Source or method"].map((h) => (
              <th key={h} scope="col" className="px-2 py-1 text-left font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {figures.map((f) => (
            <tr key={f.key} className="border-t border-slate-200 align-top dark:border-slate-700">
              <th scope="row" className="px-2 py-1 text-left font-normal">
                {f.label}
              </th>
              <td className="px-2 py-1 whitespace-nowrap tabular-nums">{value(f)}</td>
              <td className="px-2 py-1">
                <span
                  className={
                    f.basis === "published"
                      ? "font-semibold text-green-800 dark:text-green-300"
                      : "text-slate-700 dark:text-slate-300"
                  }
                >
                  {f.basis}
                </span>
              </td>
              <td className="px-2 py-1">
                {f.basis === "published" ? (
                  <>
                    {f.url ? (
                      <a
                        href={f.url}
                        className="text-blue-800 underline dark:text-blue-300"
                        rel="noreferrer"
                        target="_blank"
                      >
                        {f.source ?? f.url}
                      </a>
                    ) : (
                      f.source
                    )}
                    {f.publishedOn ? ` (${f.publishedOn})` : ""}
                  </>
                ) : (
                  <>
                    {f.method}
                    {f.assumptions ? (
                      <span className="block text-xs text-slate-600 dark:text-slate-400">{f.assumptions}</span>
                    ) : null}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
