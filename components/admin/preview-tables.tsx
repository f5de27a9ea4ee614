import { movesLine } from "@/lib/import/safeguards";
import type { Change, ImportError, ModelledMoves, Preview, Removal } from "@/lib/import/types";

const usd = (v: number | null) => (v === null ? "—" : v.toLocaleString("en-US", { maximumFractionDigits: 2 }));
const TH = "px-2 py-1 text-left font-medium";
const TD = "px-2 py-1";

export function ChangesTable({ changes, caption }: { changes: Change[]; caption: string }) {
  return (
    <div className="max-h-[28rem] overflow-auto rounded border border-slate-200 dark:border-slate-800">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-slate-100 dark:bg-slate-800">
          <tr>
            <th className={TH}>Table</th>
            <th className={TH}>Member</th>
            <th className={TH}>Year</th>
            <th className={`${TH} text-right`}>From (US$ M)</th>
            <th className={`${TH} text-right`}>To (US$ M)</th>
            <th className={`${TH} text-right`}>Change</th>
            <th className={TH}>Basis</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={`${c.table}|${c.member}|${c.year}`} className="border-t border-slate-100 dark:border-slate-800">
              <td className={TD}>{c.table}</td>
              <td className={TD}>{c.label}</td>
              <td className={TD}>{c.year}</td>
              <td className={`${TD} text-right tabular-nums`}>{usd(c.from)}</td>
              <td className={`${TD} text-right tabular-nums`}>{usd(c.to)}</td>
              <td className={`${TD} text-right tabular-nums`}>
                {c.from === null
                  ? "new"
                  : c.from === 0
                    ? "—"
                    : `${c.to >= c.from ? "+" : ""}${(((c.to - c.from) / c.from) * 100).toFixed(2)}%`}
              </td>
              <td className={TD}>{c.basis}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The fit's moves: one line per table, the cells behind it on demand. */
export function ModelledMovesList({ moves, caption }: { moves: ModelledMoves[]; caption: string }) {
  if (moves.length === 0) return null;
  return (
    <div aria-label={caption} role="group" className="space-y-1">
      <h3 className="font-medium">{caption}</h3>
      {moves.map((m) => (
        <details key={m.table} className="text-sm">
          <summary className="cursor-pointer">{movesLine(m)}</summary>
          <div className="mt-1">
            <ChangesTable changes={m.changes} caption={`Modelled ${m.table} cells refitted`} />
          </div>
        </details>
      ))}
    </div>
  );
}

export function RemovalsTable({ removals, caption }: { removals: Removal[]; caption: string }) {
  return (
    <div className="max-h-[20rem] overflow-auto rounded border border-amber-300 dark:border-amber-800">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-amber-50 dark:bg-amber-950">
          <tr>
            <th className={TH}>Table</th>
            <th className={TH}>Member</th>
            <th className={TH}>Year</th>
            <th className={`${TH} text-right`}>From (US$ M)</th>
            <th className={`${TH} text-right`}>To (US$ M)</th>
            <th className={TH}>How</th>
          </tr>
        </thead>
        <tbody>
          {removals.map((r) => (
            <tr key={`${r.table}|${r.member}|${r.year}`} className="border-t border-amber-100 dark:border-amber-900">
              <td className={TD}>{r.table}</td>
              <td className={TD}>{r.label}</td>
              <td className={TD}>{r.year}</td>
              <td className={`${TD} text-right tabular-nums`}>{usd(r.from)}</td>
              <td className={`${TD} text-right tabular-nums`}>{usd(r.to === null ? null : Math.max(0, r.to))}</td>
              <td className={TD}>{r.given ? "set to 0 in the file" : "left out of the file"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PreviewTables({ name, preview }: { name: string; preview: Preview }) {
  const s = preview.summary;
  const minor = preview.minor ?? [];
  const count = preview.changes.length;
  const nothing = count === 0 && minor.length === 0 && preview.newMembers.length === 0 && !preview.removalCount;
  return (
    <div className="space-y-3">
      <h2 className="text-lg font-semibold">
        {nothing ? `${name}: no changes` : `${name}: ${count} change${count === 1 ? "" : "s"}`}
        {preview.removalCount > 0 &&
          `, ${preview.removalCount.toLocaleString("en-US")} removal${preview.removalCount === 1 ? "" : "s"}`}
      </h2>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        {s.rows} rows read, {s.given} figures given ({s.unchanged} unchanged), tables {s.tables.join(", ")}, years{" "}
        {s.years.length ? `${s.years[0]}-${s.years[s.years.length - 1]}` : "none"}.{" "}
        {s.newDataset ? (
          <strong>
            A new data set for {s.publisher} ({s.title}).
          </strong>
        ) : (
          <>
            A new version of <span className="font-mono">{s.datasetKey}</span>, built on{" "}
            <span className="font-mono">{s.baseId}</span>.
          </>
        )}{" "}
        Members left blank are modelled from the rest of each year&apos;s total.
      </p>
      {preview.warnings?.length > 0 && (
        <div
          role="alert"
          aria-label="Warnings"
          className="rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          <h3 className="font-semibold">Check before committing</h3>
          <ul className="list-inside list-disc">
            {preview.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      {preview.removalCount > 0 && (
        <div className="space-y-1">
          <h3 className="font-medium">
            Removed figures ({preview.removalCount.toLocaleString("en-US")})
            {preview.removalCount > preview.removals.length &&
              `: the first ${preview.removals.length.toLocaleString("en-US")} are listed`}
          </h3>
          <RemovalsTable removals={preview.removals} caption={`Figures ${name} removes`} />
        </div>
      )}
      {preview.newMembers.length > 0 && (
        <div>
          <h3 className="font-medium">New members ({preview.newMembers.length})</h3>
          <ul className="list-inside list-disc text-sm">
            {preview.newMembers.map((m) => (
              <li key={`${m.table}|${m.slug}`}>
                {m.name}{" "}
                <span className="text-slate-500">
                  ({m.table}, {m.slug})
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {count > 0 && (
        <div className="space-y-1">
          <h3 className="font-medium">Figures changed in the file ({count})</h3>
          <ChangesTable changes={preview.changes} caption={`Changes in ${name}`} />
        </div>
      )}
      {minor.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer">
            {minor.length.toLocaleString("en-US")} given figure{minor.length === 1 ? "" : "s"} changed by less than
            display rounding (0.05)
          </summary>
          <div className="mt-1">
            <ChangesTable changes={minor} caption={`Changes below display rounding in ${name}`} />
          </div>
        </details>
      )}
      <ModelledMovesList moves={preview.modelled ?? []} caption="Modelled cells the fit moves" />
    </div>
  );
}

export function ErrorTable({ errors }: { errors: ImportError[] }) {
  const sheets = errors.some((e) => e.sheet);
  return (
    <div className="max-h-[28rem] overflow-auto rounded border border-red-200 dark:border-red-900">
      <table className="w-full text-sm">
        <caption className="sr-only">Problems in the file</caption>
        <thead className="sticky top-0 bg-red-50 dark:bg-red-950">
          <tr>
            {sheets && <th className={TH}>Sheet</th>}
            <th className={TH}>Row</th>
            <th className={TH}>Column</th>
            <th className={TH}>Problem</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e, i) => (
            <tr key={i} className="border-t border-red-100 dark:border-red-900">
              {sheets && <td className={TD}>{e.sheet ?? ""}</td>}
              <td className={`${TD} tabular-nums`}>{e.row || "—"}</td>
              <td className={TD}>{e.column || "—"}</td>
              <td className={TD}>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
