/**
 * Our normalized params → a vendor's input, as a route's `ParamTranslation` says. Pure: the same
 * params give the same input. A request the route cannot express (more images than the vendor
 * makes per request) is refused with a reason rather than silently changed.
 */
import type { ParamTranslation, SizeRule, VendorRoute } from "./types.ts";

export type VendorInput = { readonly ok: true; readonly model: string; readonly input: Record<string, unknown> } | { readonly ok: false; readonly reason: string };

/**
 * A size whose short side is past a vendor's largest tier is made at that tier while it has no
 * more pixels than the tier's 16:9 frame (with this slack: sizes snapped to multiples of 16 or
 * 64): 1440×1440 has the pixels of 1920×1080. Past that (4K to a vendor whose largest is 1080p),
 * it is refused.
 */
const RESOLUTION_SLACK = 1.05;

const ratioOf = (label: string): number => {
  const [w, h] = label.split(":").map(Number);
  return w! / h!;
};

/** The label of `ratios` nearest to width/height (by log ratio: 2:1 and 1:2 are equally far from 1:1). */
export function nearestRatio(width: number, height: number, ratios: readonly string[]): string {
  const target = Math.log(width / height);
  let best = ratios[0]!;
  for (const label of ratios) if (Math.abs(Math.log(ratioOf(label)) - target) < Math.abs(Math.log(ratioOf(best)) - target)) best = label;
  return best;
}

function sizeFields(rule: SizeRule, width: number, height: number): Record<string, unknown> {
  switch (rule.kind) {
    case "width-height-object":
      return { [rule.to]: { width, height } };
    case "pixels":
      return { [rule.width]: width, [rule.height]: height };
    case "aspect-ratio": {
      const label = nearestRatio(width, height, rule.ratios);
      return { [rule.to]: rule.names?.[label] ?? label };
    }
    case "size-string": {
      if (!rule.sizes) return { [rule.to]: `${width}x${height}` };
      const sizes = rule.sizes.map((s) => s.split("x").map(Number) as [number, number]);
      const target = Math.log(width / height);
      let best = sizes[0]!;
      for (const s of sizes) if (Math.abs(Math.log(s[0] / s[1]) - target) < Math.abs(Math.log(best[0] / best[1]) - target)) best = s;
      return { [rule.to]: `${best[0]}x${best[1]}` };
    }
  }
}

const num = (value: unknown): number | undefined => (typeof value === "number" && Number.isFinite(value) ? value : typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)) ? Number(value) : undefined);

const sentParam = (params: Readonly<Record<string, unknown>>, param: string): boolean => params[param] !== undefined && params[param] !== null && params[param] !== "";

/**
 * The reference params this route sends the vendor, and under which fields, for these params:
 * its every-reference endpoint's when the params carry all of that endpoint's references, else its
 * own. What is not here is not sent (the gateway refuses it rather than drop it).
 */
export function carriedReferences(route: VendorRoute, params: Readonly<Record<string, unknown>>): NonNullable<ParamTranslation["references"]> {
  const all = route.withAllReferences;
  return all !== undefined && all.params.every((param) => sentParam(params, param)) ? all.references : (route.params.references ?? {});
}

/** The vendor model id and input for these params on this route. */
export function toVendorInput(route: VendorRoute, params: Readonly<Record<string, unknown>>): VendorInput {
  const t: ParamTranslation = route.params;
  const input: Record<string, unknown> = { ...t.fixed };
  if (typeof params.prompt === "string") input.prompt = params.prompt;
  for (const [ours, theirs] of Object.entries(t.copy ?? {})) if (params[ours] !== undefined && params[ours] !== null) input[theirs] = params[ours];
  for (const [ours, rule] of Object.entries(t.enums ?? {})) {
    const value = params[ours];
    if (value === undefined || value === null) continue;
    const mapped = rule.values[String(value)];
    if (mapped === undefined) return { ok: false, reason: `${route.vendor} ${route.model} has no equivalent of ${ours}=${String(value)}` };
    input[rule.to] = mapped;
  }
  const width = num(params.width);
  const height = num(params.height);
  if (t.size && width && height) {
    const size = t.size;
    if (size.kind === "pixels" && [width, height].some((side) => side < (size.min ?? 0) || side > (size.max ?? Number.POSITIVE_INFINITY))) {
      return { ok: false, reason: `${route.vendor} ${route.model} takes sides of ${size.min ?? 1} to ${size.max ?? "any"} pixels (asked for ${width}×${height})` };
    }
    Object.assign(input, sizeFields(size, width, height));
  }
  if (t.resolution && "byPixels" in t.resolution && width && height) {
    const tiers = Object.keys(t.resolution.byPixels).map(Number).sort((a, b) => a - b);
    const tier = tiers.find((most) => width * height <= most);
    if (tier === undefined) return { ok: false, reason: `${route.vendor} ${route.model} makes sizes of up to ${tiers[tiers.length - 1]} pixels (asked for ${width}×${height})` };
    input[t.resolution.to] = t.resolution.byPixels[tier];
  } else if (t.resolution && "byShortSide" in t.resolution && width && height) {
    const short = Math.min(width, height);
    const steps = Object.keys(t.resolution.byShortSide).map(Number).sort((a, b) => a - b);
    const largest = steps[steps.length - 1]!;
    const step = steps.find((s) => s >= short) ?? (width * height <= largest * ((largest * 16) / 9) * RESOLUTION_SLACK ? largest : undefined);
    if (step === undefined) return { ok: false, reason: `${route.vendor} ${route.model} makes videos up to ${largest}p (asked for ${width}×${height})` };
    input[t.resolution.to] = t.resolution.byShortSide[step];
  }
  const duration = num(params.duration ?? params.durationSeconds);
  if (t.duration && duration !== undefined) input[t.duration.to] = t.duration.as === "number" ? duration : t.duration.as === "string" ? String(duration) : `${duration}s`;
  const quantity = num(params.quantity) ?? 1;
  if (t.quantity) {
    if (quantity > t.quantity.max) return { ok: false, reason: `${route.vendor} ${route.model} makes at most ${t.quantity.max} per request (asked for ${quantity})` };
    input[t.quantity.to] = quantity;
  } else if (quantity > 1) {
    return { ok: false, reason: `${route.vendor} ${route.model} makes one output per request (asked for ${quantity})` };
  }
  const sent = (param: string) => sentParam(params, param);
  const all = route.withAllReferences;
  const carried = carriedReferences(route, params);
  const usesAll = all !== undefined && carried === all.references;
  for (const [ours, rule] of Object.entries(carried)) {
    const value = params[ours];
    if (!sent(ours)) continue;
    const list = (Array.isArray(value) ? value : [value]).map((v) => (typeof v === "object" && v !== null && "url" in v ? (v as { url: unknown }).url : v)).filter((v): v is string => typeof v === "string");
    if (!list.length) continue;
    input[rule.to] = rule.as === "single" ? list[0] : list;
  }
  for (const rule of t.fixedWhen ?? []) if (Object.entries(rule.when).every(([ours, value]) => params[ours] === value)) Object.assign(input, rule.set);
  const withReference = route.withReference;
  const usesReference = usesAll || (withReference !== undefined && sent(withReference.param));
  let model = usesAll ? all.model : usesReference ? withReference!.model : route.model;
  const by = route.endpointBy;
  const choice = by ? params[by.param] : undefined;
  if (by && choice !== undefined && choice !== null) {
    const chosen = (usesReference ? by.withReference : by.models)?.[String(choice)];
    if (chosen === undefined) return { ok: false, reason: `${route.vendor} ${route.model} has no endpoint for ${by.param}=${String(choice)}` };
    model = chosen;
  }
  return { ok: true, model, input };
}
