/**
 * nuqs parsers for the view's URL state, derived from the one query schema
 * (lib/market/query/schema.ts), so the browser and the server read a URL the same way.
 */
import { createParser, parseAsArrayOf } from "nuqs";
import {
  check,
  LIST_FIELDS,
  SCALAR_FIELDS,
  type Breakdown,
  type ListKey,
  type MethodChoice,
  type ScalarKey,
  type ViewMode,
} from "@/lib/market/query/schema";
import { VIEW_DEFAULTS } from "@/lib/market/query/view-state";

function scalar<T extends string | number>(key: ScalarKey) {
  return createParser<T>({
    parse: (v) => {
      const r = check<unknown>(SCALAR_FIELDS[key], v);
      return r.ok ? (r.value as T) : null;
    },
    serialize: (v) => String(v),
  });
}

const list = (key: ListKey) =>
  parseAsArrayOf(
    createParser<string>({
      parse: (v) => {
        const r = check(LIST_FIELDS[key], v);
        return r.ok ? r.value : null;
      },
      serialize: (v) => v,
    }),
    ",",
  ).withDefault([]);

export const viewParsers = {
  by: scalar<Breakdown>("by").withDefault(VIEW_DEFAULTS.by),
  type: list("type"),
  sector: list("sector"),
  vendor: list("vendor"),
  region: list("region"),
  group: list("group"),
  from: scalar<number>("from"),
  to: scalar<number>("to"),
  year: scalar<number>("year"),
  dataset: scalar<string>("dataset"),
  view: scalar<ViewMode>("view").withDefault(VIEW_DEFAULTS.view),
  method: scalar<MethodChoice>("method").withDefault(VIEW_DEFAULTS.method),
  ca: list("ca"),
  cb: list("cb"),
  levers: scalar<string>("levers"),
  scenario: scalar<string>("scenario"),
};
