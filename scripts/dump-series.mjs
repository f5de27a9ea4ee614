// `npm run dump:series -- --base http://127.0.0.1:3000 [--dataset ID] > dump.json`: every number
// /api/v1/series serves for a data set version, as canonical JSON (sorted keys), so two builds can
// be compared with `diff` or `--compare a.json b.json`. It asks for every single-dimension breakdown
// (total, type, sector, vendor, region, group) with no forecast and with each forecast method, and
// the total of every single member with the default forecast. Only numbers and their basis are kept:
// what a reader sees, not how the answer is wrapped.
import fs from "node:fs";

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};

function numbersOf(view) {
  return view.series.map((s) => ({
    key: s.key,
    points: s.points.map((p) => [p.year, p.value, p.basis]),
    forecast: s.forecast
      ? {
          method: s.forecast.method,
          points: s.forecast.points.map((p) => [
            p.year,
            p.value,
            ...Object.keys(p)
              .filter((k) => k !== "year" && k !== "value")
              .sort()
              .map((k) => [k, p[k]]),
          ]),
        }
      : null,
  }));
}

async function dump(base, dataset) {
  const get = async (query) => {
    const url = `${base}/api/v1/series?${query}${dataset ? `&dataset=${dataset}` : ""}`;
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const out = {};
  const methods = [
    "none",
    "auto",
    "naive",
    "drift",
    "loglinear",
    "ses",
    "holt",
    "damped",
    "ets",
    "theta",
    "otm",
    "dotm",
    "comb",
  ];
  for (const by of ["total", "type", "sector", "vendor", "region", "group"])
    for (const forecast of methods) {
      const q = `by=${by}&forecast=${forecast}`;
      out[q] = numbersOf(await get(q));
    }
  const members = (await get("by=type")).dataset;
  const dims = {};
  for (const by of ["type", "sector", "vendor", "region"]) dims[by] = (await get(`by=${by}`)).series.map((s) => s.key);
  for (const [dim, keys] of Object.entries(dims))
    for (const key of keys) {
      const q = `by=total&${dim}=${key}&forecast=auto`;
      out[q] = numbersOf(await get(q));
    }
  return { dataset: members.id, answers: out };
}

if (args[0] === "--compare") {
  const [a, b] = [args[1], args[2]].map((f) => JSON.parse(fs.readFileSync(f, "utf8")));
  let same = 0;
  const differ = [];
  for (const q of new Set([...Object.keys(a.answers), ...Object.keys(b.answers)])) {
    if (JSON.stringify(a.answers[q]) === JSON.stringify(b.answers[q])) same++;
    else differ.push(q);
  }
  const numbers = (d) => JSON.stringify(d.answers).match(/-?\d+(\.\d+)?(e-?\d+)?/g)?.length ?? 0;
  console.log(`${same} answers identical, ${differ.length} differ (${numbers(a)} vs ${numbers(b)} numbers)`);
  for (const q of differ.slice(0, 20)) console.log(`  differs: ${q}`);
  process.exit(differ.length ? 1 : 0);
} else {
  const result = await dump(arg("base", "http://127.0.0.1:3000").replace(/\/$/, ""), arg("dataset"));
  process.stdout.write(JSON.stringify(result) + "\n");
}
