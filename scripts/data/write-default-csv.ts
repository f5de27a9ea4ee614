/**
 * Writes prisma/data/default-dataset.csv, the default data set's figures in the import format, from
 * the reference definition in prisma/data/*.ts: each year's total, and each split's members at its
 * anchor years (share × total, modelled). Usage: npx tsx scripts/data/write-default-csv.ts
 */
import fs from "node:fs";
import path from "node:path";
import { writeCsv } from "@/lib/import/csv";
import { defaultDataset as def } from "@/prisma/data/default-dataset";

const rows: (string | number)[][] = [["table", "member", "year", "value", "basis"]];
const source = def.totals.find((t) => t.basis === "published")?.source?.url;
for (const [field, value] of [
  ["title", def.title],
  ["publisher", def.publisher],
  ["edition", def.edition],
  ["unit", def.unit],
  ["currency", def.currency],
  ["history_to", String(def.historyTo)],
  ["source_url", source ?? ""],
]) {
  if (value) rows.push(["meta", field, "", value, ""]);
}
for (const t of def.totals) rows.push(["total", "total", t.year, String(t.value), t.basis]);
for (const m of def.marginals) {
  for (const anchor of m.anchors) {
    const total = def.totals.find((t) => t.year === anchor.year)!.value;
    for (const member of def.members[m.dimension]) {
      rows.push([m.dimension, member.slug, anchor.year, String(anchor.shares[member.slug] * total), "modelled"]);
    }
  }
}
const file = path.join(process.cwd(), "prisma", "data", "default-dataset.csv");
fs.writeFileSync(file, writeCsv(rows));
console.log(`Wrote ${rows.length - 1} rows to ${path.relative(process.cwd(), file)}`);
