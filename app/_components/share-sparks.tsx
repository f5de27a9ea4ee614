import { CATEGORICAL, FUTURE_SHADE } from "@/lib/chart/palette";
import { formatPercent } from "@/lib/market/presentation/format";
import { BASIS_LABEL } from "@/lib/market/presentation/labels";
import type { SharePoint } from "@/lib/server/story-page";

interface Line {
  key: string;
  label: string;
  points: SharePoint[];
}

const W = 320;
const H = 120;
const PAD = { l: 36, r: 8, t: 8, b: 18 };

/**
 * A small chart of a few segments' shares of the market over the years, drawn on the server: history
 * solid, the publisher's outlook years shaded and dashed, as on every chart. A table gives the
 * same numbers.
 */
export function ShareSparks({ id, lines, historyTo }: { id: string; lines: Line[]; historyTo: number }) {
  const shown = lines.filter((l) => l.points.length > 1);
  if (!shown.length) return null;
  const years = shown[0].points.map((p) => p.year);
  const first = years[0];
  const last = years[years.length - 1];
  const max = Math.max(0.01, ...shown.flatMap((l) => l.points.map((p) => p.share))) * 1.1;
  const x = (y: number) => PAD.l + ((y - first) / Math.max(1, last - first)) * (W - PAD.l - PAD.r);
  const y = (s: number) => PAD.t + (1 - s / max) * (H - PAD.t - PAD.b);
  const path = (pts: SharePoint[]) =>
    pts.map((p, i) => `${i ? "L" : "M"}${x(p.year).toFixed(1)},${y(p.share).toFixed(1)}`).join("");
  const color = (i: number) => CATEGORICAL[i % CATEGORICAL.length];
  const end = (l: Line) => l.points.find((p) => p.year === last)?.share ?? 0;
  const startShare = (l: Line) => l.points[0]?.share ?? 0;
  const summary = shown
    .map((l) => `${l.label} ${formatPercent(startShare(l))} in ${first}, ${formatPercent(end(l))} in ${last}`)
    .join("; ");
  return (
    <figure className="mt-3" aria-labelledby={`${id}-caption`}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="h-auto w-full max-w-md"
        role="img"
        aria-label={`Share of the market: ${summary}`}
      >
        <rect
          x={x(historyTo + 0.5)}
          y={PAD.t}
          width={x(last) - x(historyTo + 0.5)}
          height={H - PAD.t - PAD.b}
          fill={FUTURE_SHADE.color}
          opacity={FUTURE_SHADE.opacity}
        />
        <text x={x(historyTo + 0.5) + 3} y={PAD.t + 9} fontSize="8" className="fill-slate-600 dark:fill-slate-400">
          {BASIS_LABEL.outlook}
        </text>
        {[0, max / 2].map((t) => (
          <text
            key={t}
            x={PAD.l - 4}
            y={y(t) + 3}
            fontSize="8"
            textAnchor="end"
            className="fill-slate-600 dark:fill-slate-400"
          >
            {formatPercent(t)}
          </text>
        ))}
        <text x={PAD.l} y={H - 4} fontSize="8" className="fill-slate-600 dark:fill-slate-400">
          {first}
        </text>
        <text x={W - PAD.r} y={H - 4} fontSize="8" textAnchor="end" className="fill-slate-600 dark:fill-slate-400">
          {last}
        </text>
        {shown.map((l, i) => (
          <g key={l.key}>
            <path
              d={path(l.points.filter((p) => p.year <= historyTo))}
              fill="none"
              stroke={color(i)}
              strokeWidth="1.6"
            />
            <path
              d={path(l.points.filter((p) => p.year >= historyTo))}
              fill="none"
              stroke={color(i)}
              strokeWidth="1.6"
              strokeDasharray="3 2"
            />
          </g>
        ))}
      </svg>
      <figcaption id={`${id}-caption`} className="text-xs text-slate-600 dark:text-slate-400">
        <ul className="flex flex-wrap gap-x-3">
          {shown.map((l, i) => (
            <li key={l.key} className="flex items-center gap-1">
              <span aria-hidden className="inline-block h-2 w-3 rounded-sm" style={{ background: color(i) }} />
              {l.label}
            </li>
          ))}
        </ul>
        Share of the market, {BASIS_LABEL.modelled} {first}-{historyTo}, {BASIS_LABEL.outlook} (shaded, dashed){" "}
        {historyTo + 1}-{last}.
      </figcaption>
      <details className="mt-1 text-xs">
        <summary className="cursor-pointer text-slate-700 dark:text-slate-300">Table</summary>
        <table className="mt-1 tabular-nums">
          <caption className="sr-only">Share of the market by year</caption>
          <thead>
            <tr>
              <th scope="col" className="pr-2 text-left">
                Year
              </th>
              {shown.map((l) => (
                <th key={l.key} scope="col" className="pr-2 text-right">
                  {l.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {years.map((yr, k) => (
              <tr key={yr}>
                <th scope="row" className="pr-2 text-left font-normal">
                  {yr} {yr > historyTo ? `(${BASIS_LABEL.outlook})` : ""}
                </th>
                {shown.map((l) => (
                  <td key={l.key} className="pr-2 text-right">
                    {formatPercent(l.points[k]?.share ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
