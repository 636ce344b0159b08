import type { EnumValue, OutputKind } from "../catalog/types.ts";
import type { Engine, GenerationRequest } from "./engine.ts";
import { invalidParams, type EngineError } from "./errors.ts";
import type { Micros } from "../kernel/money.ts";
import type { Adjustment, Params } from "./normalize.ts";
import type { ModelProfile } from "./profile.ts";
import { err, ok, type Result } from "../kernel/result.ts";
import { BOUNDS, isStorableText, truncateForEcho, UNSTORABLE_TEXT, type InputIssue } from "../kernel/bounds.ts";

/** The questions a client asks before spending. All pure, all answered with the engine's own rules. */

/** A value priceAcross prices: an enum value, a number, or a boolean. */
export type PricedValue = EnumValue | boolean;

export interface PricePoint {
  readonly value: PricedValue;
  readonly result: Result<{ readonly cost: Micros; readonly params: Params; readonly adjustments: readonly Adjustment[] }, EngineError>;
}

export interface PriceSeries {
  /** The value of the `by` parameter this series holds fixed (absent without `by`). */
  readonly by?: PricedValue;
  readonly points: readonly PricePoint[];
}

const MAX_SERIES_VALUES = 64;

const BOOLEAN_VALUES: readonly PricedValue[] = [true, false];

/**
 * The values priceAcross prices when it is given none ("all its allowed values"): a parameter's
 * enum, both values of a boolean, or its integer range when that is short; undefined when it has
 * no such list. The query cost rule sizes a table priced this way by the longest of these lists.
 */
export function allowedValues(profile: ModelProfile, name: string): readonly PricedValue[] | undefined {
  const spec = profile.params.get(name);
  if (!spec) return undefined;
  if (spec.values?.length) return spec.values;
  if (spec.type === "boolean") return BOOLEAN_VALUES;
  if (spec.type === "integer" && spec.min !== undefined && spec.max !== undefined) {
    const step = spec.step ?? 1;
    const count = Math.floor((spec.max - spec.min) / step) + 1;
    if (count <= MAX_SERIES_VALUES) return Array.from({ length: count }, (_, i) => spec.min! + i * step);
  }
  return undefined;
}

/** Values a parameter of the model can take (`allowedValues`), or why it has none to price across. */
function valuesOf(profile: ModelProfile, name: string): Result<readonly PricedValue[], EngineError> {
  const values = allowedValues(profile, name);
  return values ? ok(values) : err(invalidParams([{ field: name, reason: "has no short list of values to price across; pass the values" }]));
}

/** Why a priceAcross parameter name (`across`, `by`) is refused before any lookup. */
function paramNameIssue(field: string, name: string): InputIssue | undefined {
  if (name.length > BOUNDS.paramName) return { field, reason: `longer than ${BOUNDS.paramName} characters (no parameter name is)` };
  if (!isStorableText(name)) return { field, reason: UNSTORABLE_TEXT };
  return undefined;
}

/** Why a list of values to price across is refused: too many, or a value that is not a short scalar. */
function valuesIssue(field: string, values: readonly unknown[], max: number): InputIssue | undefined {
  if (values.length > max) return { field, reason: `has ${values.length} values; at most ${max}` };
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value === "number" || typeof value === "boolean") continue;
    if (typeof value !== "string") return { field: `${field}[${i}]`, reason: "must be a string, a number or a boolean" };
    if (value.length > BOUNDS.priceAcrossValue) return { field: `${field}[${i}]`, reason: `longer than ${BOUNDS.priceAcrossValue} characters` };
    if (!isStorableText(value)) return { field: `${field}[${i}]`, reason: UNSTORABLE_TEXT };
  }
  return undefined;
}

/**
 * The price of one request across the values of one parameter, optionally once per value of a
 * second one ("every duration at 720p and 1080p": across `duration`, by `mode`). Bounded before
 * anything is priced (src/kernel/bounds.ts): at most 50 `values` and 50 `byValues`, each a short
 * scalar; and since every cell answers its params, cells × the params' JSON size at most 4 MiB.
 */
export function priceAcross(
  engine: Engine,
  request: GenerationRequest,
  across: string,
  options: { readonly by?: string; readonly values?: readonly PricedValue[]; readonly byValues?: readonly PricedValue[] } = {},
): Result<readonly PriceSeries[], EngineError> {
  const refused =
    paramNameIssue("across", across) ??
    (options.by !== undefined ? paramNameIssue("by", options.by) : undefined) ??
    (options.values ? valuesIssue("values", options.values, BOUNDS.priceAcrossValues) : undefined) ??
    (options.byValues ? valuesIssue("byValues", options.byValues, BOUNDS.priceAcrossByValues) : undefined);
  if (refused) return err(invalidParams([refused]));
  if (options.by === across) return err(invalidParams([{ field: "by", reason: `is the across parameter (${truncateForEcho(across)}): name another parameter, or leave by out` }]));
  const found = engine.findModel(request.model);
  if (!found.ok) return found;
  const profile = found.value;
  // A table over a name the model does not have would price the request as it is in every cell.
  for (const name of [across, options.by]) {
    if (name !== undefined && !profile.params.has(name)) return err(invalidParams([{ field: truncateForEcho(name), reason: `${profile.spec.id} has no parameter ${truncateForEcho(name)}` }]));
  }
  const base = (typeof request.params === "object" && request.params !== null ? request.params : {}) as Record<string, unknown>;
  const acrossValues = options.values ? ok(options.values) : valuesOf(profile, across);
  if (!acrossValues.ok) return acrossValues;
  const byValues: Result<readonly (PricedValue | undefined)[], EngineError> = options.by
    ? options.byValues
      ? ok(options.byValues)
      : valuesOf(profile, options.by)
    : ok([undefined]);
  if (!byValues.ok) return byValues;
  const cells = acrossValues.value.length * byValues.value.length;
  const tableBytes = cells * (JSON.stringify(base)?.length ?? 0);
  if (tableBytes > BOUNDS.priceTableBytes)
    return err(invalidParams([{ field: "params", reason: `${cells} cells × ${Math.ceil(tableBytes / cells)} bytes of params exceed the table's ${BOUNDS.priceTableBytes} bytes: price fewer values or send smaller params (an upload id, not inline data)` }]));

  // What is wrong with the request whatever the values priced (an unknown parameter, a missing
  // reference, a bad value of another parameter) is refused once, for the table, not repeated in
  // every cell: a cell's error then names only what its own values change, and an answer cannot
  // grow as cells × the request's issues.
  const fixed = Object.assign({}, base);
  delete fixed[across];
  if (options.by !== undefined) delete fixed[options.by];
  const baseCheck = engine.normalize({ model: profile.spec.id, params: fixed });
  if (!baseCheck.ok) {
    if (baseCheck.error.code !== "INVALID_PARAMS") return baseCheck;
    const issues = baseCheck.error.issues.filter((i) => i.field !== across && i.field !== options.by);
    if (issues.length > 0) return err(invalidParams(issues));
  }

  return ok(
    byValues.value.map((byValue) =>
      Object.assign(byValue !== undefined ? { by: byValue } : {}, {
        points: acrossValues.value.map((value) => {
          const params: Record<string, unknown> = Object.assign({}, base);
          params[across] = value;
          if (options.by && byValue !== undefined) params[options.by] = byValue;
          const normalized = engine.normalize({ model: profile.spec.id, params });
          if (!normalized.ok) return { value, result: normalized };
          return {
            value,
            result: ok({
              cost: engine.price(profile, normalized.value.params),
              params: normalized.value.params,
              adjustments: normalized.value.adjustments,
            }),
          };
        }),
      }),
    ),
  );
}

export interface PlanStep {
  readonly index: number;
  readonly model: string;
  readonly result: Result<
    {
      readonly cost: Micros;
      readonly requestedCost: Micros;
      readonly params: Params;
      readonly adjustments: readonly Adjustment[];
    },
    EngineError
  >;
  /** Budget left after this step (unchanged when the step fails). */
  readonly remainingAfter: Micros;
}

export interface BudgetPlan {
  readonly steps: readonly PlanStep[];
  readonly totalCost: Micros;
  readonly remaining: Micros;
}

/**
 * Several requests run in order against a starting budget, each downgraded as generate would. A
 * request listed more than once (the same object: one GraphQL variable in every step) is
 * normalized once; only its fit depends on the step.
 */
export function planBudget(engine: Engine, requests: readonly GenerationRequest[], budget: Micros): BudgetPlan {
  let remaining = budget;
  let totalCost = 0;
  const normalized = new Map<GenerationRequest, ReturnType<Engine["normalize"]>>();
  const steps = requests.map((request, index): PlanStep => {
    let n = normalized.get(request);
    if (n === undefined) normalized.set(request, (n = engine.normalize(request)));
    const quote = n.ok ? engine.quoteNormalized(n.value, remaining) : n;
    if (!quote.ok) return { index, model: String(request.model), result: quote, remainingAfter: remaining };
    remaining -= quote.value.cost;
    totalCost += quote.value.cost;
    return {
      index,
      model: quote.value.model.id,
      result: ok({
        cost: quote.value.cost,
        requestedCost: quote.value.requestedCost,
        params: quote.value.params,
        adjustments: quote.value.adjustments,
      }),
      remainingAfter: remaining,
    };
  });
  return { steps, totalCost, remaining };
}

export interface Need {
  /** What the output must be. Models are matched on what they produce, not on their spec section. */
  readonly output: OutputKind;
  /** "16:9", "1:1"…; matched within 2% of the ratio. */
  readonly aspectRatio?: string;
  /** The short side must be at least this many pixels (720 for "720p"). */
  readonly minShortSide?: number;
  /** At least this many seconds. */
  readonly minDuration?: number;
  readonly quantity?: number;
}

export interface ModelOption {
  readonly model: string;
  readonly cost: Micros;
  readonly params: Params;
  /** Models that only work from a start frame (image-to-video). */
  readonly needsStartFrame: boolean;
}

const parseRatio = (text: string): number | undefined => {
  const m = /^\s*(\d+(?:\.\d+)?)\s*:\s*(\d+(?:\.\d+)?)\s*$/.exec(text);
  return m ? Number(m[1]) / Number(m[2]) : undefined;
};

/** Short side in pixels named by a tier value: RESOLUTION_720 → 720, "1080p" → 1080. */
const tierShortSide = (value: string): number | undefined => {
  const m = /(\d{3,4})p?$/.exec(value);
  return m ? Number(m[1]) : undefined;
};

interface SizeCandidate {
  readonly params: Record<string, unknown>;
}

/** Whether a width × height has the need's ratio (within 2%) and short side. */
const sizeMeets = (need: Need, ratio: number | undefined, w: number, h: number): boolean =>
  (ratio === undefined || Math.abs(w / h / ratio - 1) <= 0.02) && (need.minShortSide === undefined || Math.min(w, h) >= need.minShortSide);

/**
 * Whether params as normalization left them still meet the need: a parameter rule can change
 * what a candidate asked for (Hailuo runs more than 6 s only at 768p, so 10 s at 1080p becomes
 * 6 s), and the option answered must be one the need accepts.
 */
function paramsMeet(profile: ModelProfile, need: Need, ratio: number | undefined, params: Params): boolean {
  if (need.minDuration !== undefined) {
    const duration = profile.duration ? params[profile.duration.name] : undefined;
    if (typeof duration !== "number" || duration < need.minDuration) return false;
  }
  const { width, height } = params;
  if (typeof width === "number" && typeof height === "number") {
    if (!sizeMeets(need, ratio, width, height)) return false;
  } else if (need.minShortSide !== undefined && profile.tier) {
    const tier = params[profile.tier.name];
    if (typeof tier !== "string" || (tierShortSide(tier) ?? 0) < need.minShortSide) return false;
  }
  if (need.quantity !== undefined && profile.params.has("quantity") && params.quantity !== need.quantity) return false;
  return true;
}

function sizeCandidates(profile: ModelProfile, need: Need, ratio: number | undefined): readonly SizeCandidate[] | undefined {
  const wantsSize = ratio !== undefined || need.minShortSide !== undefined;
  const matches = (w: number, h: number) => sizeMeets(need, ratio, w, h);
  const size = profile.size;
  const tier = profile.tier;
  if (size.kind === "tiered" && tier) {
    return tier.values.flatMap((value) =>
      size.byTier
        .get(value)!
        .flatMap((g) => g.sizes)
        .filter((s) => matches(s.width, s.height))
        .map((s) => ({ params: { [tier.name]: value, width: s.width, height: s.height } })),
    );
  }
  if (size.kind === "table") {
    return size.groups.flatMap((g) => g.sizes).filter((s) => matches(s.width, s.height)).map((s) => ({ params: { width: s.width, height: s.height } }));
  }
  if (size.kind === "range") {
    // No size needed: the default size and the smallest, as a table model tries all of its sizes.
    let sized: SizeCandidate[] = [{ params: {} }, { params: { width: size.width.min, height: size.height.min } }];
    if (wantsSize) {
      // The smallest size of the ratio from the needed short side up: the steps of the range may
      // put the ratio off by more than 2% at the first short side, and on it at a later one.
      const r = ratio ?? 1;
      const shortSide = r >= 1 ? size.height : size.width;
      const snap = (v: number, b: { min: number; max: number; step: number }) => Math.ceil((v - b.min) / b.step) * b.step + b.min;
      sized = [];
      for (let short = Math.max(need.minShortSide ?? 0, shortSide.min); short <= shortSide.max; short += Math.max(1, shortSide.step)) {
        const sw = snap(Math.ceil(r >= 1 ? short * r : short), size.width);
        const sh = snap(Math.ceil(r >= 1 ? short : short / r), size.height);
        if (sw > size.width.max || sh > size.height.max) break;
        if (matches(sw, sh)) {
          sized = [{ params: { width: sw, height: sh } }];
          break;
        }
      }
    }
    if (!tier) return sized;
    // A tier param beside a free size (Kling O3 `mode`) prices the resolution: try every sufficient tier.
    const tiers = tier.values.filter((v) => need.minShortSide === undefined || (tierShortSide(v) ?? 0) >= need.minShortSide);
    return sized.flatMap((c) => tiers.map((v) => ({ params: Object.assign({}, c.params, { [tier.name]: v }) })));
  }
  if (tier) {
    // Tier without sizes (Hailuo, Kling O3): only the short side can be checked.
    if (ratio !== undefined && size.kind === "none") return [];
    return tier.values
      .filter((v) => need.minShortSide === undefined || (tierShortSide(v) ?? 0) >= need.minShortSide)
      .map((v) => ({ params: { [tier.name]: v } }));
  }
  return wantsSize ? [] : [{ params: {} }];
}

/** Every model that can serve the need, cheapest first, each at its cheapest sufficient params. */
export function cheapestModels(engine: Engine, need: Need): Result<readonly ModelOption[], EngineError> {
  const ratio = need.aspectRatio !== undefined ? parseRatio(need.aspectRatio) : undefined;
  if (need.aspectRatio !== undefined && !ratio) return err(invalidParams([{ field: "aspectRatio", reason: 'must look like "16:9"' }]));
  const options: ModelOption[] = [];
  for (const spec of engine.models) {
    if (spec.output !== need.output) continue;
    const profile = engine.profile(spec.id)!;
    if (need.quantity !== undefined && need.quantity > profile.quantityMax) continue;
    // No duration needed: the default and the shortest, as a size (a looser need is never dearer).
    let durations: readonly (number | undefined)[] = profile.duration ? [undefined, Math.min(...profile.duration.values)] : [undefined];
    if (need.minDuration !== undefined) {
      if (!profile.duration) continue;
      durations = profile.duration.values.filter((d) => d >= need.minDuration!);
      if (!durations.length) continue;
    }
    const sizes = sizeCandidates(profile, need, ratio);
    if (!sizes?.length) continue;
    const needsStartFrame = profile.params.get("start_frame")?.required === true;
    let best: ModelOption | undefined;
    for (const size of sizes) {
      for (const duration of durations) {
        const params: Record<string, unknown> = { ...size.params };
        if (profile.params.has("prompt")) params.prompt = "what-if";
        if (needsStartFrame) params.start_frame = "https://example.com/start-frame.jpg";
        if (duration !== undefined && profile.duration) params[profile.duration.name] = duration;
        if (need.quantity !== undefined && profile.params.has("quantity")) params.quantity = need.quantity;
        const normalized = engine.normalize({ model: spec.id, params });
        if (!normalized.ok || !paramsMeet(profile, need, ratio, normalized.value.params)) continue;
        const cost = engine.price(profile, normalized.value.params);
        if (!best || cost < best.cost) best = { model: spec.id, cost, params: normalized.value.params, needsStartFrame };
      }
    }
    if (best) options.push(best);
  }
  return ok(options.sort((a, b) => a.cost - b.cost || a.model.localeCompare(b.model)));
}
