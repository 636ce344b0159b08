import type { ModelSpec, ParamSpec } from "../../catalog/types.ts";
import type { GenerationRequest } from "../../engine/engine.ts";
import { invalidParams, type EngineError } from "../../engine/errors.ts";
import { generationRequestIssue, isModelId, MODEL_REQUIRED_ISSUE } from "../../http/generation-request.ts";
import { UPLOAD_ID_ARRAYS } from "../../engine/profile.ts";
import type { Engine } from "../../engine/engine.ts";
import { builder } from "../builder.ts";
import { wholeDescription } from "./descriptions.ts";
import { isLargeInteger } from "./models.ts";

/**
 * `GenerateInput` is a @oneOf input: `raw` takes a request as REST does, and each model has its
 * own typed field (e.g. `gptImage2: { prompt, width, height, quality: LOW | MEDIUM | HIGH }`),
 * so codegen clients get autocomplete and enums per model. All of them become the same
 * `{ model, params }` and go through the same engine.
 */

const words = (text: string) => text.split(/[^A-Za-z0-9]+/).filter(Boolean);
const capitalize = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** "gpt-image-2" → "gptImage2"; "prompt_enhance" → "promptEnhance"; "durationSeconds" stays. */
export const camelName = (text: string): string => {
  const [first = "", ...rest] = words(text);
  return first.charAt(0).toLowerCase() + first.slice(1) + rest.map(capitalize).join("");
};
export const pascalName = (text: string): string => words(text).map(capitalize).join("");

/** GraphQL enum value names: "768p" → P768, "16:9" → RATIO_16_9, "extra_low" → EXTRA_LOW. */
export function enumValueName(value: string): string {
  const resolution = /^(\d+)p$/i.exec(value);
  if (resolution) return `P${resolution[1]}`;
  const ratio = /^(\d+):(\d+)$/.exec(value);
  if (ratio) return `RATIO_${ratio[1]}_${ratio[2]}`;
  const name = value.replace(/[^A-Za-z0-9]+/g, "_").replace(/^_|_$/g, "").toUpperCase();
  return /^[0-9]/.test(name) ? `V_${name}` : name || "EMPTY";
}

interface FieldPlan {
  readonly field: string;
  readonly param: string;
}

/** For each typed model field: its model id and how its fields map back to param names. */
type FieldPlans = Map<string, { readonly model: string; readonly fields: readonly FieldPlan[] }>;

/** A parameter's description: the spec's text (whole sentences), else what it is, then its rule and default. */
function describeParam(p: ParamSpec, model: ModelSpec): string {
  const parts = [p.description ? wholeDescription(p.description) : `The spec's \`${p.name}\` parameter of ${model.name}.`];
  if (p.type === "enum" && p.values?.every((v) => typeof v === "number")) parts.push(`One of ${p.values.join(", ")}; other values snap to the nearest.`);
  if (p.default !== undefined) parts.push(`Default: ${JSON.stringify(p.default)}.`);
  return parts.filter(Boolean).join(" ");
}

function defineModelInput(model: ModelSpec, params: readonly ParamSpec[], plansByField: FieldPlans) {
  const typeName = `${pascalName(model.id)}Params`;
  const plans: FieldPlan[] = [];
  const ref = builder.inputType(typeName, {
    description: `Typed parameters of ${model.name} (${model.id}). ${model.costSummary}.`,
    fields: (t) => {
      const fields: Record<string, unknown> = {};
      for (const p of params) {
        const field = camelName(p.name);
        plans.push({ field, param: p.name });
        // Required only when the spec requires it and gives no default.
        const required = p.required && p.default === undefined;
        const common = { required, description: describeParam(p, model) };
        switch (p.type) {
          case "integer":
            fields[field] = isLargeInteger(p) ? t.float(common) : t.int(common);
            break;
          case "number":
            fields[field] = t.float(common);
            break;
          case "boolean":
            fields[field] = t.boolean(common);
            break;
          case "string":
          case "reference":
            fields[field] = t.string(common);
            break;
          case "array":
            fields[field] = t.field({ type: ["JSON"], ...common });
            break;
          case "any":
            fields[field] = t.field({ type: "JSON", ...common });
            break;
          case "enum": {
            const values = p.values ?? [];
            if (values.every((v) => typeof v === "number")) {
              fields[field] = values.every(Number.isInteger) ? t.int(common) : t.float(common);
              break;
            }
            const enumRef = builder.enumType(`${pascalName(model.id)}${pascalName(p.name)}`, {
              description: `The values of ${model.name}'s \`${p.name}\` parameter (REST sends the value each names).`,
              values: Object.fromEntries(
                values.map((v) => [enumValueName(String(v)), { value: String(v), description: `\`${p.name}\`: ${JSON.stringify(v)}.` }]),
              ),
            });
            fields[field] = t.field({ type: enumRef, ...common });
            break;
          }
        }
      }
      for (const name of UPLOAD_ID_ARRAYS) {
        plans.push({ field: name, param: name });
        fields[name] = t.idList({ required: false, description: `Upload ids (POST /api/upload) as ${name} references.` });
      }
      return fields as never;
    },
  });
  plansByField.set(camelName(model.id), { model: model.id, fields: plans });
  return ref;
}

const RawGenerationInput = builder.inputType("RawGenerationInput", {
  description: "A request exactly as REST takes it.",
  fields: (t) => ({
    model: t.string({ required: true, description: "A model id; empty is InvalidParams (REST: 400)." }),
    params: t.field({ type: "JSON", required: false, description: "The parameters as REST's `params` takes them (snake_case names, values as the spec writes them)." }),
  }),
});

/**
 * Why a request read from a GenerateInput cannot go to the engine, by the rules REST applies to
 * its body (src/http/generation-request.ts): `raw` with an empty `model` is InvalidParams (REST:
 * 400), not ModelNotFound; so is a model id over 100 characters, params over their bounds, and
 * text that cannot be stored (U+0000, an unpaired surrogate) anywhere in them.
 */
export function requestProblem(request: GenerationRequest): EngineError | undefined {
  if (!isModelId(request.model)) return invalidParams([MODEL_REQUIRED_ISSUE]);
  const issue = generationRequestIssue(request.model, request.params);
  return issue ? invalidParams([issue]) : undefined;
}

/** Builds GenerateInput from the engine's models (one typed field each) and its reader. */
export function defineGenerateInput(engine: Engine) {
  const plans: FieldPlans = new Map();
  const typed = engine.models.map((model) => ({
    model,
    ref: defineModelInput(model, [...engine.profile(model.id)!.params.values()], plans),
  }));
  const GenerateInput = builder.inputType("GenerateInput", {
    isOneOf: true,
    description: "Exactly one of: `raw` ({ model, params } as REST takes it) or one model's typed parameters.",
    fields: (t) => {
      const fields: Record<string, unknown> = { raw: t.field({ type: RawGenerationInput, required: false, description: "Any model's request as REST takes it ({ model, params })." }) };
      for (const { model, ref } of typed) fields[camelName(model.id)] = t.field({ type: ref, required: false, description: model.name });
      return fields as never;
    },
  });

  /** The `{ model, params }` a GenerateInput stands for. */
  const toRequest = (input: Record<string, unknown>): GenerationRequest => {
    const [field, value] = Object.entries(input).find(([, v]) => v !== undefined && v !== null) ?? [];
    if (field === "raw") {
      const raw = value as { model: string; params?: unknown };
      return { model: raw.model, params: raw.params ?? {} };
    }
    const plan = field ? plans.get(field) : undefined;
    if (!plan) return { model: String(field), params: {} };
    const params: Record<string, unknown> = {};
    const given = value as Record<string, unknown>;
    for (const { field: name, param } of plan.fields) if (given[name] !== undefined && given[name] !== null) params[param] = given[name];
    return { model: plan.model, params };
  };
  return { GenerateInput, toRequest };
}
