// `npm run bench:cluster`: starts the scale-out topology (scripts/cluster.mjs: a primary, a streaming
// replica, two instances, HAProxy), measures, stops it, and ends with one line:
//   cluster: 2 instances R2 req/s p97.5 P2 ms; 1 instance R1 req/s p97.5 P1 ms; failed during kill F;
//   invalidation D ms; replica reads yes|no
// - R2/P2: the dashboard page (`/`) through HAProxy, both instances; R1/P1: the same load straight
//   at one instance, in the same run (autocannon, BENCH_CONNECTIONS connections, BENCH_SECONDS s each).
// - F: requests failed (errors, timeouts, 5xx) through HAProxy while one instance is stopped under
//   that load (SIGTERM, SIGKILL if it has not exited within 20 s).
// - D: from the answer of an import's commit on instance A to the first page of instance B naming
//   the new version.
// - replica reads: whether the instances' reads of dataset versions went to the replica (the reads
//   their ready reports count), and the replica says it is one (pg_is_in_recovery()).
// Needs the production build (npm run build), Debian's postgresql and haproxy. The load generator
// runs on the same cores as everything else: see the README on what that can show.
import autocannon from "autocannon";
import pg from "pg";
import { startCluster } from "./cluster.mjs";

const PORT = Number(process.env.CLUSTER_PORT || 3540);
const PG_PORT = Number(process.env.CLUSTER_PG_PORT || 55450);
const SECONDS = Number(process.env.BENCH_SECONDS || 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 16);
const PAGE = process.env.BENCH_PATH || "/";
const ADMIN = { email: "bench-admin@example.com", password: "bench-admin-password" };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const say = (line) => console.log(`bench:cluster: ${line}`);

async function load(url, seconds = SECONDS) {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: seconds });
  return {
    rps: r.requests.average,
    p975: r.latency.p97_5,
    failed: r.errors + r.timeouts + (r["5xx"] ?? 0),
    total: r.requests.total,
  };
}

/** Reads instance `base` has sent to its replica since start (its ready report). */
async function replicaReads(base) {
  const health = await (await fetch(`${base}/api/health/ready`)).json();
  return health.replicas?.reads ?? 0;
}

/** Asks the replica itself that it is one. */
async function inRecovery(url) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query("SELECT pg_is_in_recovery() AS r")).rows[0].r === true;
  } finally {
    await c.end();
  }
}

const headerVersion = async (base) =>
  /Dataset <span class="font-mono">([^<]+)<\/span>/.exec(await (await fetch(`${base}/sign-in`)).text())?.[1];

/** Imports the active version with one vendor's 2023 figure moved to "Others" through `base`; the commit's answer time and the new id. */
async function importThrough(base, origin) {
  const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify(ADMIN),
  });
  if (signIn.status !== 200) throw new Error(`sign-in answered ${signIn.status}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const active = await headerVersion(base);
  const lines = (await (await fetch(`${base}/api/v1/datasets/${active}/export?format=csv`)).text()).split("\n");
  const bump = (prefix, by) => {
    const i = lines.findIndex((l) => l.startsWith(prefix));
    if (i < 0) throw new Error(`the export has no row ${prefix}`);
    const cells = lines[i].split(",");
    cells[3] = String(Math.round((Number(cells[3]) + by) * 1e6) / 1e6);
    lines[i] = cells.join(",");
  };
  const vendor = lines.find((l) => /^vendor,[^,]+,2023,/.test(l) && !l.startsWith("vendor,others,"));
  bump(vendor.split(",").slice(0, 3).join(",") + ",", -1);
  bump("vendor,others,2023,", +1);
  const form = new FormData();
  form.set("file", new File([lines.join("\n")], "bench.csv", { type: "text/csv" }));
  const staged = await fetch(`${base}/api/v1/imports`, { method: "POST", headers: { cookie, origin }, body: form });
  const preview = await staged.json();
  if (staged.status !== 201) throw new Error(`import answered ${staged.status}: ${JSON.stringify(preview)}`);
  const commit = await fetch(`${base}/api/v1/imports/${preview.id}/commit`, {
    method: "POST",
    headers: { cookie, origin },
  });
  const at = performance.now();
  const body = await commit.json();
  if (commit.status >= 300) throw new Error(`commit answered ${commit.status}: ${JSON.stringify(body)}`);
  return { at, id: body.dataset.id };
}

const cluster = await startCluster({
  port: PORT,
  pgPort: PG_PORT,
  // The commit answers once its version is stored (201), so D starts when it is committed.
  env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, COMMIT_WAIT_MS: "60000" },
  say,
});
let line;
try {
  const [a, b] = cluster.instances;
  say(`warming ${PAGE}`);
  await autocannon({ url: `${cluster.url}${PAGE}`, connections: 4, duration: 3 });
  await autocannon({ url: `${a.url}${PAGE}`, connections: 4, duration: 2 });

  say(`${CONNECTIONS} connections for ${SECONDS} s through HAProxy (2 instances)`);
  const two = await load(`${cluster.url}${PAGE}`);
  say(`${CONNECTIONS} connections for ${SECONDS} s straight at instance a (1 instance)`);
  const one = await load(`${a.url}${PAGE}`);
  if (two.failed || one.failed)
    say(`failed requests during the measures: 2 instances ${two.failed}, 1 instance ${one.failed}`);

  say("invalidation: an import committed through instance a, polled on instance b");
  const readsBefore = await replicaReads(b.url);
  const readsAtStart = (await replicaReads(a.url)) + readsBefore;
  const { at, id } = await importThrough(a.url, cluster.url);
  let delay = null;
  while (performance.now() - at < 10_000) {
    if ((await headerVersion(b.url)) === id) {
      delay = performance.now() - at;
      break;
    }
    await sleep(10);
  }
  // Instance b's dashboard data of the new version: its members and facts are read on first
  // request, from the replica once it has replayed the version's seal (one more read checks that).
  await (await fetch(`${b.url}/api/v1/cube`)).arrayBuffer();
  await sleep(1_100); // ready reuses a report for a second
  const reads = (await replicaReads(b.url)) - readsBefore;
  const replicaIsReplica = await inRecovery(cluster.replicaUrl);
  const replicaRead = replicaIsReplica && readsAtStart > 0;
  say(
    `reads of dataset versions on the replica (${replicaIsReplica ? "in recovery" : "NOT in recovery"}): ` +
      `${readsAtStart} by both instances before the import; ${reads} by instance b for the new version ` +
      `(reads of a version the replica has not replayed yet go to the primary)`,
  );

  say("stopping instance a under load through HAProxy");
  const during = load(`${cluster.url}${PAGE}`, 12);
  await sleep(3_000);
  if (!(await a.signal("SIGTERM", 20_000))) await a.signal("SIGKILL", 5_000);
  const kill = await during;

  line =
    `cluster: 2 instances ${Math.round(two.rps)} req/s p97.5 ${two.p975} ms; ` +
    `1 instance ${Math.round(one.rps)} req/s p97.5 ${one.p975} ms; failed during kill ${kill.failed}; ` +
    `invalidation ${delay === null ? "over 10000" : Math.round(delay)} ms; replica reads ${replicaRead ? "yes" : "no"}`;
} finally {
  await cluster.stop();
}
console.log(line);
