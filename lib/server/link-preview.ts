import "server-only";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { describeStacked, describeTotal } from "@/lib/chart/describe";
import type { ChartDescription } from "@/lib/chart/description";
import { describeFilters, stackedRows, sumForecasts } from "@/lib/market/presentation/describe";
import type { RawParams } from "@/lib/market/query/filters";
import { filtersOf, forecastParam, memberFilters, parseViewState } from "@/lib/market/query/view-state";
import { canonicalQueryKey, VIEW_KEY_DEFAULTS } from "@/lib/market/query/key";
import { dimensionLabel } from "@/lib/market/presentation/labels";
import type { Dimension } from "@/lib/market/types";
import { getPageContext, getSeriesView } from "./market";

/**
 * Link previews: the title, filters and main chart of any view, for Open Graph and Twitter cards.
 * The image (app/og/route.tsx) is drawn from the same chart description the page draws.
 */

export type PreviewPage =
  { kind: "overview" } | { kind: "explore" } | { kind: "sector" | "vendor" | "type"; slug: string };

export function pageFromPath(path: string): PreviewPage | null {
  const parts = path.split("/").filter(Boolean);
  if (parts.length === 0) return { kind: "overview" };
  if (parts.length === 1 && parts[0] === "explore") return { kind: "explore" };
  const kinds = { sectors: "sector", vendors: "vendor", types: "type" } as const;
  if (parts.length === 2 && Object.hasOwn(kinds, parts[0]) && /^[a-z0-9-]{1,80}$/.test(parts[1]))
    return { kind: kinds[parts[0] as keyof typeof kinds], slug: parts[1] };
  return null;
}

export function pathOf(page: PreviewPage): string {
  return page.kind === "overview" ? "/" : page.kind === "explore" ? "/explore" : `/${page.kind}s/${page.slug}`;
}

export interface LinkPreview {
  title: string;
  /** Filters and years, worded: "Vendor: OpenAI · 2021-2032". */
  filters: string;
  chart: ChartDescription;
  datasetId: string;
  publisher: string;
  /** Query string of the preview image: the view's own parameters, pinned to the data set version. */
  imageQuery: string;
}

export async function linkPreview(page: PreviewPage, params: RawParams): Promise<LinkPreview | null> {
  const ctx = await getPageContext(params);
  if (!ctx) return null;
  const { state, dataset: ds, members } = ctx;
  const member =
    page.kind === "sector" || page.kind === "vendor" || page.kind === "type"
      ? members.find((m) => m.dimension === page.kind && m.slug === page.slug)
      : undefined;
  if ((page.kind === "sector" || page.kind === "vendor" || page.kind === "type") && !member) return null;
  const dim = page.kind as Dimension;
  const filters = member ? memberFilters(state, dim, member.slug) : filtersOf(state);
  const onPage = page.kind === "explore" ? { from: state.from, to: state.to } : { from: ds.firstYear, to: ds.lastYear };
  const by = page.kind === "explore" ? state.by : "total";
  const forecast = page.kind === "explore" ? forecastParam(state.method) : "auto";
  const result = await getSeriesView({ by, ...filters, ...onPage, dataset: ds.id, forecast });
  if (!result.ok) return null;
  const series = result.view.series;
  const title =
    page.kind === "overview"
      ? "Large-scale AI Models market, global"
      : page.kind === "explore"
        ? by === "total"
          ? "Total market"
          : `Market by ${dimensionLabel(by).toLowerCase()}${state.view === "share" ? " (share)" : ""}`
        : `${member!.name}: ${page.kind === "vendor" ? "estimated value" : "size and forecast"}`;
  const filterLine = describeFilters(filters, members, onPage.from, onPage.to);
  const common = {
    id: "preview",
    title,
    subtitle: filterLine,
    historyTo: ds.historyTo,
    publisher: ds.publisher,
    datasetId: ds.id,
    currency: ds.currency,
    permalink: "",
  };
  let chart: ChartDescription;
  if (by === "total") {
    if (!series[0]) return null;
    chart = describeTotal({ ...common, series: series[0], showOutlook: true });
  } else {
    const share = state.view === "share";
    // As on screen: the bars show the data (history, then the outlook); our forecast of the total is an overlay.
    const rows = stackedRows(series, ds.historyTo, { useForecast: false, share });
    const memberOrder = members.filter((m) => m.dimension === by).map((m) => m.slug);
    chart = describeStacked({
      ...common,
      rows,
      keys: series,
      share,
      memberOrder,
      forecast: forecast === "none" ? null : sumForecasts(series),
    });
  }
  // The view's URL as the page read it (without the compared slices, which the image does not
  // show), pinned to the version, in its canonical spelling: equivalent views share one image.
  const view = { ...parseViewState(params).value, ca: [], cb: [], dataset: ds.id };
  const imageQuery = `page=${encodeURIComponent(pathOf(page))}&${canonicalQueryKey(view, VIEW_KEY_DEFAULTS)}`;
  return { title, filters: filterLine, chart, datasetId: ds.id, publisher: ds.publisher, imageQuery };
}

/** Open Graph and Twitter metadata for a view: its title, filters and the image of its main chart. */
export async function viewMetadata(page: PreviewPage, params: RawParams, title?: Metadata["title"]): Promise<Metadata> {
  const p = await linkPreview(page, params).catch(() => null);
  if (!p) return title ? { title } : {};
  const description = `${p.filters} · ${p.publisher} data, dataset ${p.datasetId}; history, outlook and our forecast.`;
  const image = { url: `/og?${p.imageQuery}`, width: 1200, height: 630, alt: `${p.title}: ${p.filters}` };
  return {
    metadataBase: await siteOrigin(),
    title: title ?? p.title,
    description,
    openGraph: {
      type: "website",
      siteName: "Large-scale AI Models market",
      title: p.title,
      description,
      images: [image],
    },
    twitter: { card: "summary_large_image", title: p.title, description, images: [image.url] },
  };
}

/** The origin the request came in on, so preview URLs are absolute for the chat tool that fetches them. */
async function siteOrigin(): Promise<URL | undefined> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host");
  if (!host || !/^[a-z0-9.:[\]-]+$/i.test(host)) return undefined;
  const proto =
    h.get("x-forwarded-proto") === "https" ? "https" : /^(localhost|127\.0\.0\.1)(:|$)/.test(host) ? "http" : "https";
  return new URL(`${proto}://${host}`);
}
