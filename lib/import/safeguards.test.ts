import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv";
import { changesFigures, compareVersions, previewImport } from "./diff";
import { findLosses, mapMemberName, movesLine, projectDefinition, suggestMembers } from "./safeguards";
import { cellKey, type Basis, type DatasetTables, type ValidatedImport } from "./types";
import { validateImport } from "./validate";

const enc = (s: string) => new TextEncoder().encode(s);
const m = (value: number, basis: Basis = "modelled") => ({ value, basis });

/** Two years, two types, three vendors; vendors and types sum to the totals. */
function baseTables(): DatasetTables {
  return {
    meta: { title: "T", publisher: "P", edition: "E", unit: "US$ M", currency: "USD" },
    firstYear: 2024,
    lastYear: 2025,
    historyTo: 2024,
    members: {
      type: [
        { slug: "llm", name: "Large language" },
        { slug: "vision", name: "Vision" },
      ],
      sector: [],
      vendor: [
        { slug: "openai", name: "OpenAI" },
        { slug: "google", name: "Google" },
        { slug: "anthropic", name: "Anthropic" },
      ],
      region: [],
    },
    values: new Map([
      [cellKey("total", "total", 2024), m(1000, "published")],
      [cellKey("total", "total", 2025), m(1200, "published")],
      [cellKey("type", "llm", 2024), m(600)],
      [cellKey("type", "vision", 2024), m(400)],
      [cellKey("type", "llm", 2025), m(700)],
      [cellKey("type", "vision", 2025), m(500)],
      [cellKey("vendor", "openai", 2024), m(500)],
      [cellKey("vendor", "google", 2024), m(300)],
      [cellKey("vendor", "anthropic", 2024), m(200)],
      [cellKey("vendor", "openai", 2025), m(600)],
      [cellKey("vendor", "google", 2025), m(350)],
      [cellKey("vendor", "anthropic", 2025), m(250)],
    ]),
  };
}

/** The base as a CSV export, each line passed through `edit` (null drops it). */
function exportCsv(t: DatasetTables, edit: (row: string[]) => string[] | null = (r) => r): string {
  const lines = ["table,member,year,value,basis"];
  for (const [key, cell] of t.values) {
    const [table, member, year] = key.split("|");
    const row = edit([table, member, year, String(cell.value), cell.basis]);
    if (row) lines.push(row.join(","));
  }
  return lines.join("\n") + "\n";
}

function validated(csv: string, t: DatasetTables): ValidatedImport {
  const v = validateImport(parseCsv(enc(csv)), t, { newDataset: false });
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.value;
}

/** The fit's targets the way applyImport sets them: given shares, the rest of the total shared by the others. */
function projection(v: ValidatedImport, t: DatasetTables) {
  const totals = [2024, 2025].map((year) => ({
    year,
    value:
      v.given.find((g) => g.table === "total" && g.year === year)?.value ?? t.values.get(`total|total|${year}`)!.value,
  }));
  const marginals = (["type", "vendor"] as const).map((dim) => ({
    dimension: dim,
    anchors: totals.map(({ year, value }) => {
      const slugs = [
        ...t.members[dim].map((x) => x.slug),
        ...v.newMembers.filter((n) => n.table === dim).map((n) => n.slug),
      ];
      const shares: Record<string, number> = {};
      let rest = value;
      for (const s of slugs) {
        const g = v.given.find((x) => x.table === dim && x.slug === s && x.year === year);
        if (g) {
          shares[s] = g.value / value;
          rest -= g.value;
        }
      }
      const blanks = slugs.filter((s) => !(s in shares));
      for (const s of blanks) shares[s] = Math.max(0, rest) / value / blanks.length;
      return { year, shares };
    }),
    method: "",
    sources: [],
  }));
  return projectDefinition({ totals: totals.map((x) => ({ ...x, basis: "published" as const, note: "" })), marginals });
}

const info = { newDataset: false, datasetKey: "k", baseId: "k-v1", publisher: "P", title: "T" };

describe("an import never loses a figure silently", () => {
  it("a renamed row: the old member's year is a removal, valued at what remains, and 'did you mean' names it", () => {
    const t = baseTables();
    const csv = exportCsv(t, (r) => (r[1] === "openai" && r[2] === "2025" ? [r[0], "Open-AI Inc", ...r.slice(2)] : r));
    const v = validated(csv, t);
    const p = previewImport(v, t, info, projection(v, t));
    expect(p.removalCount).toBe(1);
    expect(p.removals[0]).toMatchObject({
      table: "vendor",
      member: "openai",
      label: "OpenAI",
      year: 2025,
      from: 600,
      given: false,
    });
    expect(p.removals[0].to).toBeCloseTo(0, 9);
    expect(p.suggestions).toEqual([
      expect.objectContaining({ slug: "open-ai-inc", existing: { slug: "openai", name: "OpenAI" }, reason: "name" }),
    ]);
    expect(p.warnings).toEqual([
      "OpenAI (vendor) 2025: 600 → 0, left out of the file",
      "new member 'Open-AI Inc': did you mean 'OpenAI'? OpenAI would lose 2025.",
    ]);
    expect(changesFigures(p)).toBe(true);
  });

  it("a new member filling a year an existing one left empty is flagged by that year", () => {
    const t = baseTables();
    const csv = exportCsv(t, (r) => (r[1] === "google" && r[2] === "2024" ? [r[0], "Zeta Systems", ...r.slice(2)] : r));
    const v = validated(csv, t);
    const losses = findLosses(v, t);
    const s = suggestMembers(v, t, losses.removals);
    expect(s).toEqual([
      expect.objectContaining({ name: "Zeta Systems", existing: { slug: "google", name: "Google" }, reason: "year" }),
    ]);
    expect(s[0].message).toBe("new member 'Zeta Systems': did you mean 'Google'? Google would lose 2024.");
  });

  it("a figure set to 0 is a removal given in the file", () => {
    const t = baseTables();
    const csv = exportCsv(t, (r) =>
      r[1] === "anthropic" && r[2] === "2024"
        ? [r[0], r[1], r[2], "0", r[4]]
        : r[1] === "google" && r[2] === "2024"
          ? [r[0], r[1], r[2], "500", r[4]]
          : r,
    );
    const v = validated(csv, t);
    const p = previewImport(v, t, info, projection(v, t));
    expect(p.removals).toEqual([
      { table: "vendor", member: "anthropic", label: "Anthropic", year: 2024, from: 200, to: 0, given: true },
    ]);
    expect(p.warnings[0]).toBe("Anthropic (vendor) 2024: 200 → 0, set to 0 in the file");
    expect(p.suggestions).toEqual([]);
  });

  it("a whole table, a year, a breakdown or a member left out is named once, at its widest", () => {
    const t = baseTables();
    const noVendors = findLosses(
      validated(
        exportCsv(t, (r) => (r[0] === "vendor" ? null : r)),
        t,
      ),
      t,
    );
    expect(noVendors.removalCount).toBe(6);
    expect(noVendors.shrinks.map((s) => [s.kind, s.table, s.year, s.figures])).toEqual([["table", "vendor", null, 6]]);
    expect(noVendors.warnings).toEqual([
      "the file leaves out the whole vendor table (6 figures): they would be modelled, not kept",
    ]);
    const noYear = findLosses(
      validated(
        exportCsv(t, (r) => (r[2] === "2025" ? null : r)),
        t,
      ),
      t,
    );
    expect(noYear.shrinks.map((s) => [s.kind, s.year, s.figures])).toEqual([["year", 2025, 6]]);
    const noBreakdown = findLosses(
      validated(
        exportCsv(t, (r) => (r[0] === "type" && r[2] === "2025" ? null : r)),
        t,
      ),
      t,
    );
    expect(noBreakdown.shrinks.map((s) => [s.kind, s.table, s.year, s.figures])).toEqual([
      ["breakdown", "type", 2025, 2],
    ]);
    const noMember = findLosses(
      validated(
        exportCsv(t, (r) => (r[1] === "google" ? null : r)),
        t,
      ),
      t,
    );
    expect(noMember.shrinks.map((s) => s.message)).toEqual([
      "the file leaves out Google (vendor) entirely (2 figures)",
    ]);
    const whole = findLosses(validated(exportCsv(t), t), t);
    expect(whole).toEqual({ removals: [], removalCount: 0, shrinks: [], warnings: [] });
  });

  it("mapping a file's name to an existing member leaves nothing removed and no new member", () => {
    const t = baseTables();
    const csv = exportCsv(t, (r) =>
      r[1] === "openai" && r[2] === "2025"
        ? [
            r[0],
            mapMemberName("vendor", "Open-AI Inc", [{ table: "vendor", from: "open-ai inc", to: "openai" }]),
            ...r.slice(2),
          ]
        : r,
    );
    const v = validated(csv, t);
    const p = previewImport(v, t, info, projection(v, t));
    expect([p.removalCount, p.newMembers.length, p.suggestions.length, changesFigures(p)]).toEqual([0, 0, 0, false]);
    expect(mapMemberName("vendor", "Someone Else", [{ table: "vendor", from: "Open-AI Inc", to: "openai" }])).toBe(
      "Someone Else",
    );
  });
});

describe("changes are what the analyst changed", () => {
  it("lists a given change beyond display rounding, keeps smaller ones apart, sums up the cells the fit moves", () => {
    const t = baseTables();
    const csv = exportCsv(t, (r) => {
      if (r[1] === "openai" && r[2] === "2025") return [r[0], r[1], r[2], "600.9", r[4]];
      if (r[1] === "google" && r[2] === "2024") return [r[0], r[1], r[2], "300.01", r[4]];
      return r;
    });
    const v = validated(csv, t);
    const p = previewImport(v, t, info, projection(v, t));
    expect(p.changes.map((c) => [c.member, c.year, c.from, c.to])).toEqual([["openai", 2025, 600, 600.9]]);
    expect(p.minor.map((c) => [c.member, c.year])).toEqual([["google", 2024]]);
    expect(p.removalCount).toBe(0);
    // The vendors now sum to 1,200.9 (2025) and 1,000.01 (2024) against their totals: the fit scales the others.
    expect(p.modelled.map((x) => [x.table, x.cells])).toEqual([["vendor", 4]]);
    expect(movesLine(p.modelled[0])).toMatch(/^vendor: 4 modelled cells refitted; largest move 0\.07%$/);
  });

  it("compares versions: the analyst's change first, the refit one line per table, removals apart", () => {
    const a = baseTables();
    const b = baseTables();
    b.values.set(cellKey("vendor", "openai", 2025), m(640));
    b.values.set(cellKey("vendor", "google", 2025), m(330.0001));
    b.values.set(cellKey("vendor", "anthropic", 2025), m(229.9999));
    b.values.set(cellKey("type", "llm", 2024), m(600.00001));
    b.values.set(cellKey("type", "vision", 2024), m(399.99999));
    b.values.delete(cellKey("type", "vision", 2025));
    const d = compareVersions(a, b, { from: "v1", to: "v2" }, new Set(["vendor|openai|2025"]));
    expect(d.relation).toBe("import");
    expect(d.changes.map((c) => [c.member, c.year, c.from, c.to])).toEqual([["openai", 2025, 600, 640]]);
    expect(d.modelled.map((x) => [x.table, x.cells, x.changes[0].member])).toEqual([
      ["type", 2, "vision"],
      ["vendor", 2, "anthropic"],
    ]);
    expect(d.removed.map((r) => [r.member, r.year, r.from, r.to])).toEqual([["vision", 2025, 500, null]]);
    // Unrelated versions: every figure that moved visibly is listed, the rest summed up.
    const u = compareVersions(a, b, { from: "v1", to: "v2" }, null);
    expect(u.relation).toBe("versions");
    expect(u.changes.map((c) => c.member)).toEqual(["anthropic", "google", "openai"]);
    expect(u.modelled.map((x) => [x.table, x.cells])).toEqual([["type", 2]]);
  });
});
