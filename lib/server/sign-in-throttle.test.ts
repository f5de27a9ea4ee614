/**
 * The sign-in throttle with explicit addresses: in memory (the embedded database's store) and on a
 * real Postgres database shared by two throttle instances, as two app instances would share it.
 */
import fs from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresDatabase } from "@/tests/support/databases";
import { memoryFactory, postgresFactory, SignInThrottle, THROTTLE } from "./sign-in-throttle";

const VICTIM = "admin@example.com";

async function fail(t: SignInThrottle, email: string, address: string, times: number) {
  const outcomes = [];
  for (let i = 0; i < times; i++) {
    expect((await t.check(email, address)).blocked).toBe(false);
    outcomes.push(await t.recordFailure(email, address));
  }
  return outcomes;
}

describe("sign-in throttle (memory)", () => {
  it("five wrong passwords block that account from that address only", async () => {
    const t = new SignInThrottle(memoryFactory);
    const outcomes = await fail(t, VICTIM, "203.0.113.1", THROTTLE.pairFailures);
    expect(outcomes.at(-1)!.trips).toEqual([{ scope: "account-address", blockSeconds: 60, strikes: 1 }]);
    const blocked = await t.check(VICTIM, "203.0.113.1");
    expect(blocked).toMatchObject({ blocked: true, scope: "account-address" });
    expect(blocked.blocked && blocked.retryAfterSeconds).toBeGreaterThan(50);
    // The owner, elsewhere, is not locked out; other accounts from the attacker's address neither.
    expect(await t.check(VICTIM, "198.51.100.2")).toEqual({ blocked: false });
    expect(await t.check("other@example.com", "203.0.113.1")).toEqual({ blocked: false });
  });

  it("an address failing on many accounts is blocked as a whole", async () => {
    const t = new SignInThrottle(memoryFactory);
    let trips: string[] = [];
    for (let i = 0; i < THROTTLE.addressFailures; i++) {
      const o = await t.recordFailure(`user${i}@example.com`, "203.0.113.9");
      trips = trips.concat(o.trips.map((x) => x.scope));
    }
    expect(trips).toEqual(["address"]);
    expect(await t.check("fresh@example.com", "203.0.113.9")).toMatchObject({ blocked: true, scope: "address" });
    expect(await t.check("fresh@example.com", "203.0.113.10")).toEqual({ blocked: false });
  });

  it("blocks back off: each trip of the same key within a day doubles the wait", async () => {
    const t = new SignInThrottle(memoryFactory);
    const pair = t as unknown as { pair: { delete: (k: string) => Promise<boolean> } };
    const seconds: number[] = [];
    for (let round = 0; round < 4; round++) {
      const o = await fail(t, VICTIM, "203.0.113.4", THROTTLE.pairFailures);
      seconds.push(o.at(-1)!.trips[0].blockSeconds);
      // The block ends (as it would after its time): forget the counter, keep the strikes.
      await pair.pair.delete(
        (t as unknown as { keys: (e: string, a: string) => { pair: string } }).keys(VICTIM, "203.0.113.4").pair,
      );
    }
    expect(seconds).toEqual([60, 120, 240, 480]);
  });

  it("the right password starts the pair afresh", async () => {
    const t = new SignInThrottle(memoryFactory);
    await fail(t, VICTIM, "203.0.113.5", THROTTLE.pairFailures - 1);
    await t.recordSuccess(VICTIM, "203.0.113.5");
    const o = await fail(t, VICTIM, "203.0.113.5", THROTTLE.pairFailures - 1);
    expect(o.flatMap((x) => x.trips)).toEqual([]);
  });

  it("reports an account failing from many addresses, once per window", async () => {
    const t = new SignInThrottle(memoryFactory);
    const alerts: (number | null)[] = [];
    for (let i = 1; i <= THROTTLE.alertAddresses + 3; i++)
      for (let k = 0; k < 2; k++) alerts.push((await t.recordFailure(VICTIM, `198.51.100.${i}`)).alertAddresses);
    expect(alerts.filter((a) => a !== null)).toEqual([THROTTLE.alertAddresses]);
  });
});

describe("sign-in throttle (Postgres, shared by two instances)", () => {
  let db: { url: string; drop: () => Promise<void> };
  let pools: pg.Pool[] = [];
  beforeAll(async () => {
    db = await createPostgresDatabase("signin_throttle");
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const dir = fs.readdirSync("prisma/migrations").find((d) => d.endsWith("_rate_limits"))!;
    await client.query(fs.readFileSync(`prisma/migrations/${dir}/migration.sql`, "utf8"));
    await client.end();
    pools = [new pg.Pool({ connectionString: db.url, max: 2 }), new pg.Pool({ connectionString: db.url, max: 2 })];
  });
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end()));
    await db?.drop();
  });

  it("failures counted by one instance block on the other; another address still passes", async () => {
    const a = new SignInThrottle(postgresFactory(pools[0]));
    const b = new SignInThrottle(postgresFactory(pools[1]));
    for (let i = 0; i < THROTTLE.pairFailures; i++) await (i % 2 ? a : b).recordFailure(VICTIM, "203.0.113.1");
    expect(await a.check(VICTIM, "203.0.113.1")).toMatchObject({ blocked: true, scope: "account-address" });
    expect(await b.check(VICTIM, "203.0.113.1")).toMatchObject({ blocked: true, scope: "account-address" });
    expect(await b.check(VICTIM, "198.51.100.2")).toEqual({ blocked: false });
    const rows = await pools[0].query(`SELECT key FROM rate_limits WHERE key LIKE 'signin-pair%'`);
    expect(rows.rowCount).toBe(1);
    expect(rows.rows[0].key).not.toContain(VICTIM);
  });
});
