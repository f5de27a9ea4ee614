// The scale-out topology on one machine, from Debian's packages (postgresql, haproxy):
//   HAProxy (active health checks on /api/health/ready)
//     → two app instances (scripts/server.mjs, the server `npm start` runs)
//         → a Postgres primary (writes, the activation log, shared limits, LISTEN/NOTIFY)
//         → a streaming replica made by `pg_basebackup -R` (reads of dataset versions)
// Everything lives in a temporary directory and is removed when stopped.
//
// `npm run cluster` starts it, prints the URL and stops everything on Ctrl-C. The topology tests
// (tests/cluster) and `npm run bench:cluster` start it through `startCluster`.
//
// Environment: CLUSTER_PORT (HAProxy; the instances take the next two ports; default 8080),
// CLUSTER_PG_PORT (the primary; the replica takes the next; default 55432), PG_BIN (the Postgres
// binaries; default the newest /usr/lib/postgresql/*/bin), HAPROXY (default haproxy on PATH or
// /usr/sbin/haproxy). Postgres refuses to run as root: as root its processes run as the user
// `postgres` (runuser), as anyone else as that user.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The Postgres server binaries: PG_BIN, else the newest Debian cluster's, else pg_config's. */
export function findPgBin() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const base = "/usr/lib/postgresql";
  if (fs.existsSync(base)) {
    const versions = fs
      .readdirSync(base)
      .filter((v) => fs.existsSync(path.join(base, v, "bin", "initdb")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length) return path.join(base, versions[0], "bin");
  }
  const r = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  if (r.status === 0 && fs.existsSync(path.join(r.stdout.trim(), "initdb"))) return r.stdout.trim();
  return null;
}

export function findHaproxy() {
  if (process.env.HAPROXY) return process.env.HAPROXY;
  for (const p of ["/usr/sbin/haproxy", "/usr/bin/haproxy", "/usr/local/sbin/haproxy"]) if (fs.existsSync(p)) return p;
  const r = spawnSync("sh", ["-c", "command -v haproxy"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** What is missing to start the topology, in words (empty when nothing is). */
export function missingPrerequisites() {
  const missing = [];
  if (!findPgBin()) missing.push("the Postgres server binaries (apt-get install postgresql, or set PG_BIN)");
  if (!findHaproxy()) missing.push("HAProxy (apt-get install haproxy, or set HAPROXY)");
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) missing.push("the production build (npm run build)");
  const asRoot = process.getuid?.() === 0;
  if (asRoot && spawnSync("id", ["-u", "postgres"]).status !== 0)
    missing.push("a `postgres` user to run Postgres as (Postgres refuses to run as root)");
  return missing;
}

async function waitFor(what, check, timeoutMs, logs) {
  const until = Date.now() + timeoutMs;
  let last;
  while (Date.now() < until) {
    try {
      if (await check()) return;
    } catch (error) {
      last = error;
    }
    await sleep(200);
  }
  const tail = logs ? `\n--- last lines of ${logs}:\n${tailOf(logs)}` : "";
  throw new Error(`${what}: not within ${timeoutMs / 1000} s${last ? ` (${last.message})` : ""}${tail}`);
}

function tailOf(file, lines = 30) {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

async function ready(url) {
  try {
    const r = await fetch(url, { signal: AbortSignal.timeout(3_000) });
    await r.arrayBuffer();
    return r.status === 200;
  } catch {
    return false;
  }
}

/**
 * Starts the topology; resolves once HAProxy serves through both instances and the replica has
 * replayed everything. `stop()` removes all of it.
 * @param {object} [o]
 * @param {number} [o.port] HAProxy's port; the instances take port+1 and port+2
 * @param {number} [o.pgPort] the primary's port; the replica takes pgPort+1
 * @param {Record<string,string>} [o.env] more environment for the instances
 * @param {(line: string) => void} [o.say] progress lines
 */
export async function startCluster(o = {}) {
  const port = o.port ?? Number(process.env.CLUSTER_PORT || 8080);
  const pgPort = o.pgPort ?? Number(process.env.CLUSTER_PG_PORT || 55432);
  const say = o.say ?? (() => undefined);
  const missing = missingPrerequisites();
  if (missing.length) throw new Error(`Cannot start the cluster; missing: ${missing.join("; ")}`);
  const bin = findPgBin();
  const haproxyBin = findHaproxy();
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "market-cluster-"));
  fs.chmodSync(dir, 0o755);
  const owner = asRoot
    ? {
        uid: Number(spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout.trim()),
        gid: Number(spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim()),
      }
    : null;
  const pgDir = path.join(dir, "pg");
  fs.mkdirSync(pgDir, { mode: 0o700 });
  if (owner) fs.chownSync(pgDir, owner.uid, owner.gid);

  /** Runs a Postgres binary (as `postgres` when we are root); throws with its output on failure. */
  const pgTool = (name, args) => {
    const cmd = path.join(bin, name);
    const [c, a] = asRoot ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args];
    const r = spawnSync(c, a, { cwd: pgDir, encoding: "utf8", timeout: 120_000 });
    if (r.status !== 0) throw new Error(`${name} ${args.join(" ")} failed:\n${r.stdout}\n${r.stderr}`);
    return r.stdout;
  };

  const primary = {
    name: "primary",
    port: pgPort,
    data: path.join(pgDir, "primary"),
    log: path.join(pgDir, "primary.log"),
  };
  const replica = {
    name: "replica",
    port: pgPort + 1,
    data: path.join(pgDir, "replica"),
    log: path.join(pgDir, "replica.log"),
  };
  const pgUrl = (p, db = "market") => `postgresql://postgres@127.0.0.1:${p.port}/${db}`;
  const pgStart = (p) => pgTool("pg_ctl", ["-D", p.data, "-l", p.log, "-w", "-t", "60", "start"]);
  const pgStop = (p) => {
    if (fs.existsSync(path.join(p.data, "postmaster.pid")))
      pgTool("pg_ctl", ["-D", p.data, "-m", "fast", "-w", "-t", "30", "stop"]);
  };
  const conf = (p) =>
    [
      `port = ${p.port}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${pgDir}'`,
      "max_connections = 200",
      "wal_level = replica",
      "max_wal_senders = 5",
      "hot_standby = on",
      // A throwaway cluster: durability is not needed, speed is.
      "fsync = off",
      "full_page_writes = off",
    ].join("\n") + "\n";

  const children = [];
  const instances = [];
  let haproxy = null;
  let stopped = false;

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    say("stopping");
    await Promise.all(instances.map((i) => i.stop()));
    if (haproxy && haproxy.exitCode === null && haproxy.signalCode === null) {
      const exited = new Promise((r) => haproxy.once("exit", r));
      haproxy.kill("SIGTERM");
      await Promise.race([exited, sleep(5_000)]);
    }
    for (const p of [replica, primary])
      try {
        pgStop(p);
      } catch (error) {
        say(`could not stop the ${p.name}: ${error.message}`);
      }
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    if (!process.env.CLUSTER_KEEP) fs.rmSync(dir, { recursive: true, force: true });
    else say(`kept ${dir}`);
  };

  try {
    say(`primary on 127.0.0.1:${primary.port}`);
    pgTool("initdb", ["-D", primary.data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C"]);
    fs.appendFileSync(path.join(primary.data, "postgresql.conf"), conf(primary));
    pgStart(primary);
    const admin = new pg.Client({ connectionString: pgUrl(primary, "postgres") });
    await admin.connect();
    await admin.query("CREATE DATABASE market");
    await admin.end();

    say("migrating and seeding the primary");
    const setup = spawnSync(
      path.join(root, "node_modules", ".bin", "tsx"),
      ["--conditions=react-server", "scripts/db.ts", "setup"],
      {
        cwd: root,
        encoding: "utf8",
        env: { ...process.env, ...o.env, DATABASE_URL: pgUrl(primary) },
        timeout: 300_000,
      },
    );
    if (setup.status !== 0) throw new Error(`database setup failed:\n${setup.stdout}\n${setup.stderr}`);

    say(`streaming replica on 127.0.0.1:${replica.port} (pg_basebackup -R)`);
    pgTool("pg_basebackup", [
      "-h",
      "127.0.0.1",
      "-p",
      String(primary.port),
      "-U",
      "postgres",
      "-D",
      replica.data,
      "-R",
      "-X",
      "stream",
      "-c",
      "fast",
    ]);
    fs.appendFileSync(path.join(replica.data, "postgresql.conf"), conf(replica));
    pgStart(replica);
    await waitFor(
      "the replica replays the primary's WAL",
      async () => {
        const [lsn] = await pgQuery(pgUrl(primary), "SELECT pg_current_wal_lsn()::text AS l");
        const [r] = await pgQuery(
          pgUrl(replica),
          "SELECT pg_is_in_recovery() AS rec, pg_last_wal_replay_lsn() >= $1::pg_lsn AS caught",
          [lsn.l],
        );
        return r.rec && r.caught;
      },
      60_000,
      replica.log,
    );

    // One auth secret and one server-actions key for every instance: a session or a form made by
    // one instance is read by the other.
    const shared = {
      AUTH_SECRET: process.env.AUTH_SECRET || randomBytes(32).toString("base64url"),
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY:
        process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY || randomBytes(32).toString("base64"),
    };
    const appUrl = `http://127.0.0.1:${port}`;
    for (const [i, name] of ["a", "b"].entries()) {
      const instance = appInstance({
        name,
        port: port + 1 + i,
        dir,
        env: {
          ...process.env,
          NODE_ENV: "production",
          NEXT_TELEMETRY_DISABLED: "1",
          LOG_LEVEL: process.env.LOG_LEVEL || "warn",
          DATABASE_URL: pgUrl(primary),
          DATABASE_REPLICA_URLS: pgUrl(replica),
          // HAProxy appends the client's address to X-Forwarded-For: one proxy to trust.
          TRUSTED_PROXIES: "1",
          APP_URL: appUrl,
          ...shared,
          ...o.env,
        },
      });
      instances.push(instance);
      children.push(instance.child);
      say(`instance ${name} on 127.0.0.1:${instance.port}`);
    }
    await Promise.all(
      instances.map((i) =>
        waitFor(`instance ${i.name} ready`, () => ready(`${i.url}/api/health/ready`), 120_000, i.log),
      ),
    );

    const cfg = path.join(dir, "haproxy.cfg");
    fs.writeFileSync(cfg, haproxyConfig(port, instances));
    const haproxyLog = path.join(dir, "haproxy.log");
    const out = fs.openSync(haproxyLog, "a");
    haproxy = spawn(haproxyBin, ["-f", cfg, "-db"], { stdio: ["ignore", out, out] });
    children.push(haproxy);
    say(`HAProxy on ${appUrl}`);
    await waitFor("HAProxy serves the app", () => ready(`${appUrl}/api/health/ready`), 30_000, haproxyLog);
    // Both instances in rotation: their checks have passed (rise 2).
    await sleep(1_500);

    return {
      url: appUrl,
      dir,
      instances,
      primaryUrl: pgUrl(primary),
      replicaUrl: pgUrl(replica),
      stopReplica: () => pgStop(replica),
      startReplica: () => pgStart(replica),
      stop,
    };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

async function pgQuery(url, sql, params = []) {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  c.on("error", () => undefined);
  await c.connect();
  try {
    return (await c.query(sql, params)).rows;
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** One app instance: scripts/server.mjs on its own port; restartable. */
function appInstance({ name, port, dir, env }) {
  const log = path.join(dir, `app-${name}.log`);
  const instance = {
    name,
    port,
    url: `http://127.0.0.1:${port}`,
    log,
    child: null,
    start() {
      const out = fs.openSync(log, "a");
      this.child = spawn(process.execPath, [path.join(root, "scripts", "server.mjs"), String(port), "127.0.0.1"], {
        cwd: root,
        env,
        stdio: ["ignore", out, out],
      });
      return this.child;
    },
    /** Sends a signal; resolves when the process has exited (or after `timeoutMs`, with false). */
    async signal(sig, timeoutMs = 20_000) {
      const c = this.child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return true;
      const exited = new Promise((r) => c.once("exit", () => r(true)));
      c.kill(sig);
      return Promise.race([exited, sleep(timeoutMs).then(() => false)]);
    },
    async stop() {
      if (!(await this.signal("SIGTERM"))) await this.signal("SIGKILL", 5_000);
    },
  };
  instance.start();
  return instance;
}

function haproxyConfig(port, instances) {
  return `global
  maxconn 4096

defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  timeout check 3s
  # A request whose connection is refused or closed without an answer (an instance stopping) is
  # sent again, to the other instance.
  retries 3
  retry-on conn-failure empty-response
  option redispatch 1
  option forwardfor

frontend market
  bind 127.0.0.1:${port}
  default_backend apps

backend apps
  balance roundrobin
  option httpchk GET /api/health/ready
  http-check expect status 200
  # Out of rotation after 3 failed checks (1.5 s; a stopping instance's ready answers 503 at once and
  # it goes on serving for DRAIN_GRACE_MS, 2 s), back after 2 good ones.
  default-server inter 500ms fall 3 rise 2
${instances.map((i) => `  server ${i.name} 127.0.0.1:${i.port} check`).join("\n")}
  # Fail open: when every instance fails its checks (overloaded, so its health answers late), they
  # still get the requests rather than HAProxy answering 503 to all.
${instances.map((i) => `  server ${i.name}-open 127.0.0.1:${i.port} backup`).join("\n")}
`;
}

// `npm run cluster`
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { buildState } = await import("./build-freshness.mjs");
  const build = buildState(root, ".next");
  if (build.state !== "current") {
    console.log(build.state === "stale" ? `Sources changed (${build.changed}): building.` : "Building the app.");
    for (const [cmd, args] of [
      [path.join(root, "node_modules", ".bin", "next"), ["build"]],
      [process.execPath, ["scripts/build-forecast-worker.mjs"]],
    ]) {
      const r = spawnSync(cmd, args, {
        cwd: root,
        stdio: "inherit",
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      });
      if (r.status !== 0) process.exit(r.status ?? 1);
    }
  }
  let cluster;
  let stopping = false;
  const quit = async () => {
    if (stopping) return;
    stopping = true;
    // Still starting: stopped as soon as it has started (or has failed and cleaned up).
    if (!cluster) return;
    await cluster.stop();
    process.exit(0);
  };
  process.on("SIGINT", quit);
  process.on("SIGTERM", quit);
  try {
    cluster = await startCluster({ say: (line) => console.log(`cluster: ${line}`) });
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
  if (stopping) {
    await cluster.stop();
    process.exit(0);
  }
  console.log(`\nServing on ${cluster.url} (two instances behind HAProxy; primary + streaming replica).`);
  console.log(`Logs in ${cluster.dir}. Ctrl-C stops everything.`);
}
