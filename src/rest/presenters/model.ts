import type { ParamSpec } from "../../catalog/types.ts";
import type { ModelProfile } from "../../engine/profile.ts";
import type { ModelRunner } from "../../services/availability.ts";

// A model's parameters as discovery lists them are its profile's: the catalog's own plus any the
// engine adds (Seedance 2.0's `mode`), every one that generate and estimate take.

/** Whether a model runs here now and through what: `available`, `vendor` ("fal", …, "simulation" or null). */
export const presentRunner = (runner: ModelRunner): Record<string, unknown> => ({ available: runner.available, vendor: runner.via });

/** One entry of GET /v1/models: the parameters by name only. */
export const presentModelSummary = ({ spec, params }: ModelProfile): Record<string, unknown> => ({
  id: spec.id,
  type: spec.kind,
  name: spec.name,
  cost: spec.costSummary,
  params: [...params.keys()],
});

/**
 * A parameter as JSON-schema-like fields. Enums carry their value type ("string" or, for
 * durations and sizes, "integer") plus `enum`; references are URI strings; `any` has no type.
 */
export function presentParam(param: ParamSpec): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  switch (param.type) {
    case "enum": {
      const values = param.values ?? [];
      const numeric = values.length > 0 && values.every((v) => typeof v === "number");
      out.type = numeric ? (values.every((v) => Number.isInteger(v)) ? "integer" : "number") : "string";
      break;
    }
    case "reference":
      out.type = "string";
      out.format = "uri";
      break;
    case "any":
      break;
    default:
      out.type = param.type;
  }
  out.required = param.required;
  if (param.default !== undefined) out.default = param.default;
  if (param.values !== undefined) out.enum = param.values;
  if (param.min !== undefined) out.min = param.min;
  if (param.max !== undefined) out.max = param.max;
  if (param.step !== undefined) out.step = param.step;
  if (param.minLength !== undefined) out.min_length = param.minLength;
  if (param.maxLength !== undefined) out.max_length = param.maxLength;
  if (param.description !== undefined) out.description = param.description;
  return out;
}

/** GET /v1/models/{id} (and each entry of /v1/models/schema): the full schema plus the example body. */
export function presentModelSchema({ spec: model, params }: ModelProfile): Record<string, unknown> {
  const body: Record<string, unknown> = {
    id: model.id,
    type: model.kind,
    name: model.name,
    cost: model.costSummary,
    params: Object.fromEntries([...params.values()].map((p) => [p.name, presentParam(p)])),
  };
  if (model.output !== model.kind) body.output = model.output;
  if (model.resolutions) body.resolutions = model.resolutions.map((r) => ({ label: r.label, width: r.width, height: r.height, ...(r.tier ? { tier: r.tier } : {}) }));
  if (model.dimensionRange) body.dimension_range = model.dimensionRange;
  if (model.validWidths) body.valid_widths = model.validWidths;
  if (model.validHeights) body.valid_heights = model.validHeights;
  body.example = model.example;
  return body;
}
