import Link from "next/link";
import { formatApproxUsdM, formatPercent } from "@/lib/market/presentation/format";
import { sharesInYear } from "@/lib/market/series/series";
import type { Dimension, MemberInfo, Series } from "@/lib/market/types";

interface Props {
  dimension: Dimension;
  basePath: string;
  members: MemberInfo[];
  series: Series[];
  year: number;
  describe: (m: MemberInfo) => string;
}

/** Cards linking to each member's page, with its modelled value and share in one year. */
export function MemberIndex({ dimension, basePath, members, series, year, describe }: Props) {
  const shares = new Map(sharesInYear(series, year).map((r) => [r.key, r]));
  const list = members
    .filter((m) => m.dimension === dimension)
    .sort((a, b) => (shares.get(b.slug)?.value ?? 0) - (shares.get(a.slug)?.value ?? 0));
  return (
    <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3 min-[2200px]:grid-cols-4">
      {list.map((m) => {
        const s = shares.get(m.slug);
        return (
          <li
            key={m.slug}
            className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
          >
            <h2 className="font-semibold">
              <Link
                href={`${basePath}/${m.slug}`}
                className="text-blue-800 underline-offset-2 hover:underline dark:text-blue-300"
              >
                {m.name}
              </Link>
            </h2>
            <p className="text-xs text-slate-600 dark:text-slate-400">{describe(m)}</p>
            {s && (
              <p className="mt-1 text-sm tabular-nums">
                {year}: {formatApproxUsdM(s.value)} · {formatPercent(s.share)} of the market{" "}
                <span className="text-xs text-slate-600 dark:text-slate-400">(modelled)</span>
              </p>
            )}
            <p className="mt-2 line-clamp-3 text-sm text-slate-700 dark:text-slate-300">{m.description}</p>
          </li>
        );
      })}
    </ul>
  );
}
