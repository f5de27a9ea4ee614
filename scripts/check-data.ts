/**
 * `npm run check:data`: checks the loaded dataset through the data-access layer, as the app reads it.
 * Prints the published totals as served and the largest gap between any breakdown and its total,
 * over every year, for the whole market and for every single-member slice.
 * Exits 1 when a published total is off by more than 0.5 or a gap exceeds 0.01 (US$ M).
 */
import { parseSeriesQuery } from "@/lib/market/query/filters";
import { maxBreakdownGap } from "@/lib/market/series/series";
import { DIMENSIONS } from "@/lib/market/types";
import { closeDb, describeDbError } from "@/lib/server/db";
import { getSeriesView } from "@/lib/server/market";
import { getFigures } from "@/lib/server/provenance";
import { getDataset, getMembers } from "@/lib/server/queries";

async function view(params: Record<string, string>) {
  const q = parseSeriesQuery(new URLSearchParams(params));
  if (!q.ok) throw new Error(q.problem.message);
  const r = await getSeriesView(q.value);
  if (!r.ok) throw new Error(r.problem.message);
  return r.view;
}

async function main() {
  const dataset = await getDataset();
  if (!dataset) throw new Error("no dataset loaded: run npm run db:seed");
  const [members, figures] = await Promise.all([getMembers(dataset.id), getFigures(dataset.id)]);
  let ok = true;
  const total = (await view({})).series[0];
  console.log(`Dataset ${dataset.id}`);
  for (const f of figures.filter((x) => x.basis === "published" && x.key.startsWith("total:"))) {
    const served = total.points.find((p) => p.year === f.year)?.value ?? NaN;
    const diff = Math.abs(served - (f.value ?? NaN));
    ok &&= diff <= 0.5;
    console.log(`published total ${f.year}: ${f.value} · served ${served} · difference ${diff.toExponential(2)}`);
  }
  const slices: Record<string, string>[] = [{}, ...members.map((m) => ({ [m.dimension]: m.slug }))];
  let worst = { gap: 0, where: "" };
  for (const slice of slices) {
    const t = (await view(slice)).series[0];
    for (const by of DIMENSIONS) {
      const gap = maxBreakdownGap((await view({ ...slice, by })).series, t);
      if (gap > worst.gap) worst = { gap, where: `${JSON.stringify(slice)} by ${by}` };
    }
  }
  ok &&= worst.gap <= 0.01;
  console.log(
    `largest breakdown-vs-total difference over ${slices.length} slices × ${DIMENSIONS.length} breakdowns × ${total.points.length} years: ` +
      `${worst.gap.toExponential(2)} US$ M${worst.where ? ` (${worst.where})` : ""}`,
  );
  if (!ok) process.exitCode = 1;
}

main()
  .catch((error) => {
    console.error(`check:data failed: ${describeDbError(error)}`);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
