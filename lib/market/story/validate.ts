/**
 * Checks a story against the members of the version it belongs to, reporting every problem at
 * once with its position (a path such as `drivers[2].moves[1].member`): its shape, duplicate keys,
 * links to members the version does not have, and vendors in two groups.
 */
import type { MemberInfo } from "../types";
import { storySchema } from "./schema";
import { UNGROUPED_KEY, type Story, type StoryItem } from "./types";

export interface StoryProblem {
  /** Where: `drivers[2].moves[1].member` (1-based items, as a reader counts them). */
  path: string;
  /** The 1-based item of its top-level list (driver 3 → 3), 0 for the file as a whole. */
  item: number;
  message: string;
}

export type StoryCheck = { ok: true; value: Story } | { ok: false; problems: StoryProblem[] };

type Members = Pick<MemberInfo, "dimension" | "slug">[];

function pathOf(segments: readonly PropertyKey[]): string {
  let out = "";
  for (const s of segments) out += typeof s === "number" ? `[${s + 1}]` : `${out ? "." : ""}${String(s)}`;
  return out || "story";
}

/** Parses `raw` (already decoded JSON) and checks every link against `members`. */
export function checkStory(raw: unknown, members: Members): StoryCheck {
  const parsed = storySchema.safeParse(raw);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({
        path: pathOf(i.path),
        item: typeof i.path[1] === "number" ? i.path[1] + 1 : 0,
        message: i.message,
      })),
    };
  const story = parsed.data as Story;
  const problems: StoryProblem[] = [];
  const known = (dim: string) => new Set(members.filter((m) => m.dimension === dim).map((m) => m.slug));
  const vendors = known("vendor");
  const sets: Record<string, Set<string>> = {
    type: known("type"),
    sector: known("sector"),
    vendor: vendors,
    group: new Set(story.groups.map((g) => g.key)),
  };
  const noun: Record<string, string> = { type: "model type", sector: "sector", vendor: "vendor", group: "group" };
  const unknown = (dim: string, member: string) => {
    const list = [...sets[dim]];
    return `${noun[dim]} "${member}" does not exist in this version${list.length ? ` (known: ${list.join(", ")})` : ""}`;
  };

  // Drivers and trends are the scenario levers: one key names one lever across both lists.
  const seen = new Set<string>();
  const items = (list: "drivers" | "trends", all: StoryItem[]) => {
    all.forEach((d, i) => {
      const at = `${list}[${i + 1}]`;
      if (seen.has(d.key)) problems.push({ path: `${at}.key`, item: i + 1, message: `key "${d.key}" is used twice` });
      seen.add(d.key);
      d.moves.forEach((m, j) => {
        if (!sets[m.dimension].has(m.member))
          problems.push({ path: `${at}.moves[${j + 1}].member`, item: i + 1, message: unknown(m.dimension, m.member) });
      });
      const stepped = new Set<string>();
      d.steps?.forEach((s, j) => {
        const id = `${s.dimension}:${s.member}`;
        if (!d.moves.some((m) => m.dimension === s.dimension && m.member === s.member))
          problems.push({
            path: `${at}.steps[${j + 1}]`,
            item: i + 1,
            message: `${noun[s.dimension]} "${s.member}" is not one of this item's moves`,
          });
        else if (stepped.has(id))
          problems.push({ path: `${at}.steps[${j + 1}]`, item: i + 1, message: `${id} has a step already` });
        stepped.add(id);
      });
    });
  };
  items("drivers", story.drivers);
  items("trends", story.trends);

  const cases = new Set<string>();
  story.useCases.forEach((u, i) => {
    const at = `useCases[${i + 1}]`;
    if (!sets[u.dimension].has(u.member))
      problems.push({ path: `${at}.member`, item: i + 1, message: unknown(u.dimension, u.member) });
    u.vendors?.forEach((v, j) => {
      if (!vendors.has(v))
        problems.push({ path: `${at}.vendors[${j + 1}]`, item: i + 1, message: unknown("vendor", v) });
    });
    if (cases.has(`${u.dimension}:${u.member}`))
      problems.push({ path: at, item: i + 1, message: `${noun[u.dimension]} "${u.member}" has a use case already` });
    cases.add(`${u.dimension}:${u.member}`);
  });

  const owner = new Map<string, string>();
  const groupKeys = new Set<string>();
  story.groups.forEach((g, i) => {
    const at = `groups[${i + 1}]`;
    if (g.key === UNGROUPED_KEY)
      problems.push({ path: `${at}.key`, item: i + 1, message: `"${UNGROUPED_KEY}" is the row of ungrouped vendors` });
    if (groupKeys.has(g.key))
      problems.push({ path: `${at}.key`, item: i + 1, message: `key "${g.key}" is used twice` });
    groupKeys.add(g.key);
    g.members.forEach((v, j) => {
      if (!vendors.has(v))
        problems.push({ path: `${at}.members[${j + 1}]`, item: i + 1, message: unknown("vendor", v) });
      else if (owner.has(v))
        problems.push({
          path: `${at}.members[${j + 1}]`,
          item: i + 1,
          message: `vendor "${v}" is already in group "${owner.get(v)}": a vendor belongs to one group`,
        });
      else owner.set(v, g.key);
    });
  });
  return problems.length ? { ok: false, problems } : { ok: true, value: story };
}

/** Decodes a story file's bytes (UTF-8, optional BOM) and checks it. */
export function readStory(bytes: Uint8Array, members: Members): StoryCheck {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, ""));
  } catch (e) {
    const why = e instanceof SyntaxError ? e.message : "it is not UTF-8 text";
    return { ok: false, problems: [{ path: "story", item: 0, message: `not valid JSON: ${why}` }] };
  }
  return checkStory(raw, members);
}
