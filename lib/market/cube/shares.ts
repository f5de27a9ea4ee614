/** Share interpolation for marginal definitions: linear between anchor years, flat outside them. */
import type { MarginalDefinition } from "./definition";

/**
 * The shares of `marginal` in `year`, normalised to sum to 1. Between two anchors each share is
 * interpolated linearly; before the first anchor and after the last the nearest anchor holds.
 * Members missing from an anchor count as 0 there (validateDefinition forbids that for datasets).
 */
export function interpolateShares(marginal: MarginalDefinition, year: number): Record<string, number> {
  if (marginal.anchors.length === 0) throw new Error(`marginal "${marginal.dimension}" has no anchors`);
  const anchors = [...marginal.anchors].sort((x, y) => x.year - y.year);
  const slugs = new Set<string>();
  for (const anchor of anchors) for (const slug of Object.keys(anchor.shares)) slugs.add(slug);

  const first = anchors[0];
  const last = anchors[anchors.length - 1];
  let raw: (slug: string) => number;
  if (year <= first.year) raw = (slug) => first.shares[slug] ?? 0;
  else if (year >= last.year) raw = (slug) => last.shares[slug] ?? 0;
  else {
    const upper = anchors.findIndex((a) => a.year >= year);
    const hi = anchors[upper];
    const lo = anchors[upper - 1];
    const w = (year - lo.year) / (hi.year - lo.year);
    raw = (slug) => (1 - w) * (lo.shares[slug] ?? 0) + w * (hi.shares[slug] ?? 0);
  }

  const out: Record<string, number> = {};
  let sum = 0;
  for (const slug of slugs) {
    out[slug] = raw(slug);
    sum += out[slug];
  }
  if (!(sum > 0)) throw new Error(`marginal "${marginal.dimension}" has no positive share in ${year}`);
  for (const slug of slugs) out[slug] /= sum;
  return out;
}
