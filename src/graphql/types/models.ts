import type { ParamSpec, Resolution } from "../../catalog/types.ts";
import { microsToUsd } from "../../kernel/money.ts";
import type { ModelProfile } from "../../engine/profile.ts";
import { builder } from "../builder.ts";
import { BOUNDS } from "../../kernel/bounds.ts";
import { invalidParams } from "../../engine/errors.ts";
import { modelIdIssue } from "../../http/generation-request.ts";
import { InvalidParams, ModelNotFound } from "./errors.ts";
import { inputFieldOf } from "./typed-input.ts";

const INT32_MAX = 2_147_483_647;

export const ModelKind = builder.enumType("ModelKind", {
  description: "The section of the spec a model is listed under (REST `type`).",
  values: {
    IMAGE: { value: "image", description: "The spec's image models (REST `image`)." },
    VIDEO: { value: "video", description: "The spec's video models (REST `video`)." },
    THREE_D: { value: "3d", description: "The spec's 3D models (REST `3d`)." },
  } as const,
});
export const OutputKind = builder.enumType("OutputKind", {
  description: "What a generation produces (a few video-section models produce images).",
  values: {
    IMAGE: { value: "image", description: "Image files (PNG, or JPEG when asked)." },
    VIDEO: { value: "video", description: "Video files." },
    THREE_D: { value: "3d", description: "A 3D model (.glb) and a preview image." },
  } as const,
});

// --- parameter specs: one object type per value type, so clients get typed defaults and bounds ---

const ParamSpecInterface = builder.interfaceRef<ParamSpec>("ParamSpec").implement({
  description:
    "One parameter of a model, as the spec documents it. Its members name `values` and `default` with different types (`values` is [String!]! on EnumParam and [Float!]! on NumericEnumParam; `default` is String, Float, Boolean or JSON), so a selection of several members must alias them or it fails validation: `... on EnumParam { names: values nameDefault: default } ... on NumericEnumParam { numbers: values numberDefault: default } ... on BooleanParam { booleanDefault: default }`.",
  fields: (t) => ({
    name: t.exposeString("name", { description: "The parameter's name in REST's `params` (snake_case, as the spec writes it)." }),
    required: t.exposeBoolean("required", { description: "Whether the spec requires it (a default may still fill it in)." }),
    description: t.string({ nullable: true, description: "The spec's description of it, as the spec prints it.", resolve: (p) => p.description ?? null }),
    specType: t.exposeString("specType", { description: "The type column as the spec prints it." }),
  }),
});

/** Told on every member's `default` and `values`: their types differ between members (see ParamSpec). */
const aliasHint = (field: string) => ` Alias it when a selection also asks another member's \`${field}\` (see ParamSpec).`;
const ALIAS_DEFAULT = aliasHint("default");
const ALIAS_VALUES = aliasHint("values");

const isNumericEnum = (p: ParamSpec) => p.type === "enum" && (p.values ?? []).every((v) => typeof v === "number");
const num = (v: unknown) => (typeof v === "number" ? v : null);

const paramType = (name: string, description: string, match: (p: ParamSpec) => boolean, fields: Parameters<ReturnType<typeof builder.objectRef<ParamSpec>>["implement"]>[0]["fields"]) =>
  builder.objectRef<ParamSpec>(name).implement({ description, interfaces: [ParamSpecInterface], isTypeOf: (p) => match(p as ParamSpec), fields });

paramType("IntegerParam", "An integer (Float where the range exceeds 32 bits, e.g. seeds).", (p) => p.type === "integer", (t) => ({
  default: t.float({ nullable: true, description: "The value used when none is sent." + ALIAS_DEFAULT, resolve: (p) => num(p.default) }),
  min: t.float({ nullable: true, description: "The smallest value taken.", resolve: (p) => p.min ?? null }),
  max: t.float({ nullable: true, description: "The largest value taken.", resolve: (p) => p.max ?? null }),
  step: t.float({ nullable: true, description: "Values are multiples of this; others snap to the nearest.", resolve: (p) => p.step ?? null }),
}));
paramType("NumberParam", "A number.", (p) => p.type === "number", (t) => ({
  default: t.float({ nullable: true, description: "The value used when none is sent." + ALIAS_DEFAULT, resolve: (p) => num(p.default) }),
  min: t.float({ nullable: true, description: "The smallest value taken.", resolve: (p) => p.min ?? null }),
  max: t.float({ nullable: true, description: "The largest value taken.", resolve: (p) => p.max ?? null }),
}));
paramType("StringParam", "Text.", (p) => p.type === "string", (t) => ({
  default: t.string({ nullable: true, description: "The text used when none is sent." + ALIAS_DEFAULT, resolve: (p) => (typeof p.default === "string" ? p.default : null) }),
  minLength: t.int({ nullable: true, description: "Fewest characters taken.", resolve: (p) => p.minLength ?? null }),
  maxLength: t.int({ nullable: true, description: "Most characters taken.", resolve: (p) => p.maxLength ?? null }),
}));
paramType("BooleanParam", "A flag.", (p) => p.type === "boolean", (t) => ({
  default: t.boolean({ nullable: true, description: "The value used when none is sent." + ALIAS_DEFAULT, resolve: (p) => (typeof p.default === "boolean" ? p.default : null) }),
}));
paramType("EnumParam", "One of a list of names.", (p) => p.type === "enum" && !isNumericEnum(p), (t) => ({
  values: t.stringList({ description: "The names taken, as REST sends them." + ALIAS_VALUES, resolve: (p) => (p.values ?? []).map(String) }),
  default: t.string({ nullable: true, description: "The name used when none is sent." + ALIAS_DEFAULT, resolve: (p) => (p.default === undefined ? null : String(p.default)) }),
}));
paramType("NumericEnumParam", "One of a list of numbers (durations, sizes); other numbers snap to the nearest.", isNumericEnum, (t) => ({
  values: t.floatList({ description: "The numbers taken." + ALIAS_VALUES, resolve: (p) => (p.values ?? []) as number[] }),
  default: t.float({ nullable: true, description: "The number used when none is sent." + ALIAS_DEFAULT, resolve: (p) => num(p.default) }),
}));
paramType("ArrayParam", "A list.", (p) => p.type === "array", (t) => ({
  default: t.field({ type: "JSON", nullable: true, description: "The list used when none is sent." + ALIAS_DEFAULT, resolve: (p) => p.default ?? null }),
}));
paramType("ReferenceParam", "A media reference: an https URL, a data: URI or an upload id.", (p) => p.type === "reference", () => ({}));
paramType("AnyParam", "The spec leaves the type open; any JSON value.", (p) => p.type === "any", (t) => ({
  default: t.field({ type: "JSON", nullable: true, description: "The value used when none is sent." + ALIAS_DEFAULT, resolve: (p) => p.default ?? null }),
}));

// --- sizes ---

const SizeTier = builder.enumType("SizeTier", {
  description: "The size groups of a model's resolution table, as the spec names them.",
  values: {
    Small: { description: "The spec's small sizes." },
    Medium: { description: "The spec's medium sizes." },
    Large: { description: "The spec's large sizes." },
  } as const,
});
const ResolutionType = builder.objectRef<Resolution>("Resolution").implement({
  description: "One size a model makes.",
  fields: (t) => ({
    label: t.exposeString("label", { description: 'The size as the spec names it, e.g. "1024x1024" or "16:9".' }),
    width: t.exposeInt("width", { description: "Pixels." }),
    height: t.exposeInt("height", { description: "Pixels." }),
    tier: t.field({ type: SizeTier, nullable: true, description: "The size group it is listed under, if any.", resolve: (r) => r.tier ?? null }),
  }),
});
const Bounds = builder.objectRef<{ min: number; max: number; step: number }>("DimensionBounds").implement({
  description: "The pixels a width or height may have.",
  fields: (t) => ({
    min: t.exposeInt("min", { description: "Fewest pixels." }),
    max: t.exposeInt("max", { description: "Most pixels." }),
    step: t.exposeInt("step", { description: "Pixels are multiples of this; others snap to the nearest." }),
  }),
});
const DimensionRange = builder
  .objectRef<{ width: { min: number; max: number; step: number }; height: { min: number; max: number; step: number } }>("DimensionRange")
  .implement({
    description: "Free sizes within bounds, for models whose size is a range.",
    fields: (t) => ({
      width: t.field({ type: Bounds, description: "Bounds of the width.", resolve: (r) => r.width }),
      height: t.field({ type: Bounds, description: "Bounds of the height.", resolve: (r) => r.height }),
    }),
  });

// --- models ---

export const AiModel = builder.interfaceRef<ModelProfile>("AiModel").implement({
  description: "What every model has: its parameters, sizes, cost summary and example.",
  fields: (t) => ({
    id: t.id({ description: 'The model id, as REST\'s `model` takes it, e.g. "gpt-image-2".', resolve: (m) => m.spec.id }),
    name: t.string({ description: "The model's name, as the spec writes it.", resolve: (m) => m.spec.name }),
    inputField: t.string({
      description: 'The field of GenerateInput that takes this model\'s typed parameters, e.g. "veo31FastGenerate001" for veo-3.1-fast-generate-001.',
      resolve: (m) => inputFieldOf(m.spec.id),
    }),
    kind: t.field({ type: ModelKind, description: "The spec's section it is listed under.", resolve: (m) => m.spec.kind }),
    output: t.field({ type: OutputKind, description: "What it produces.", resolve: (m) => m.spec.output }),
    costSummary: t.string({ description: "The spec's cost line, e.g. \"~$0.02 per generation\".", resolve: (m) => m.spec.costSummary }),
    available: t.boolean({
      description: "Whether this gateway runs the model now (at a configured vendor, or simulated).",
      resolve: (m, _args, ctx) => ctx.services.availability?.(m.spec.id).available ?? true,
    }),
    vendor: t.string({
      nullable: true,
      description: 'Where it runs: "fal", "replicate", "openai" or "simulation"; null when nothing runs it (or a GateAI-compatible upstream does).',
      resolve: (m, _args, ctx) => (ctx.services.availability ? ctx.services.availability(m.spec.id).via : "simulation"),
    }),
    defaultCost: t.float({
      description: "USD for the model's example request, as the engine prices it.",
      resolve: (m, _args, ctx) => {
        const normalized = ctx.services.engine.normalize({ model: m.spec.id, params: m.spec.example.params });
        return microsToUsd(normalized.ok ? ctx.services.engine.price(m, normalized.value.params) : 0);
      },
    }),
    params: t.field({ type: [ParamSpecInterface], description: "Every parameter it takes, with types, bounds and defaults.", resolve: (m) => [...m.params.values()] }),
    requiredParams: t.stringList({ description: "The names of the parameters the spec requires.", resolve: (m) => [...m.params.values()].filter((p) => p.required).map((p) => p.name) }),
    maxQuantity: t.int({ description: "Outputs it makes at most per request.", resolve: (m) => m.quantityMax }),
    resolutions: t.field({
      type: [ResolutionType],
      description: "Valid sizes (every tier), when the model has a table.",
      resolve: (m) =>
        m.size.kind === "table"
          ? m.size.groups.flatMap((g) => g.sizes)
          : m.size.kind === "tiered"
            ? [...m.size.byTier.values()].flatMap((groups) => groups.flatMap((g) => g.sizes))
            : [],
    }),
    dimensionRange: t.field({
      type: DimensionRange,
      nullable: true,
      description: "Width/height bounds, for models whose size is a range.",
      resolve: (m) => (m.size.kind === "range" ? { width: m.size.width, height: m.size.height } : null),
    }),
    resolutionParam: t.string({ nullable: true, description: "The parameter that picks the resolution tier (mode, resolution).", resolve: (m) => m.tier?.name ?? null }),
    resolutionTiers: t.stringList({ description: "Its values, lowest first.", resolve: (m) => [...(m.tier?.values ?? [])] }),
    example: t.field({ type: "JSON", description: "The spec's example request body.", resolve: (m) => m.spec.example }),
  }),
});

const modelObject = (name: string, kind: string, description: string, extra?: (t: Parameters<Parameters<ReturnType<typeof builder.objectRef<ModelProfile>>["implement"]>[0]["fields"] & object>[0]) => Record<string, unknown>) =>
  builder.objectRef<ModelProfile>(name).implement({
    description,
    interfaces: [AiModel],
    isTypeOf: (m) => (m as ModelProfile).spec?.kind === kind,
    fields: (t) => ({ ...(extra ? (extra(t) as object) : {}) }) as never,
  });

export const ImageModel = modelObject("ImageModel", "image", "A model of the spec's image section.");
export const VideoModel = modelObject("VideoModel", "video", "A model of the spec's video section.", (t) => ({
  durations: t.intList({
    description: "Allowed durations in seconds (empty when the model has no duration).",
    resolve: (m) => [...(m.duration?.values ?? [])],
  }),
  durationParam: t.string({ nullable: true, description: "The parameter that sets the duration (e.g. duration, seconds), if any.", resolve: (m) => m.duration?.name ?? null }),
}));
export const ThreeDModel = modelObject("ThreeDModel", "3d", "A model of the spec's 3D section.");

export const Model = builder.unionType("Model", { description: "A model of any section; every member implements AiModel.", types: [ImageModel, VideoModel, ThreeDModel] });
export const ModelResult = builder.unionType("ModelResult", {
  description: "The model, or why there is none (every failure implements Error).",
  types: [ImageModel, VideoModel, ThreeDModel, ModelNotFound, InvalidParams],
});

builder.queryFields((t) => ({
  models: t.field({
    type: [Model],
    description: "Every model, in the spec's order; optionally only one kind.",
    args: { kind: t.arg({ type: ModelKind, required: false, description: "Only the models of this section." }) },
    resolve: (_root, { kind }, ctx) =>
      ctx.services.engine.models.filter((m) => !kind || m.kind === kind).map((m) => ctx.services.engine.profile(m.id)!),
  }),
  model: t.field({
    type: ModelResult,
    description: `One model by id; an id over ${BOUNDS.modelId} characters (or not text) is InvalidParams, before any lookup.`,
    args: { id: t.arg.id({ required: true, description: 'A model id, e.g. "gpt-image-2".' }) },
    resolve: (_root, { id }, ctx) => {
      const issue = modelIdIssue(String(id), "id");
      if (issue) return invalidParams([issue]) as never;
      const found = ctx.services.engine.findModel(String(id));
      // findModel fails only with MODEL_NOT_FOUND.
      return found.ok ? found.value : (found.error as Extract<typeof found.error, { code: "MODEL_NOT_FOUND" }>);
    },
  }),
}));

export const isLargeInteger = (p: ParamSpec) => (p.max !== undefined && p.max > INT32_MAX) || (p.min !== undefined && p.min < -INT32_MAX - 1);
