/**
 * An independent reading of the catalog for the engine's property tests: what a valid request
 * is, which sizes exist, which values rank above which, and what the budget fit may choose.
 * Written from the catalog's data (src/catalog) alone; nothing here calls the engine's own
 * snapping, validation or downgrade code.
 */
import { catalog } from "../../src/catalog/index.ts";
import { paramRules } from "../../src/catalog/constraints.ts";
import { impliedResolutions, resolutionTiers } from "../../src/catalog/resolution-tiers.ts";
import type { EnumValue, ModelSpec, ParamSpec, Resolution } from "../../src/catalog/types.ts";

export const MAX_PROMPT = 1500;
export const MAX_QUANTITY = 8;

export const INLINE_REFERENCES = [
  "image", "input_image", "first_frame", "last_frame", "start_image_url", "end_image_url",
  "image_url", "video_url", "reference_video_url", "audio_url", "reference_audio_url",
];
export const INLINE_REFERENCE_ARRAYS = ["reference_images", "image_urls"];
export const UPLOAD_ARRAYS = ["images", "videos"];
const START_FRAME_ALIASES = ["first_frame", "start_image_url", "image", "input_image", "image_url"];

// --- values --------------------------------------------------------------------------------

/** Deep equality with Object.is for leaves (NaN equals NaN, 0 differs from -0). */
export function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export const codePoints = (s: string): number => Array.from(s).length;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isReferenceValue(v: unknown): boolean {
  if (typeof v !== "string") return false;
  if (UUID.test(v)) return true;
  if (/^data:[\w.+-]+\/[\w.+-]+(;[\w-]+=[^;,]+)*;base64,[A-Za-z0-9+/]+=*$/.test(v)) return true;
  if (!v.startsWith("https://")) return false;
  try {
    return new URL(v).hostname !== "";
  } catch {
    return false;
  }
}

// --- ranks ---------------------------------------------------------------------------------

const SCALES: readonly (readonly string[])[] = [
  ["extra_low", "low", "medium", "high"],
  ["TURBO", "BALANCED", "QUALITY"],
  ["FAST", "QUALITY", "ULTRA"],
];

/**
 * Where a value stands among its param's values, when the param is a quality tier:
 * low < medium < high (extra_low below low), TURBO < BALANCED < QUALITY, FAST < QUALITY < ULTRA,
 * RESOLUTION_n and "np" by n. Undefined when the param's values form no such scale.
 */
export function qualityRank(values: readonly EnumValue[] | undefined, value: unknown): number | undefined {
  if (!values?.length || typeof value !== "string" || !values.includes(value)) return undefined;
  const strings = values.filter((v): v is string => typeof v === "string");
  if (strings.length !== values.length) return undefined;
  if (strings.every((v) => /^RESOLUTION_\d+$/.test(v))) return Number(value.slice("RESOLUTION_".length));
  if (strings.every((v) => /^\d+p$/.test(v))) return Number(value.slice(0, -1));
  for (const scale of SCALES) if (strings.every((v) => scale.includes(v))) return scale.indexOf(value);
  return undefined;
}

export const isQualityParam = (p: ParamSpec): boolean => p.type === "enum" && qualityRank(p.values, p.values?.[0]) !== undefined;

// --- the model as data --------------------------------------------------------------------------

export interface Grid {
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

export type Sizes =
  | { readonly kind: "none" }
  | { readonly kind: "table"; readonly pairs: readonly Resolution[]; readonly auto: boolean }
  | { readonly kind: "tiered"; readonly param: string; readonly byTier: ReadonlyMap<string, readonly Resolution[]>; readonly auto: boolean }
  /** `sources`: every bound that applies (the param's own and the Dimension Range), each checked. */
  | { readonly kind: "range"; readonly width: readonly Grid[]; readonly height: readonly Grid[]; readonly auto: boolean };

export interface Model {
  readonly spec: ModelSpec;
  readonly id: string;
  /** The spec's params plus any the tiers add (Seedance 2.0 `mode`). */
  readonly params: readonly ParamSpec[];
  readonly param: (name: string) => ParamSpec | undefined;
  readonly sizes: Sizes;
  /** The param whose value picks the resolution tier, lowest value first. */
  readonly tier?: { readonly name: string; readonly values: readonly string[]; readonly aspectParam?: string };
  readonly duration?: Omit<ParamSpec, "values"> & { readonly values: readonly number[] };
  readonly quantityMax: number;
}

const allowsZero = (p: ParamSpec | undefined) => p !== undefined && (p.values?.includes(0) === true || p.min === 0);

function gridsOf(param: ParamSpec | undefined, range: Grid | undefined): Grid[] {
  const grids: Grid[] = [];
  if (param?.min !== undefined && param.max !== undefined) grids.push({ min: param.min, max: param.max, step: param.step ?? 1 });
  if (range) grids.push(range);
  return grids;
}

function modelOf(spec: ModelSpec): Model {
  const tiers = resolutionTiers[spec.id];
  const params = [...spec.params];
  if (tiers?.addedParam && !params.some((p) => p.name === tiers.addedParam!.name)) params.push(tiers.addedParam);
  const param = (name: string) => params.find((p) => p.name === name);
  const width = param("width");
  const height = param("height");
  const auto = allowsZero(width) && allowsZero(height);
  let sizes: Sizes = { kind: "none" };
  if (width && height) {
    const table = spec.resolutions ?? impliedResolutions[spec.id];
    if (tiers && tiers.tiers.every((t) => t.sizes)) {
      sizes = { kind: "tiered", param: tiers.param, byTier: new Map(tiers.tiers.map((t) => [t.value, t.sizes!])), auto };
    } else if (table) {
      sizes = { kind: "table", pairs: table, auto };
    } else {
      const w = gridsOf(width, spec.dimensionRange?.width);
      const h = gridsOf(height, spec.dimensionRange?.height);
      if (w.length && h.length) sizes = { kind: "range", width: w, height: h, auto };
    }
  }
  const durationSpec = param("duration") ?? param("durationSeconds");
  const duration =
    durationSpec?.values?.every((v) => typeof v === "number") === true
      ? { ...durationSpec, values: [...(durationSpec.values as number[])].sort((a, b) => a - b) }
      : undefined;
  const quantity = param("quantity");
  return {
    spec,
    id: spec.id,
    params,
    param,
    sizes,
    ...(tiers
      ? { tier: { name: tiers.param, values: tiers.tiers.map((t) => t.value), ...(tiers.aspectParam ? { aspectParam: tiers.aspectParam } : {}) } }
      : {}),
    ...(duration ? { duration } : {}),
    quantityMax: quantity ? Math.min(MAX_QUANTITY, quantity.max ?? MAX_QUANTITY) : 1,
  };
}

export const models: readonly Model[] = catalog.map(modelOf);
export const modelById = new Map(models.map((m) => [m.id, m]));

/** The one grid every bound agrees on: the highest min, the lowest max, the coarsest step. */
export function effectiveGrid(grids: readonly Grid[]): Grid {
  return {
    min: Math.max(...grids.map((g) => g.min)),
    max: Math.min(...grids.map((g) => g.max)),
    step: Math.max(...grids.map((g) => g.step)),
  };
}

export const onGrids = (grids: readonly Grid[], v: number): boolean =>
  Number.isInteger(v) && grids.every((g) => v >= g.min && v <= g.max && (v - g.min) % g.step === 0);

/** The aspect ratio a table label names ("Twitter / X (4:3)" → ln 4/3); the pair's own when it names none. */
export function labelLogRatio(r: Resolution): number {
  const all = [...r.label.matchAll(/(\d+)\s*:\s*(\d+)/g)];
  const last = all[all.length - 1];
  return last ? Math.log(Number(last[1])) - Math.log(Number(last[2])) : Math.log(r.width) - Math.log(r.height);
}

/** Placeholder values for required params without a default, so a request can be accepted. */
export function requiredPlaceholders(model: Model): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const p of model.params) {
    if (!p.required || p.default !== undefined) continue;
    params[p.name] = p.type === "reference" ? "https://example.com/start.jpg" : "A serene mountain lake at sunrise";
  }
  return params;
}

// --- validity ----------------------------------------------------------------------------------

function checkValue(p: ParamSpec, v: unknown): string | undefined {
  switch (p.type) {
    case "integer":
    case "number":
      if (typeof v !== "number" || !Number.isFinite(v)) return "not a finite number";
      if (p.type === "integer" && !Number.isInteger(v)) return "not an integer";
      if (p.min !== undefined && v < p.min) return `below ${p.min}`;
      if (p.max !== undefined && v > p.max) return `above ${p.max}`;
      return undefined;
    case "string":
      if (typeof v !== "string") return "not a string";
      if (p.minLength !== undefined && codePoints(v) < p.minLength) return "too short";
      if (p.maxLength !== undefined && codePoints(v) > p.maxLength) return "too long";
      return undefined;
    case "boolean":
      return typeof v === "boolean" ? undefined : "not a boolean";
    case "array":
      return Array.isArray(v) ? undefined : "not an array";
    case "reference":
      return isReferenceValue(v) ? undefined : "not a reference";
    case "enum":
      return p.values!.some((x) => Object.is(x, v)) ? undefined : `not one of ${p.values!.join("/")}`;
    case "any":
      return undefined;
  }
}

const findPair = (pairs: readonly Resolution[], w: unknown, h: unknown) => pairs.find((r) => r.width === w && r.height === h);

/** Everything wrong with `params` as a request the model can run; empty when valid. */
export function violations(model: Model, params: Readonly<Record<string, unknown>>): string[] {
  const out: string[] = [];
  const has = (k: string) => Object.prototype.hasOwnProperty.call(params, k) && params[k] !== undefined;
  const sizeRuled = model.sizes.kind !== "none";
  for (const [key, value] of Object.entries(params)) {
    const p = model.param(key);
    if (p) {
      if ((key === "width" || key === "height") && sizeRuled) {
        if (typeof value !== "number" || !Number.isFinite(value)) out.push(`${key}: not a number`);
        if (p.type === "enum" && !p.values!.includes(value as number)) out.push(`${key}: ${String(value)} not in its enum`);
        continue;
      }
      const problem = checkValue(p, value);
      if (problem) out.push(`${key}: ${problem}`);
    } else if (key === "prompt") {
      if (typeof value !== "string") out.push("prompt: not a string");
    } else if (INLINE_REFERENCES.includes(key)) {
      if (!isReferenceValue(value)) out.push(`${key}: not a reference`);
    } else if (INLINE_REFERENCE_ARRAYS.includes(key)) {
      if (!Array.isArray(value) || !value.every(isReferenceValue)) out.push(`${key}: not an array of references`);
    } else if (UPLOAD_ARRAYS.includes(key)) {
      if (!Array.isArray(value) || !value.every((x) => typeof x === "string" && UUID.test(x))) out.push(`${key}: not an array of upload ids`);
    } else {
      out.push(`${key}: unknown parameter`);
    }
  }
  if (typeof params.prompt === "string" && codePoints(params.prompt) > MAX_PROMPT) out.push("prompt: over 1500 characters");
  if (has("quantity")) {
    const q = params.quantity;
    if (typeof q !== "number" || !Number.isInteger(q) || q < 1 || q > model.quantityMax) out.push(`quantity: ${String(q)} outside 1..${model.quantityMax}`);
  }
  for (const p of model.params) {
    if (!p.required || has(p.name)) continue;
    if (p.name === "start_frame" && START_FRAME_ALIASES.some(has)) continue;
    out.push(`${p.name}: required but absent`);
  }

  const w = params.width;
  const h = params.height;
  const sizes = model.sizes;
  const isAuto = sizes.kind !== "none" && sizes.auto && w === 0 && h === 0;
  if (sizes.kind === "table") {
    if ((has("width") || has("height")) && !isAuto && !findPair(sizes.pairs, w, h)) out.push(`size ${String(w)}×${String(h)} is not a table pair`);
  } else if (sizes.kind === "tiered") {
    const tierValue = params[sizes.param];
    const pairs = sizes.byTier.get(tierValue as string);
    if (!pairs) out.push(`${sizes.param}: ${String(tierValue)} is not a tier`);
    else if (!isAuto) {
      const pair = findPair(pairs, w, h);
      if (!pair) out.push(`size ${String(w)}×${String(h)} is not in the ${String(tierValue)} table`);
      const aspect = model.tier?.aspectParam;
      if (pair && aspect && has(aspect) && params[aspect] !== pair.label) out.push(`${aspect}: ${String(params[aspect])} disagrees with ${pair.label}`);
    }
  } else if (sizes.kind === "range") {
    if (has("width") && !onGrids(sizes.width, w as number)) out.push(`width ${String(w)} is off the grid`);
    if (has("height") && !onGrids(sizes.height, h as number)) out.push(`height ${String(h)} is off the grid`);
  }

  for (const rule of paramRules[model.id] ?? []) {
    if (rule.kind === "needs") {
      if (has(rule.param) && !rule.with.some(has)) out.push(`${rule.param}: needs one of ${rule.with.join(", ")}`);
      continue;
    }
    const v = params[rule.param];
    if (typeof v !== "number" || v <= rule.value) continue;
    for (const [name, allowed] of Object.entries(rule.require)) {
      if (!allowed.includes(params[name] as string | number)) out.push(`${name}: must be ${allowed.join("/")} when ${rule.param} > ${rule.value}`);
    }
  }
  return out;
}

// --- snapping, brute force ---------------------------------------------------------------------------

/** The pairs nearest to w×h: nearest aspect ratio (by label, in log space), then nearest pixel count. */
export function nearestPairs(pairs: readonly Resolution[], w: number, h: number): Resolution[] {
  const target = Math.log(w) - Math.log(h);
  const pixels = w * h;
  // Nearness to an infinite pixel count means size.
  const pixelDistance = (r: Resolution) => (Number.isFinite(pixels) ? Math.abs(r.width * r.height - pixels) : -r.width * r.height);
  const aspect = (r: Resolution) => Math.abs(labelLogRatio(r) - target);
  const bestAspect = Math.min(...pairs.map(aspect));
  const sameAspect = pairs.filter((r) => aspect(r) <= bestAspect + 1e-9);
  const bestPixels = Math.min(...sameAspect.map(pixelDistance));
  return sameAspect.filter((r) => pixelDistance(r) <= bestPixels + 1e-6 * Math.max(1, Math.abs(bestPixels)));
}

/** Whether `v` is a nearest value to `target` on the grid (checked against both neighbours). */
export function isNearestOnGrid(grids: readonly Grid[], v: number, target: number): boolean {
  const g = effectiveGrid(grids);
  if (!onGrids(grids, v)) return false;
  const d = Math.abs(v - target);
  return [v - g.step, v + g.step].every((n) => !onGrids(grids, n) || Math.abs(n - target) >= d);
}

export function nearestNumbers(values: readonly number[], target: number): number[] {
  const best = Math.min(...values.map((v) => Math.abs(v - target)));
  return values.filter((v) => Math.abs(v - target) === best);
}

// --- budget fit candidates, brute force ----------------------------------------------------------------

const rankIn = (values: readonly string[], v: unknown) => values.indexOf(v as string);

/**
 * The sizes a request may go down to for one tier value: the same-label sizes no larger on either
 * side (tables), or, for a dimension range, sizes along the longer side's grid with the other side
 * at the nearest grid step to the same aspect ratio (within half a step). `limit` caps how many
 * range sizes are listed: evenly spread, always with the smallest and the request's own.
 */
export function lowerSizes(
  model: Model,
  params: Readonly<Record<string, unknown>>,
  tierValue: string | undefined,
  limit = Infinity,
  include: readonly number[] = [],
): { width?: number; height?: number }[] {
  const w = params.width;
  const h = params.height;
  const sizes = model.sizes;
  if (typeof w !== "number" || typeof h !== "number" || w === 0 || h === 0) return [{}];
  if (sizes.kind === "table" || sizes.kind === "tiered") {
    const current = sizes.kind === "table" ? sizes.pairs : sizes.byTier.get(params[sizes.param] as string)!;
    const label = findPair(current, w, h)?.label;
    const pool = sizes.kind === "table" ? sizes.pairs : sizes.byTier.get(tierValue!)!;
    return pool.filter((r) => r.label === label && r.width <= w && r.height <= h).map((r) => ({ width: r.width, height: r.height }));
  }
  if (sizes.kind === "range") {
    const driveWidth = w >= h;
    const drive = effectiveGrid(driveWidth ? sizes.width : sizes.height);
    const follow = effectiveGrid(driveWidth ? sizes.height : sizes.width);
    const driveValue = driveWidth ? w : h;
    const followValue = driveWidth ? h : w;
    const ratio = followValue / driveValue;
    const count = Math.floor((driveValue - drive.min) / drive.step) + 1;
    const out: { width: number; height: number }[] = [];
    const indices = new Set<number>();
    if (count <= limit) for (let i = 0; i < count; i++) indices.add(i);
    else {
      for (let k = 0; k < limit; k++) indices.add(Math.round((k * (count - 1)) / (limit - 1)));
    }
    // Sizes the caller wants checked, given by their longer-side value.
    for (const d of include) {
      const i = (d - drive.min) / drive.step;
      if (Number.isInteger(i) && i >= 0 && i < count) indices.add(i);
    }
    const candidate = (i: number) => {
      const d = drive.min + i * drive.step;
      const exact = d * ratio;
      // The nearest step, the lower one on a tie.
      const k = Math.ceil((exact - follow.min) / follow.step - 0.5);
      const f = Math.min(followValue, Math.max(follow.min, follow.min + k * follow.step));
      const size = driveWidth ? { width: d, height: f } : { width: f, height: d };
      return keepsAspect({ width: w, height: h }, size, effectiveGrid(sizes.width).step, effectiveGrid(sizes.height).step) ? size : undefined;
    };
    // The smallest size that keeps the aspect ratio is always listed.
    for (let i = 0; i < count; i++) {
      const c = candidate(i);
      if (c) {
        indices.add(i);
        break;
      }
    }
    for (const i of [...indices].sort((a, b) => a - b)) {
      const c = candidate(i);
      if (c) out.push(c);
    }
    return out;
  }
  return [{}];
}

/**
 * Whether a smaller size is "at the same aspect ratio" as the request on a grid: some one scale
 * s puts each side within half a grid step of s × the request's side.
 */
export function keepsAspect(
  request: { readonly width: number; readonly height: number },
  size: { readonly width: number; readonly height: number },
  stepW: number,
  stepH: number,
): boolean {
  const low = Math.max((size.width - stepW / 2) / request.width, (size.height - stepH / 2) / request.height);
  const high = Math.min((size.width + stepW / 2) / request.width, (size.height + stepH / 2) / request.height);
  return low <= high + 1e-9;
}

export interface Candidate {
  readonly params: Record<string, unknown>;
  readonly pixels: number;
  readonly tierRank: number;
}

/** Every combination of a lower-or-equal resolution and a shorter-or-equal duration, nothing else changed. */
export function fitCandidates(
  model: Model,
  params: Readonly<Record<string, unknown>>,
  limit = Infinity,
  include: readonly number[] = [],
): Candidate[] {
  const tierValues = model.tier ? model.tier.values.slice(0, rankIn(model.tier.values, params[model.tier.name]) + 1) : [undefined];
  const durations = model.duration ? model.duration.values.filter((d) => d <= (params[model.duration!.name] as number)) : [undefined];
  const out: Candidate[] = [];
  for (const tierValue of tierValues) {
    for (const size of lowerSizes(model, params, tierValue, limit, include)) {
      for (const duration of durations) {
        const next: Record<string, unknown> = { ...params, ...size };
        if (tierValue !== undefined) next[model.tier!.name] = tierValue;
        if (duration !== undefined) next[model.duration!.name] = duration;
        const pixels = typeof next.width === "number" && typeof next.height === "number" ? next.width * next.height : 0;
        out.push({ params: next, pixels, tierRank: tierValue === undefined ? 0 : rankIn(model.tier!.values, tierValue) });
      }
    }
  }
  return out;
}
