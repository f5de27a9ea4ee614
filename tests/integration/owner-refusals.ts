/**
 * What the database refuses even to its owner (shared by the Postgres and PGlite suites): emptying,
 * rewriting or removing the activation log, the audit log and staged imports, emptying the
 * accounts, and a role change without its audit event. A role change through set_user_role()
 * works and is in the audit log.
 */
import { expect, it } from "vitest";

/** Runs one statement as the database owner; resolves to its rows. */
export type OwnerSql = (sql: string) => Promise<Record<string, unknown>[]>;

const LOGS = ["AuditEvent", "Activation", "Import"] as const;

export function defineOwnerRefusals(owner: () => OwnerSql) {
  const count = async (table: string) => Number((await owner()(`SELECT count(*)::int AS n FROM "${table}"`))[0].n);

  it("the owner cannot TRUNCATE, UPDATE or DELETE the audit log, the activation log or staged imports", async () => {
    const sql = owner();
    // One row in each, so UPDATE and DELETE have something to change.
    await sql(`INSERT INTO "AuditEvent" (action, actor) VALUES ('sign-in', 'owner-test')`);
    if ((await count("Import")) === 0)
      await sql(
        `INSERT INTO "Import" (id, actor, "fileName", format, "datasetKey", definition, preview)
         VALUES ('owner-test', 'owner-test', 'x.csv', 'csv', 'k', '{}', '{}')`,
      );
    expect(await count("Activation")).toBeGreaterThan(0);
    for (const table of LOGS) {
      const before = await count(table);
      await expect(sql(`TRUNCATE "${table}"`), `TRUNCATE ${table}`).rejects.toThrow(/not allowed/);
      await expect(sql(`TRUNCATE "${table}" CASCADE`), `TRUNCATE ${table} CASCADE`).rejects.toThrow(/not allowed/);
      await expect(sql(`UPDATE "${table}" SET "createdAt" = now()`), `UPDATE ${table}`).rejects.toThrow(/not allowed/);
      await expect(sql(`DELETE FROM "${table}"`), `DELETE ${table}`).rejects.toThrow(/not allowed/);
      expect(await count(table), table).toBe(before);
    }
  });

  it("the owner cannot change a role by UPDATE nor empty the accounts; set_user_role() changes it with its audit event", async () => {
    const sql = owner();
    const [user] = await sql(`SELECT id, role FROM "auth_user" ORDER BY "createdAt" LIMIT 1`);
    expect(user).toBeDefined();
    const id = String(user.id);
    await expect(sql(`UPDATE "auth_user" SET role = 'owner-made'`)).rejects.toThrow(/set_user_role/);
    await expect(sql(`UPDATE "auth_user" SET role = NULL WHERE id = '${id}'`)).rejects.toThrow(/set_user_role/);
    await expect(sql(`TRUNCATE "auth_user" CASCADE`)).rejects.toThrow(/not allowed/);
    expect((await sql(`SELECT role FROM "auth_user" WHERE id = '${id}'`))[0].role).toBe(user.role);
    // Other columns still change (better-auth updates names, ban flags, timestamps).
    await sql(`UPDATE "auth_user" SET "updatedAt" = now(), banned = false WHERE id = '${id}'`);
    await sql(`SELECT "set_user_role"('${id}', 'analyst', 'owner-test')`);
    expect((await sql(`SELECT role FROM "auth_user" WHERE id = '${id}'`))[0].role).toBe("analyst");
    const [event] = await sql(
      `SELECT actor, detail->>'from' AS "from", detail->>'to' AS "to" FROM "AuditEvent"
        WHERE action = 'user.role' AND target = '${id}' ORDER BY id DESC LIMIT 1`,
    );
    expect(event).toEqual({ actor: "owner-test", from: user.role, to: "analyst" });
    await sql(`SELECT "set_user_role"('${id}', '${user.role}', 'owner-test')`);
  });
}
