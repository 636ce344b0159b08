import { suggestParam } from "./suggest.ts";
import { START_FRAME_ALIASES } from "../catalog/constraints.ts";
import type { ParamSpec, Resolution } from "../catalog/types.ts";
import { invalidParams, type EngineError, type ParamIssue } from "./errors.ts";
import {
  INLINE_REFERENCE_ARRAYS,
  INLINE_REFERENCE_FIELDS,
  MAX_PROMPT_LENGTH,
  UPLOAD_ID_ARRAYS,
  type AspectGroup,
  type ModelProfile,
} from "./profile.ts";
import { err, ok, type Result } from "../kernel/result.ts";
import { nearestAspectGroup, nearestByPixels, nearestNumber, snapToStep, snapToTable } from "./snap.ts";
import { isReference, isUploadId } from "./references.ts";

export type AdjustmentReason =
  /** width/height moved to the nearest valid size or step. */
  | "SNAPPED_TO_VALID_SIZE"
  /** A value outside an enumerated set (a duration, an fps) moved to the nearest allowed one. */
  | "NEAREST_ALLOWED_VALUE"
  /** An enum value sent in another letter case, replaced by its canonical spelling. */
  | "CANONICAL_SPELLING"
  /** A rule between parameters stated in the spec (e.g. "1080P supports only 6 seconds"). */
  | "PARAM_RULE"
  /** Lowered to fit the remaining daily budget. */
  | "BUDGET_DOWNGRADE";

export interface Adjustment {
  readonly param: string;
  readonly from: unknown;
  readonly to: unknown;
  readonly reason: AdjustmentReason;
}

export type Params = Readonly<Record<string, unknown>>;

export interface NormalizedRequest {
  readonly model: string;
  readonly params: Params;
  /** Every change normalization made to what was sent (or to a default it had to move). */
  readonly adjustments: readonly Adjustment[];
}

const universalFields = new Set<string>([
  ...INLINE_REFERENCE_FIELDS,
  ...INLINE_REFERENCE_ARRAYS,
  ...UPLOAD_ID_ARRAYS,
]);


/** Unknown parameters of one request that get a "did you mean" (each one after them is listed without). */
export const SUGGESTED_UNKNOWN_PARAMS = 10;

const hasOwn = Object.prototype.hasOwnProperty;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const codePointLength = (text: string): number => {
  let n = 0;
  for (const _ of text) n++;
  return n;
};

const describe = (value: unknown): string => (typeof value === "string" ? JSON.stringify(value) : String(value));

/**
 * Validates raw params against the model and makes them valid: defaults applied, sizes and
 * enumerated numbers snapped, cross-parameter rules enforced. Pure; every change is reported.
 */
export function normalize(profile: ModelProfile, rawParams: unknown): Result<NormalizedRequest, EngineError> {
  if (rawParams === undefined || rawParams === null) rawParams = {};
  if (!isPlainObject(rawParams)) return err(invalidParams([{ field: "params", reason: "must be an object" }]));

  // Absent and null both mean "not sent". (Own enumerable keys, in Object.entries order.)
  const sent = new Map<string, unknown>();
  for (const name in rawParams) {
    if (!hasOwn.call(rawParams, name)) continue;
    const value = rawParams[name];
    if (value !== undefined && value !== null) sent.set(name, value);
  }

  const prompt = sent.get("prompt");
  // A string has at least as many UTF-16 units as code points: only a long one needs counting.
  if (typeof prompt === "string" && prompt.length > MAX_PROMPT_LENGTH) {
    const length = codePointLength(prompt);
    if (length > MAX_PROMPT_LENGTH)
      return err({
        code: "PROMPT_TOO_LONG",
        message: `Prompt is ${length} characters; the maximum is ${MAX_PROMPT_LENGTH}`,
        length,
        max: MAX_PROMPT_LENGTH,
      });
  }

  const quantity = sent.get("quantity");
  if (typeof quantity === "number" && Number.isFinite(quantity) && quantity > profile.quantityMax)
    return err({
      code: "QUANTITY_TOO_HIGH",
      message: `quantity ${quantity} is over the maximum of ${profile.quantityMax} for ${profile.spec.id}`,
      quantity,
      max: profile.quantityMax,
    });

  const issues: ParamIssue[] = [];
  const adjustments: Adjustment[] = [];
  const params: Record<string, unknown> = {};
  let unknown = 0;

  for (const [name, value] of sent) {
    const spec = profile.params.get(name);
    if (spec) {
      const checked = checkParam(profile, spec, value, adjustments);
      if (checked instanceof Invalid) issues.push({ field: name, reason: checked.reason });
      else params[name] = checked;
    } else if (name === "prompt") {
      if (typeof value !== "string") issues.push({ field: name, reason: "must be a string" });
      else params[name] = value;
    } else if (name === "quantity") {
      // Models without a quantity parameter make exactly one output.
      if (value !== 1) issues.push({ field: name, reason: `${profile.spec.id} takes no quantity (always 1)` });
    } else if (universalFields.has(name)) {
      const reason = checkUniversalField(name, value);
      if (reason) issues.push({ field: name, reason });
      else params[name] = value;
    } else {
      // A "did you mean" for the first few unknown names only: past them the client is not
      // misspelling, and each suggestion compares the name with every parameter's.
      const suggestion = ++unknown <= SUGGESTED_UNKNOWN_PARAMS ? suggestParam(name, [...profile.params.keys()]) : undefined;
      issues.push({
        field: name,
        reason: `unknown parameter for ${profile.spec.id}${suggestion ? ` (did you mean "${String(suggestion)}"?)` : ""}`,
      });
    }
  }

  for (const spec of profile.params.values()) {
    if (params[spec.name] !== undefined || (issues.length > 0 && issues.some((i) => i.field === spec.name))) continue;
    if (spec.default !== undefined) {
      params[spec.name] = Array.isArray(spec.default) ? [...spec.default] : spec.default;
    } else if (spec.required && !(spec.name === "start_frame" && START_FRAME_ALIASES.some((a) => sent.has(a)))) {
      issues.push({ field: spec.name, reason: "is required" });
    }
  }
  if (issues.length) return err(invalidParams(issues));

  const sizeIssue = resolveSize(profile, params, sent, adjustments);
  if (sizeIssue) return err(invalidParams([sizeIssue]));

  const ruleIssues = applyRules(profile, params, sent, adjustments);
  if (ruleIssues.length) return err(invalidParams(ruleIssues));

  return ok({ model: profile.spec.id, params, adjustments });
}

/** A param that failed its check (distinct from any JSON value the param could hold). */
class Invalid {
  constructor(readonly reason: string) {}
}
type Checked = unknown;

function checkParam(profile: ModelProfile, spec: ParamSpec, value: unknown, adjustments: Adjustment[]): Checked {
  const isSize = (spec.name === "width" || spec.name === "height") && profile.size.kind !== "none";
  if (isSize) {
    // Any number is accepted and made valid by resolveSize (snapping is the documented behaviour).
    return typeof value === "number" && Number.isFinite(value) ? value : new Invalid("must be a number");
  }
  if (spec.name === "quantity") {
    if (typeof value !== "number" || !Number.isInteger(value)) return new Invalid("must be an integer");
    const min = spec.min ?? 1;
    return value < min ? new Invalid(`must be at least ${min}`) : value;
  }
  switch (spec.type) {
    case "integer":
    case "number": {
      if (typeof value !== "number" || !Number.isFinite(value)) return new Invalid(`must be ${spec.type === "integer" ? "an integer" : "a number"}`);
      if (spec.type === "integer" && !Number.isInteger(value)) return new Invalid("must be an integer");
      if (spec.min !== undefined && value < spec.min) return new Invalid(`must be at least ${spec.min}`);
      if (spec.max !== undefined && value > spec.max) return new Invalid(`must be at most ${spec.max}`);
      return value;
    }
    case "string": {
      if (typeof value !== "string") return new Invalid("must be a string");
      const { minLength, maxLength } = spec;
      // Code points lie between half the UTF-16 length and the length: count only near a bound.
      if ((maxLength !== undefined && value.length > maxLength) || (minLength !== undefined && value.length < 2 * minLength)) {
        const length = codePointLength(value);
        if (minLength !== undefined && length < minLength) return new Invalid(`must be at least ${minLength} characters`);
        if (maxLength !== undefined && length > maxLength) return new Invalid(`must be at most ${maxLength} characters`);
      }
      if (spec.required && value.trim() === "") return new Invalid("must not be empty");
      return value;
    }
    case "boolean":
      return typeof value === "boolean" ? value : new Invalid("must be true or false");
    case "array":
      return Array.isArray(value) ? value : new Invalid("must be an array");
    case "reference":
      return isReference(value) ? value : new Invalid("must be an https URL, a data: URI or an upload id");
    case "any":
      return value;
    case "enum":
      return checkEnum(spec, value, adjustments);
  }
}

function checkEnum(spec: ParamSpec, value: unknown, adjustments: Adjustment[]): Checked {
  const values = spec.values ?? [];
  const numeric = values.length > 0 && allNumbers(values);
  if (numeric) {
    if (typeof value !== "number" || !Number.isFinite(value)) return new Invalid(`must be one of ${values.join(", ")}`);
    const nearest = nearestNumber(values as number[], value);
    if (nearest !== value) adjustments.push({ param: spec.name, from: value, to: nearest, reason: "NEAREST_ALLOWED_VALUE" });
    return nearest;
  }
  if (typeof value !== "string") return new Invalid(`must be one of ${values.map(describe).join(", ")}`);
  if (values.includes(value)) return value;
  const folded = values.filter((v) => typeof v === "string" && v.toLowerCase() === value.toLowerCase());
  if (folded.length === 1) {
    adjustments.push({ param: spec.name, from: value, to: folded[0], reason: "CANONICAL_SPELLING" });
    return folded[0];
  }
  return new Invalid(`must be one of ${values.map(describe).join(", ")} (got ${describe(value)})`);
}

function allNumbers(values: readonly unknown[]): boolean {
  for (let i = 0; i < values.length; i++) if (typeof values[i] !== "number") return false;
  return true;
}

function checkUniversalField(name: string, value: unknown): string | undefined {
  if ((UPLOAD_ID_ARRAYS as readonly string[]).includes(name)) {
    return Array.isArray(value) && value.every(isUploadId) ? undefined : "must be an array of upload ids";
  }
  if ((INLINE_REFERENCE_ARRAYS as readonly string[]).includes(name)) {
    return Array.isArray(value) && value.every(isReference) ? undefined : "must be an array of https URLs or data: URIs";
  }
  return isReference(value) ? undefined : "must be an https URL, a data: URI or an upload id";
}

const numberOrUndefined = (value: unknown): number | undefined => (typeof value === "number" ? value : undefined);

/** Makes width/height (and the resolution tier) valid for the model, reporting what moved. */
function resolveSize(
  profile: ModelProfile,
  params: Record<string, unknown>,
  sent: ReadonlyMap<string, unknown>,
  adjustments: Adjustment[],
  tierOverride?: string,
): ParamIssue | undefined {
  const size = profile.size;
  if (size.kind === "none") return undefined;
  const width = numberOrUndefined(params.width);
  const height = numberOrUndefined(params.height);
  const isAuto = size.auto && width === 0 && height === 0;

  if (size.kind === "range") {
    if (isAuto) return undefined;
    if (width !== undefined) setSize(params, sent, adjustments, "width", snapToStep(size.width, width));
    if (height !== undefined) setSize(params, sent, adjustments, "height", snapToStep(size.height, height));
    return undefined;
  }

  if (size.kind === "table") {
    if (isAuto || (width === undefined && height === undefined)) return undefined;
    const w = width ?? height!;
    const h = height ?? width!;
    if (w <= 0 || h <= 0) return { field: w <= 0 ? "width" : "height", reason: "must be positive" };
    const snapped = snapToTable(size.groups, w, h);
    setSize(params, sent, adjustments, "width", snapped.width);
    setSize(params, sent, adjustments, "height", snapped.height);
    return undefined;
  }

  // Tiered: the tier parameter picks the table, width/height (or the aspect parameter) the row.
  const tier = profile.tier!;
  const sizeSent = (sent.has("width") || sent.has("height")) && !isAuto;
  if (sizeSent && ((width ?? 1) <= 0 || (height ?? 1) <= 0))
    return { field: (width ?? 1) <= 0 ? "width" : "height", reason: "must be positive" };
  const aspectValue = tier.aspectParam ? params[tier.aspectParam] : undefined;
  const targetW = width ?? height;
  const targetH = height ?? width;

  let tierValue = tierOverride ?? (params[tier.name] as string);
  if (!tierOverride && !sent.has(tier.name) && sizeSent && targetW && targetH) {
    // No tier sent but a size was: the tier is the one whose size comes nearest to it.
    let bestDistance = Infinity;
    const targetPixels = Math.min(targetW * targetH, Number.MAX_SAFE_INTEGER); // ∞ is equally far from every size
    for (const value of tier.values) {
      const candidate: Resolution = pickGroup(size.byTier.get(value)!, sizeSent, targetW, targetH, aspectValue).sizes[0]!;
      const distance = Math.abs(candidate.width * candidate.height - targetPixels);
      if (distance < bestDistance) {
        bestDistance = distance;
        tierValue = value;
      }
    }
  }
  params[tier.name] = tierValue;
  if (isAuto) return undefined;

  const group = pickGroup(size.byTier.get(tierValue)!, sizeSent, targetW, targetH, aspectValue);
  const chosen = nearestByPixels(group.sizes, (targetW ?? 0) * (targetH ?? 0));
  setSize(params, sent, adjustments, "width", chosen.width);
  setSize(params, sent, adjustments, "height", chosen.height);
  if (tier.aspectParam && profile.params.get(tier.aspectParam)?.values?.includes(group.label)) {
    const from = params[tier.aspectParam];
    if (from !== group.label) {
      if (sent.has(tier.aspectParam)) adjustments.push({ param: tier.aspectParam, from, to: group.label, reason: "SNAPPED_TO_VALID_SIZE" });
      params[tier.aspectParam] = group.label;
    }
  }
  return undefined;
}

/** Sets width or height; only what the client sent counts as changed (a default following the tier is not news). */
function setSize(
  params: Record<string, unknown>,
  sent: ReadonlyMap<string, unknown>,
  adjustments: Adjustment[],
  name: "width" | "height",
  to: number,
): void {
  const from = params[name];
  if (from !== to) {
    if (sent.has(name)) adjustments.push({ param: name, from, to, reason: "SNAPPED_TO_VALID_SIZE" });
    params[name] = to;
  }
}

/** The tier table's row: nearest to a sent size, else the one the aspect param names, else nearest to the default size, else 16:9. */
function pickGroup(
  groups: readonly AspectGroup[],
  sizeSent: boolean,
  targetW: number | undefined,
  targetH: number | undefined,
  aspectValue: unknown,
): AspectGroup {
  if (sizeSent && targetW && targetH) return nearestAspectGroup(groups, targetW, targetH);
  const named = typeof aspectValue === "string" ? groups.find((g) => g.label === aspectValue) : undefined;
  if (named) return named;
  if (targetW && targetH) return nearestAspectGroup(groups, targetW, targetH);
  return groups.find((g) => g.label === "16:9") ?? groups[0]!;
}

/** Enforces the spec's cross-parameter rules (catalog/constraints.ts). */
function applyRules(
  profile: ModelProfile,
  params: Record<string, unknown>,
  sent: ReadonlyMap<string, unknown>,
  adjustments: Adjustment[],
): ParamIssue[] {
  const issues: ParamIssue[] = [];
  for (const rule of profile.rules) {
    if (rule.kind === "needs") {
      if (params[rule.param] !== undefined && !rule.with.some((name) => params[name] !== undefined))
        issues.push({ field: rule.param, reason: `requires ${rule.with[0]} (${rule.source})` });
      continue;
    }
    const current = params[rule.param];
    if (typeof current !== "number" || current <= rule.value) continue;
    const violated = Object.entries(rule.require).filter(([name, allowed]) => !allowed.includes(params[name] as string | number));
    if (!violated.length) continue;
    // Defaults yield to what was sent; when both were sent, the duration yields.
    const durationYields = violated.some(([name]) => wasSent(profile, name, sent)) || !sent.has(rule.param);
    if (durationYields) {
      const allowedDurations = profile.duration?.values.filter((d) => d <= rule.value) ?? [];
      const to = allowedDurations.length ? allowedDurations[allowedDurations.length - 1]! : rule.value;
      adjustments.push({ param: rule.param, from: current, to, reason: "PARAM_RULE" });
      params[rule.param] = to;
    } else {
      for (const [name, allowed] of violated) {
        const to = allowed[0]!;
        adjustments.push({ param: name, from: params[name], to, reason: "PARAM_RULE" });
        params[name] = to;
        if (profile.tier?.name === name) resolveSize(profile, params, sent, adjustments, String(to));
      }
    }
  }
  return issues;
}

/** A tier chosen from a sent width/height counts as sent. */
const wasSent = (profile: ModelProfile, name: string, sent: ReadonlyMap<string, unknown>): boolean =>
  sent.has(name) || (profile.tier?.name === name && (sent.has("width") || sent.has("height")));
