import "server-only";
import type { SavedScenarioInfo } from "@/lib/market/scenario/levers";
import { randomBytes } from "node:crypto";
import { resolveScenario } from "@/lib/market/scenario/resolve";
import { auditRow } from "./audit";
import type { SessionUser } from "./auth";
import { getDb } from "./db";
import { getDataset } from "./queries";
import { getStory } from "./story";

/**
 * Saved scenarios: named levers on one pinned data set version. Analysts save them; the owner or
 * an admin deletes them; a shared one opens for every reader, another only for its owner and
 * admins. Every save and delete is written in one transaction with its audit event.
 */

type Row = {
  id: string;
  name: string;
  levers: string;
  datasetId: string;
  ownerEmail: string;
  shared: boolean;
  createdAt: Date;
};

function info(r: Row): SavedScenarioInfo {
  return {
    id: r.id,
    name: r.name,
    levers: r.levers,
    dataset: r.datasetId,
    owner: r.ownerEmail,
    shared: r.shared,
    createdAt: r.createdAt.toISOString(),
  };
}

export const SCENARIO_ID = /^sc_[a-z0-9]{16}$/;

export type SaveResult =
  { ok: true; value: SavedScenarioInfo } | { ok: false; status: 400 | 404; param: string; message: string };

/** Checks the levers against the pinned version's story, then saves with its audit event. */
export async function saveScenario(
  input: { name: string; levers: string; dataset?: string; shared: boolean },
  user: SessionUser,
  ip: string | null,
): Promise<SaveResult> {
  const dataset = await getDataset(input.dataset);
  if (!dataset)
    return {
      ok: false,
      status: input.dataset ? 400 : 404,
      param: "dataset",
      message: input.dataset ? `dataset "${input.dataset}" does not exist` : "no dataset has been loaded",
    };
  const resolved = resolveScenario(input.levers, await getStory(dataset.id));
  if (!resolved.ok) return { ok: false, status: 400, param: "levers", message: resolved.problem.message };
  if (!resolved.value)
    return { ok: false, status: 400, param: "levers", message: "levers: a saved scenario moves at least one lever" };
  const id = `sc_${randomBytes(10).toString("hex").slice(0, 16)}`;
  const { prisma } = getDb();
  const [row] = await prisma.$transaction([
    prisma.savedScenario.create({
      data: {
        id,
        name: input.name,
        levers: resolved.value.info.levers,
        datasetId: dataset.id,
        ownerId: user.id,
        ownerEmail: user.email,
        shared: input.shared,
      },
    }),
    prisma.auditEvent.create({
      data: auditRow({
        action: "scenario.save",
        actor: user.email,
        ip,
        target: id,
        detail: { name: input.name, levers: resolved.value.info.levers, dataset: dataset.id, shared: input.shared },
      }),
    }),
  ]);
  return { ok: true, value: info(row) };
}

/** The scenarios a user may open: their own, the shared ones, and all of them for an admin. Newest first. */
export async function listScenarios(user: SessionUser): Promise<(SavedScenarioInfo & { mine: boolean })[]> {
  const rows = await getDb().prisma.savedScenario.findMany({
    where: user.role === "admin" ? {} : { OR: [{ ownerId: user.id }, { shared: true }] },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  return rows.map((r) => ({ ...info(r), mine: r.ownerId === user.id }));
}

/** One scenario, when `user` (null: signed out) may open it; null otherwise, as if it did not exist. */
export async function openScenario(id: string, user: SessionUser | null): Promise<SavedScenarioInfo | null> {
  if (!SCENARIO_ID.test(id)) return null;
  const row = await getDb().prisma.savedScenario.findUnique({ where: { id } });
  if (!row) return null;
  if (row.shared || (user && (user.role === "admin" || user.id === row.ownerId))) return info(row);
  return null;
}

export type DeleteResult = { ok: true } | { ok: false; status: 403 | 404; message: string };

/** Deletes a scenario of its owner (or any, for an admin), with its audit event. */
export async function deleteScenario(id: string, user: SessionUser, ip: string | null): Promise<DeleteResult> {
  const { prisma } = getDb();
  const row = SCENARIO_ID.test(id) ? await prisma.savedScenario.findUnique({ where: { id } }) : null;
  if (!row || !(row.shared || row.ownerId === user.id || user.role === "admin"))
    return { ok: false, status: 404, message: `scenario "${id.slice(0, 40)}" does not exist` };
  if (row.ownerId !== user.id && user.role !== "admin")
    return { ok: false, status: 403, message: "Only its owner or an admin may delete a scenario" };
  await prisma.$transaction([
    prisma.savedScenario.delete({ where: { id } }),
    prisma.auditEvent.create({
      data: auditRow({
        action: "scenario.delete",
        actor: user.email,
        ip,
        target: id,
        detail: { name: row.name, owner: row.ownerEmail, levers: row.levers, dataset: row.datasetId },
      }),
    }),
  ]);
  return { ok: true };
}
