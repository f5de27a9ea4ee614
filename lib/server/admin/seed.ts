import "server-only";
import { createHash } from "node:crypto";
import { fitDenseCube, validateDefinition } from "@/lib/market/cube/build-cube";
import type { DatasetDefinition } from "@/lib/market/cube/definition";
import { encodeCube, readHeader } from "@/lib/market/cube/packed";
import { DIMENSIONS, MEMBER_KIND } from "@/lib/market/types";
import type { Db } from "../db";

/** Bump when the cube builder changes its output for the same definition. */
export const CUBE_BUILDER_VERSION = 2;

/** JSON with sorted keys, so the same definition always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

export function definitionChecksum(def: DatasetDefinition): string {
  return createHash("sha256")
    .update(`cube-v${CUBE_BUILDER_VERSION}\n${canonicalJson(def)}`)
    .digest("hex");
}

export interface SeedResult {
  datasetId: string;
  created: boolean;
  facts: number;
}

/** A row of "Figure" as the seed writes it. */
interface FigureRow {
  datasetId: string;
  key: string;
  label: string;
  year?: number | null;
  value?: number | null;
  unit: string;
  basis: "published" | "modelled";
  source?: string | null;
  url?: string | null;
  publishedOn?: string | null;
  method?: string | null;
  assumptions?: string | null;
}

/** Rows as one array per column, for INSERT … SELECT FROM unnest(…). */
function columns(rows: unknown[][], width: number): unknown[][] {
  return Array.from({ length: width }, (_, c) => rows.map((r) => r[c]));
}

/** The content hash that names a packed cube: SHA-256 of its bytes, hex. */
export function cubeHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Loads a definition as a new dataset version, in one transaction. Idempotent: the same definition
 * (same checksum) adds nothing; a changed one becomes the next version and the old one stays.
 */
export interface StoreOptions {
  /** Who loaded it (email); null for setup's default data set. */
  createdBy?: string | null;
  /** The import it commits (at most once). */
  importId?: string | null;
  /** Fits and packs the cube elsewhere (a worker thread) instead of on the calling thread. */
  fit?: (def: DatasetDefinition) => Promise<Uint8Array>;
}

export async function seedDataset(prisma: Db, def: DatasetDefinition, options: StoreOptions = {}): Promise<SeedResult> {
  validateDefinition(def);
  const checksum = definitionChecksum(def);
  const existing = await prisma.dataset.findUnique({ where: { checksum }, select: { id: true } });
  if (existing) {
    await activateIfNone(prisma, def.key, existing.id);
    return { datasetId: existing.id, created: false, facts: 0 };
  }

  const bytes = options.fit ? await options.fit(def) : encodeCube(fitDenseCube(def));
  const { shape } = readHeader(bytes);
  const cells = shape.reduce((a, b) => a * b, 1);
  const hash = cubeHash(bytes);
  try {
    return await prisma.$transaction(
      async (tx) => {
        const last = await tx.dataset.findFirst({ where: { key: def.key }, orderBy: { version: "desc" } });
        const version = (last?.version ?? 0) + 1;
        const id = `${def.key}-v${version}`;
        // Content-addressed: a cube already stored (the same fit) is shared, not stored twice.
        await tx.$executeRawUnsafe(
          `INSERT INTO "Cube" (hash, cells, bytes) VALUES ($1, $2, $3) ON CONFLICT (hash) DO NOTHING`,
          hash,
          cells,
          bytes,
        );
        await tx.dataset.create({
          data: {
            id,
            key: def.key,
            version,
            title: def.title,
            publisher: def.publisher,
            edition: def.edition,
            currency: def.currency,
            unit: def.unit,
            firstYear: def.firstYear,
            historyTo: def.historyTo,
            lastYear: def.lastYear,
            checksum,
            cubeHash: hash,
            createdBy: options.createdBy ?? null,
            importId: options.importId ?? null,
            definition: JSON.parse(JSON.stringify(def)),
            // Stored beside the figures and covered by the content checksum (see the story migration).
            ...(def.story ? { story: JSON.parse(JSON.stringify(def.story)) } : {}),
            notes: def.notes,
            methodology: JSON.parse(
              JSON.stringify({
                marginals: def.marginals.map(({ dimension, method, sources, anchors }) => ({
                  dimension,
                  method,
                  sources,
                  anchors,
                })),
                affinities: def.affinities.map(({ a, b, reason }) => ({ a, b, reason })),
              }),
            ),
          },
        });
        // Members and figures go in as arrays, one statement each: an import adding a thousand
        // vendors brings ten thousand figures, which row-by-row parameters took seconds to send.
        const members = DIMENSIONS.flatMap((dim) =>
          def.members[dim].map((m, i) => [
            id,
            MEMBER_KIND[dim],
            m.slug,
            m.name,
            m.description,
            m.group ?? null,
            JSON.stringify(m.useCases ?? []),
            i,
          ]),
        );
        await tx.$executeRawUnsafe(
          `INSERT INTO "Member" ("datasetId", kind, slug, name, description, "group", "useCases", "sortOrder")
             SELECT d, k::"MemberKind", s, n, x, g, ARRAY(SELECT jsonb_array_elements_text(u)), o
             FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::int[])
               WITH ORDINALITY AS m(d, k, s, n, x, g, u, o, ord) ORDER BY ord`,
          ...columns(members, 8),
        );
        const figures: FigureRow[] = [
          ...def.totals.map((t) => ({
            datasetId: id,
            key: `total:${t.year}`,
            label: `Total market ${t.year}`,
            year: t.year,
            value: t.value,
            unit: def.unit,
            basis: t.basis,
            source: t.source?.label ?? null,
            url: t.source?.url ?? null,
            publishedOn: t.source?.date ?? null,
            method: t.basis === "modelled" ? t.note : null,
            assumptions: t.basis === "published" ? t.note : null,
          })),
          ...def.published
            .filter((p) => !def.totals.some((t) => `total:${t.year}` === p.key))
            .map((p) => ({
              datasetId: id,
              key: p.key,
              label: p.label,
              year: p.year ?? null,
              value: p.value,
              unit: p.unit,
              basis: "published" as const,
              source: p.source.label,
              url: p.source.url ?? null,
              publishedOn: p.source.date ?? null,
            })),
          ...def.marginals.map((m) => ({
            datasetId: id,
            key: `marginal:${m.dimension}`,
            label: `Split by ${m.dimension}`,
            unit: "share",
            basis: "modelled" as const,
            method: m.method,
            assumptions: m.sources.map((s) => `${s.label}${s.url ? ` (${s.url})` : ""}`).join("; "),
          })),
        ];
        await tx.$executeRawUnsafe(
          `INSERT INTO "Figure" ("datasetId", key, label, year, value, unit, basis, source, url, "publishedOn", method, assumptions)
             SELECT d, k, l, y, v, u, b::"Basis", s, w, p, m, a
             FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::float8[], $6::text[], $7::text[], $8::text[],
                         $9::text[], $10::text[], $11::text[], $12::text[])
               WITH ORDINALITY AS f(d, k, l, y, v, u, b, s, w, p, m, a, ord) ORDER BY ord`,
          ...columns(
            figures.map((f) => [
              f.datasetId,
              f.key,
              f.label,
              f.year ?? null,
              f.value ?? null,
              f.unit,
              f.basis,
              f.source ?? null,
              f.url ?? null,
              f.publishedOn ?? null,
              f.method ?? null,
              f.assumptions ?? null,
            ]),
            12,
          ),
        );
        const o = def.outlook;
        if (o)
          await tx.outlook.create({
            data: {
              datasetId: id,
              publisher: o.publisher,
              year: o.year,
              value: o.value,
              cagr: o.cagr,
              cagrFrom: o.cagrFrom,
              cagrTo: o.cagrTo,
              source: o.source.label,
              url: o.source.url ?? null,
              publishedOn: o.source.date ?? null,
            },
          });
        await tx.otherEstimate.createMany({
          data: def.otherEstimates.map((e, i) => ({
            datasetId: id,
            firm: e.firm,
            scope: e.scope,
            baseYear: e.baseYear,
            baseValue: e.baseValue,
            targetYear: e.targetYear ?? null,
            targetValue: e.targetValue ?? null,
            cagr: e.cagr ?? null,
            verification: e.verification,
            source: e.source.label,
            url: e.source.url ?? null,
            publishedOn: e.source.date ?? null,
            note: e.note ?? null,
            sortOrder: i,
          })),
        });
        // A new version becomes the active one, in the same transaction (the log is append-only).
        await tx.activation.create({
          data: { datasetKey: def.key, datasetId: id, actor: options.createdBy ?? null },
        });
        // Sealed as the load's last statement: it commits with the rows, and no row can join later.
        await tx.$queryRaw`SELECT "seal_dataset"(${id})::text AS checksum`;
        return { datasetId: id, created: true, facts: cells };
      },
      { timeout: 300_000, maxWait: 60_000 },
    );
  } catch (error) {
    // Two seeders racing on the same definition: the loser finds the winner's version.
    const again = await prisma.dataset.findUnique({ where: { checksum }, select: { id: true } });
    if (again) return { datasetId: again.id, created: false, facts: 0 };
    throw error;
  }
}

/**
 * A database loaded before the activation log existed: its newest sealed version is activated once,
 * so every key has an activation (the log alone decides which version is active: queries.ts).
 */
async function activateIfNone(prisma: Db, key: string, datasetId: string): Promise<void> {
  const any = await prisma.activation.findFirst({ where: { datasetKey: key }, select: { id: true } });
  if (!any) {
    const newest = await prisma.dataset.findFirst({
      where: { key, sealedAt: { not: null } },
      orderBy: { version: "desc" },
      select: { id: true },
    });
    await prisma.activation.create({ data: { datasetKey: key, datasetId: newest?.id ?? datasetId, actor: null } });
  }
}
