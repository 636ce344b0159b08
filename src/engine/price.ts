import type { PriceRule } from "../catalog/pricing.ts";
import { usdToMicros, type Micros } from "../kernel/money.ts";
import type { Params } from "./normalize.ts";
import type { ModelProfile } from "./profile.ts";

/** The few numbers a price depends on, read once from normalized params. */
export interface PriceInput {
  readonly pixels: number;
  readonly seconds: number;
  readonly quantity: number;
  readonly values: Params;
  readonly width: number | undefined;
  readonly height: number | undefined;
}

/**
 * Pixels priced when the size is left to the model (auto, 0×0, or unset): the chosen tier's
 * landscape size for tiered models (so RESOLUTION_2160 at auto costs what 2160p costs), else
 * the rule's reference size.
 */
function autoPixels(profile: ModelProfile, params: Params): number {
  if (profile.size.kind === "tiered" && profile.tier) {
    const groups = profile.size.byTier.get(params[profile.tier.name] as string);
    const size = (groups?.find((g) => g.label === "16:9") ?? groups?.[0])?.sizes[0];
    if (size) return size.width * size.height;
  }
  return profile.price.per?.pixels ?? 0;
}

export function priceInput(profile: ModelProfile, params: Params): PriceInput {
  const width = typeof params.width === "number" ? params.width : undefined;
  const height = typeof params.height === "number" ? params.height : undefined;
  const pixels = width && height ? width * height : autoPixels(profile, params);
  const durationName = profile.duration?.name;
  const seconds = durationName && typeof params[durationName] === "number" ? (params[durationName] as number) : (profile.price.per?.seconds ?? 1);
  const quantity = typeof params.quantity === "number" ? params.quantity : 1;
  return { pixels, seconds, quantity, values: params, width, height };
}

/** Cost in dollars before rounding to micro-dollars. */
export function priceUsd(profile: ModelProfile, input: PriceInput): number {
  const rule: PriceRule = profile.price;
  for (const point of rule.pricePoints ?? []) {
    if (Object.entries(point.when).every(([name, value]) => input.values[name] === value)) return point.usd;
  }
  let usd = rule.usd;
  const per = rule.per;
  if (per?.pixels) usd *= input.pixels / per.pixels;
  if (per?.seconds) usd *= input.seconds / per.seconds;
  if (per?.quantity) usd *= input.quantity / per.quantity;
  if (rule.factors) {
    for (const name in rule.factors) {
      const factor = rule.factors[name]![String(input.values[name])];
      if (factor !== undefined) usd *= factor;
    }
  }
  if (rule.tierFactors && input.width && input.height) {
    const tier = profile.sizeTierOf(input.width, input.height);
    if (tier) usd *= rule.tierFactors[tier] ?? 1;
  }
  return usd;
}

/**
 * The least any generation costs: one micro-dollar. A price that rounds to $0 (a 16×16 image of a
 * model priced per 1024×1024 pixels) is charged this, so no accepted generation is free and a
 * spent budget refuses every request (INSUFFICIENT_BUDGET) instead of running it at $0.
 */
export const MIN_PRICE_MICROS: Micros = 1;

/** A price in dollars as the micro-dollars charged: rounded half up, at least MIN_PRICE_MICROS. */
export const chargedMicros = (usd: number): Micros => Math.max(MIN_PRICE_MICROS, usdToMicros(usd));

export function priceMicros(profile: ModelProfile, params: Params): Micros {
  return chargedMicros(priceUsd(profile, priceInput(profile, params)));
}
