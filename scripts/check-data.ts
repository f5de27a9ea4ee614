/**
 * `npm run check:data`: checks the loaded dataset through the data-access layer, as the app reads it.
 * Prints the published totals as served and the largest gap between any breakdown and its total,
 * over every year, for the whole market and for every single-member slice; then our forecast
 * (`auto`): the largest slice/market ratio of means and of 95% upper bounds over every single member
 * and every pair of members, and each member's forecast for the last year.
 * Exits 1 when a published total is not served exactly, a gap exceeds 0.01 (US$ M), or a slice's
 * forecast passes the market's.
 */
import { parseSeriesQuery } from "@/lib/market/query/filters";
import { maxBreakdownGap } from "@/lib/market/series/series";
import { DIMENSIONS, type MemberInfo } from "@/lib/market/types";
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
    ok &&= served === f.value;
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
  ok &&= await checkForecasts(members);
  if (!ok) process.exitCode = 1;
}

/** Our forecast over single members and pairs: no slice may pass the market, in mean or bound. */
async function checkForecasts(members: MemberInfo[]): Promise<boolean> {
  const market = (await view({ forecast: "auto" })).series[0].forecast;
  if (!market) return true;
  const slices: Record<string, string>[] = members.map((m) => ({ [m.dimension]: m.slug }));
  for (const [i, a] of members.entries())
    for (const b of members.slice(i + 1))
      slices.push(
        a.dimension === b.dimension
          ? { [a.dimension]: `${a.slug},${b.slug}` }
          : { [a.dimension]: a.slug, [b.dimension]: b.slug },
      );
  const worst = { mean: { r: 0, where: "" }, upper: { r: 0, where: "" } };
  for (const slice of slices) {
    const f = (await view({ ...slice, forecast: "auto" })).series[0].forecast;
    for (const [k, p] of (f?.points ?? []).entries()) {
      const m = market.points[k];
      const where = `${new URLSearchParams(slice)} ${p.year}`;
      if (p.mean / m.mean > worst.mean.r)
        worst.mean = { r: p.mean / m.mean, where: `${where}: ${p.mean.toFixed(1)} vs ${m.mean.toFixed(1)}` };
      if (p.upper["95"] / m.upper["95"] > worst.upper.r)
        worst.upper = {
          r: p.upper["95"] / m.upper["95"],
          where: `${where}: ${p.upper["95"].toFixed(1)} vs ${m.upper["95"].toFixed(1)}`,
        };
    }
  }
  console.log(`our forecast (auto) over ${slices.length} single members and pairs: largest slice/market ratio`);
  console.log(`  of means ${worst.mean.r.toFixed(3)} (${worst.mean.where})`);
  console.log(`  of 95% upper bounds ${worst.upper.r.toFixed(3)} (${worst.upper.where})`);
  const last = market.points[market.points.length - 1];
  const fmt = (p: typeof last) =>
    `${p.mean.toFixed(1)} (80% ${p.lower["80"].toFixed(1)}-${p.upper["80"].toFixed(1)}, 95% ${p.lower["95"].toFixed(1)}-${p.upper["95"].toFixed(1)})`;
  console.log(`  market ${last.year}: ${fmt(last)}`);
  const named: Record<string, string>[] = [{ vendor: "anthropic" }, { sector: "healthcare" }];
  for (const slice of named) {
    const f = (await view({ ...slice, forecast: "auto" })).series[0].forecast;
    const p = f?.points.find((q) => q.year === last.year);
    if (p) console.log(`  ${new URLSearchParams(slice)} ${last.year}: ${fmt(p)}`);
  }
  return worst.mean.r <= 1 && worst.upper.r <= 1;
}

main()
  .catch((error) => {
    console.error(`check:data failed: ${describeDbError(error)}`);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
