import type { MediaKind, ModelSpec, ParamMedia, ParamSpec, Resolution, SizeTier } from "../catalog/types.ts";
import type { PriceRule } from "../catalog/pricing.ts";
import type { ParamRule } from "../catalog/constraints.ts";
import type { ResolutionTiers } from "../catalog/resolution-tiers.ts";
import { BOUNDS } from "../kernel/bounds.ts";

/** The global limits of the spec's "Request Limits". */
export const MAX_PROMPT_LENGTH: number = BOUNDS.prompt;
export const MAX_QUANTITY = 8;

/**
 * Fields every model accepts beside its own table: the spec's inline reference fields and the
 * `images`/`videos` upload-id arrays ("Image/video references").
 */
export const INLINE_REFERENCE_FIELDS = [
  "image",
  "input_image",
  "first_frame",
  "last_frame",
  "start_image_url",
  "end_image_url",
  "image_url",
  "video_url",
  "reference_video_url",
  "audio_url",
  "reference_audio_url",
] as const;
export const INLINE_REFERENCE_ARRAYS = ["reference_images", "image_urls"] as const;
export const UPLOAD_ID_ARRAYS = ["images", "videos"] as const;

/** The media kind a universal field's name announces (`video_url`: video, `audio_url`: audio, the rest: image). */
const kindOfUniversalField = (name: string): MediaKind => (/video/i.test(name) ? "video" : /audio/i.test(name) ? "audio" : "image");

/**
 * Every param of a model that can carry a media reference, and where in its value: the spec's
 * universal inline fields and upload-id arrays, then the model's own params the catalog marks
 * (`ParamSpec.media`), which win over a universal field of the same name.
 */
export function mediaParams(spec: ModelSpec): ReadonlyMap<string, ParamMedia> {
  const media = new Map<string, ParamMedia>();
  for (const name of [...INLINE_REFERENCE_FIELDS, ...INLINE_REFERENCE_ARRAYS, ...UPLOAD_ID_ARRAYS]) media.set(name, { value: kindOfUniversalField(name) });
  for (const param of spec.params) if (param.media) media.set(param.name, param.media);
  return media;
}

export interface Bounds {
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

/** A group of sizes sharing one aspect-ratio label, smallest first. */
export interface AspectGroup {
  readonly label: string;
  /** ln(width/height) of the label ("16:9" → ln(16/9)), or of its first size when the label names none. */
  readonly logRatio: number;
  readonly sizes: readonly Resolution[];
}

/** How a model's width/height are made valid. */
export type SizeModel =
  | { readonly kind: "none" }
  /** A fixed table (flat, or aspect ratio × Small/Medium/Large). */
  | { readonly kind: "table"; readonly groups: readonly AspectGroup[]; readonly auto: boolean }
  /** Sizes chosen by a tier parameter: each tier value has its own table. */
  | { readonly kind: "tiered"; readonly byTier: ReadonlyMap<string, readonly AspectGroup[]>; readonly auto: boolean }
  | { readonly kind: "range"; readonly width: Bounds; readonly height: Bounds; readonly auto: boolean };

export interface TierParam {
  readonly name: string;
  /** Lowest first. */
  readonly values: readonly string[];
  readonly aspectParam?: string;
}

export interface ModelProfile {
  readonly spec: ModelSpec;
  /** The model's own params plus any the engine adds (Seedance 2.0 `mode`). */
  readonly params: ReadonlyMap<string, ParamSpec>;
  readonly duration?: Omit<ParamSpec, "values"> & { readonly values: readonly number[] };
  readonly quantityMax: number;
  readonly size: SizeModel;
  readonly hasSizeParams: boolean;
  readonly tier?: TierParam;
  readonly price: PriceRule;
  readonly rules: readonly ParamRule[];
  /** The params that can carry media references (`mediaParams`): what the reference check walks. */
  readonly media: ReadonlyMap<string, ParamMedia>;
  /** Size of each table entry's tier, for pricing by Small/Medium/Large. */
  readonly sizeTierOf: (width: number, height: number) => SizeTier | undefined;
}

export interface ProfileSources {
  readonly pricing: Readonly<Record<string, PriceRule>>;
  readonly tiers: Readonly<Record<string, ResolutionTiers>>;
  readonly impliedResolutions: Readonly<Record<string, readonly Resolution[]>>;
  readonly rules: Readonly<Record<string, readonly ParamRule[]>>;
}

/** "Twitter / X (4:3)" → 4/3; a label without a ratio falls back to the size's own ratio. */
export function labelLogRatio(label: string, fallback: Resolution): number {
  const match = /(\d+(?:\.\d+)?)\s*:\s*(\d+(?:\.\d+)?)(?!.*\d+\s*:)/.exec(label);
  if (match) return Math.log(Number(match[1]) / Number(match[2]));
  return Math.log(fallback.width / fallback.height);
}

export function groupByAspect(sizes: readonly Resolution[]): AspectGroup[] {
  const groups = new Map<string, Resolution[]>();
  for (const size of sizes) {
    const list = groups.get(size.label) ?? [];
    list.push(size);
    groups.set(size.label, list);
  }
  return [...groups].map(([label, list]) => {
    const sorted = [...list].sort((a, b) => a.width * a.height - b.width * b.height);
    return { label, logRatio: labelLogRatio(label, sorted[0]!), sizes: sorted };
  });
}

function intersect(a: Bounds | undefined, b: Bounds | undefined): Bounds | undefined {
  if (!a) return b;
  if (!b) return a;
  const step = Math.max(a.step, b.step);
  return { min: Math.max(a.min, b.min), max: Math.min(a.max, b.max), step };
}

function paramBounds(param: ParamSpec | undefined): Bounds | undefined {
  if (!param || param.min === undefined || param.max === undefined) return undefined;
  return { min: param.min, max: param.max, step: param.step ?? 1 };
}

const allowsZero = (param: ParamSpec | undefined) => param?.values?.includes(0) === true || param?.min === 0;

export function buildProfile(spec: ModelSpec, sources: ProfileSources): ModelProfile {
  const price = sources.pricing[spec.id];
  if (!price) throw new Error(`no price rule for model ${spec.id}`);
  const tierSource = sources.tiers[spec.id];

  const params = new Map<string, ParamSpec>(spec.params.map((p) => [p.name, p]));
  if (tierSource?.addedParam && !params.has(tierSource.addedParam.name)) params.set(tierSource.addedParam.name, tierSource.addedParam);

  const durationSpec = params.get("duration") ?? params.get("durationSeconds");
  const duration =
    durationSpec?.values && durationSpec.values.every((v) => typeof v === "number")
      ? Object.assign({}, durationSpec, { values: [...(durationSpec.values as number[])].sort((a, b) => a - b) })
      : undefined;

  const quantityParam = params.get("quantity");
  const quantityMax = Math.min(MAX_QUANTITY, quantityParam ? (quantityParam.max ?? MAX_QUANTITY) : 1);

  const widthParam = params.get("width");
  const heightParam = params.get("height");
  const hasSizeParams = widthParam !== undefined && heightParam !== undefined;
  const auto = allowsZero(widthParam) && allowsZero(heightParam);

  const tier: TierParam | undefined = tierSource
    ? { name: tierSource.param, values: tierSource.tiers.map((t) => t.value), ...(tierSource.aspectParam ? { aspectParam: tierSource.aspectParam } : {}) }
    : undefined;

  const tableSizes = spec.resolutions ?? sources.impliedResolutions[spec.id];
  let size: SizeModel = { kind: "none" };
  if (hasSizeParams && tierSource && tierSource.tiers.every((t) => t.sizes)) {
    size = { kind: "tiered", byTier: new Map(tierSource.tiers.map((t) => [t.value, groupByAspect(t.sizes!)])), auto };
  } else if (hasSizeParams && tableSizes) {
    size = { kind: "table", groups: groupByAspect(tableSizes), auto };
  } else if (hasSizeParams) {
    const range = spec.dimensionRange;
    const width = intersect(paramBounds(widthParam), range?.width);
    const height = intersect(paramBounds(heightParam), range?.height);
    if (width && height) size = { kind: "range", width, height, auto: width.min === 0 && height.min === 0 };
  }

  const tierBySize = new Map<string, SizeTier>();
  for (const r of tableSizes ?? []) if (r.tier) tierBySize.set(`${r.width}x${r.height}`, r.tier);

  return {
    spec,
    params,
    ...(duration ? { duration } : {}),
    quantityMax,
    size,
    hasSizeParams,
    ...(tier ? { tier } : {}),
    price,
    rules: sources.rules[spec.id] ?? [],
    media: mediaParams(spec),
    sizeTierOf: (w, h) => tierBySize.get(`${w}x${h}`),
  };
}
