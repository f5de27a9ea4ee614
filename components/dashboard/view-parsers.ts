/**
 * nuqs parsers for the view's URL state, each validating with the zod schema the server uses
 * (lib/market/query/view-state.ts), so both sides read a URL the same way.
 */
import { createParser, parseAsArrayOf } from "nuqs";
import type { ZodMiniType } from "zod/mini";
import type { Breakdown } from "@/lib/market/query/filters";
import { check } from "@/lib/market/query/url-schema";
import { VIEW_DEFAULTS, viewListSchemas, viewScalarSchemas, type MethodChoice, type ViewMode } from "@/lib/market/query/view-state";

function zodParser<T extends string | number>(schema: ZodMiniType<unknown>) {
  return createParser<T>({
    parse: (v) => {
      const r = check(schema, v);
      return r.ok ? (r.value as T) : null;
    },
    serialize: (v) => String(v),
  });
}

const list = (schema: ZodMiniType<unknown>) => parseAsArrayOf(zodParser<string>(schema), ",").withDefault([]);

export const viewParsers = {
  by: zodParser<Breakdown>(viewScalarSchemas.by).withDefault(VIEW_DEFAULTS.by),
  type: list(viewListSchemas.type),
  sector: list(viewListSchemas.sector),
  vendor: list(viewListSchemas.vendor),
  region: list(viewListSchemas.region),
  from: zodParser<number>(viewScalarSchemas.from),
  to: zodParser<number>(viewScalarSchemas.to),
  year: zodParser<number>(viewScalarSchemas.year),
  dataset: zodParser<string>(viewScalarSchemas.dataset),
  view: zodParser<ViewMode>(viewScalarSchemas.view).withDefault(VIEW_DEFAULTS.view),
  method: zodParser<MethodChoice>(viewScalarSchemas.method).withDefault(VIEW_DEFAULTS.method),
  ca: list(viewListSchemas.ca),
  cb: list(viewListSchemas.cb),
};
