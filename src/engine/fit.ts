import type { EngineError } from "./errors.ts";
import { microsToUsd, type Micros } from "../kernel/money.ts";
import type { Adjustment, Params } from "./normalize.ts";
import { chargedMicros, priceInput, priceUsd } from "./price.ts";
import type { ModelProfile } from "./profile.ts";
import { err, ok, type Result } from "../kernel/result.ts";
import { snapToStep } from "./snap.ts";

/** One step of resolution: the values of the tier param and/or width/height at that step. */
export interface SizeLevel {
  readonly tier?: string;
  readonly width?: number;
  readonly height?: number;
}

/**
 * The resolutions a request may be lowered to, lowest first; the last is the request's own.
 * Random access, because a dimension range can hold thousands of steps (binary-searched).
 */
export interface SizeLadder {
  readonly count: number;
  at(index: number): SizeLevel;
}

export interface BudgetFit {
  readonly params: Params;
  readonly cost: Micros;
  /** The downgrade, one entry per changed param; empty when the request fits as it is. */
  readonly adjustments: readonly Adjustment[];
}

const single = (level: SizeLevel): SizeLadder => ({ count: 1, at: () => level });
const fromList = (levels: readonly SizeLevel[]): SizeLadder => ({ count: levels.length, at: (i) => levels[i]! });

/** The resolution steps at or below the request's, at the same aspect ratio. */
export function sizeLadder(profile: ModelProfile, params: Params): SizeLadder {
  const width = typeof params.width === "number" ? params.width : undefined;
  const height = typeof params.height === "number" ? params.height : undefined;
  const tier = profile.tier;
  const size = profile.size;
  const current: SizeLevel = Object.assign(tier ? { tier: params[tier.name] as string } : {}, { width, height });

  if (tier) {
    const index = tier.values.indexOf(params[tier.name] as string);
    const values = tier.values.slice(0, index + 1);
    if (size.kind === "tiered" && width && height) {
      const label = size.byTier.get(values[index]!)!.find((g) => g.sizes.some((s) => s.width === width && s.height === height))?.label;
      return fromList(
        values.map((value) => {
          const same = size.byTier.get(value)!.find((g) => g.label === label)?.sizes[0];
          return same ? { tier: value, width: same.width, height: same.height } : { tier: value, width, height };
        }),
      );
    }
    return fromList(values.map((value) => ({ tier: value, width, height })));
  }

  if (size.kind === "table" && width && height) {
    const group = size.groups.find((g) => g.sizes.some((s) => s.width === width && s.height === height));
    if (!group) return single(current);
    return fromList(group.sizes.filter((s) => s.width * s.height <= width * height).map((s) => ({ width: s.width, height: s.height })));
  }

  if (size.kind === "range" && width && height && profile.price.per?.pixels) {
    // Scale both sides together along the longer side's steps, keeping the aspect ratio.
    const driveWidth = width >= height;
    const drive = driveWidth ? size.width : size.height;
    const follow = driveWidth ? size.height : size.width;
    const driveValue = driveWidth ? width : height;
    const followValue = driveWidth ? height : width;
    const ratio = followValue / driveValue;
    // Low steps where the other side would stay pinned at its minimum are not the same aspect
    // ratio: a step keeps it when one scale puts both sides within half a grid step of the request's.
    const lowest = (follow.min - follow.step / 2) / ratio - drive.step / 2;
    const first = Math.max(0, Math.ceil((lowest - drive.min) / drive.step - 1e-9));
    const count = Math.floor((driveValue - drive.min) / drive.step) + 1 - first;
    return {
      count,
      at(i) {
        if (i === count - 1) return current;
        const d = drive.min + (first + i) * drive.step;
        const f = Math.min(followValue, snapToStep(follow, d * ratio));
        return driveWidth ? { width: d, height: f } : { width: f, height: d };
      },
    };
  }
  return single(current);
}

/** Durations at or below the request's, shortest first (just the request's when it has none). */
export function durationLadder(profile: ModelProfile, params: Params): readonly (number | undefined)[] {
  const duration = profile.duration;
  if (!duration) return [undefined];
  const current = params[duration.name] as number;
  return duration.values.filter((d) => d <= current);
}

/** Params with a candidate's resolution and duration applied. */
export function applyCandidate(profile: ModelProfile, params: Params, level: SizeLevel, duration: number | undefined): Params {
  const next: Record<string, unknown> = { ...params };
  if (level.tier !== undefined && profile.tier) next[profile.tier.name] = level.tier;
  if (level.width !== undefined) next.width = level.width;
  if (level.height !== undefined) next.height = level.height;
  if (duration !== undefined && profile.duration) next[profile.duration.name] = duration;
  return next;
}

function changes(before: Params, after: Params): Adjustment[] {
  const list: Adjustment[] = [];
  for (const name of Object.keys(after)) {
    if (before[name] !== after[name]) list.push({ param: name, from: before[name], to: after[name], reason: "BUDGET_DOWNGRADE" });
  }
  return list;
}

/**
 * Fits a normalized request into `remaining`: unchanged if it fits; otherwise, among every
 * combination of a lower-or-equal resolution and a shorter-or-equal duration (nothing else
 * touched), the one with the highest cost that still fits, the higher resolution on a tie.
 * INSUFFICIENT_BUDGET, with the cheapest candidate's cost, when none fits.
 */
export function fitToBudget(profile: ModelProfile, params: Params, remaining: Micros): Result<BudgetFit, EngineError> {
  const costOf = (level: SizeLevel, duration: number | undefined) =>
    chargedMicros(priceUsd(profile, priceInput(profile, applyCandidate(profile, params, level, duration))));

  const ladder = sizeLadder(profile, params);
  const durations = durationLadder(profile, params);
  const top = ladder.count - 1;
  const requestCost = costOf(ladder.at(top), durations[durations.length - 1]);
  if (requestCost <= remaining) return ok({ params, cost: requestCost, adjustments: [] });

  let best: { cost: Micros; level: number; duration: number | undefined } | undefined;
  let cheapest = Infinity;
  for (let d = durations.length - 1; d >= 0; d--) {
    const duration = durations[d];
    const lowest = costOf(ladder.at(0), duration);
    cheapest = Math.min(cheapest, lowest);
    if (lowest > remaining) continue;
    // Cost rises with resolution: find the highest step that still fits.
    let lo = 0;
    let hi = top;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (costOf(ladder.at(mid), duration) <= remaining) lo = mid;
      else hi = mid - 1;
    }
    const cost = costOf(ladder.at(lo), duration);
    if (!best || cost > best.cost || (cost === best.cost && lo > best.level)) best = { cost, level: lo, duration };
  }

  if (!best) {
    return err({
      code: "INSUFFICIENT_BUDGET",
      message: `Not enough budget: the cheapest version of this request costs $${microsToUsd(cheapest)}, $${microsToUsd(Math.max(0, remaining))} remains today`,
      cheapestCost: cheapest,
      remaining: Math.max(0, remaining),
    });
  }
  const fitted = applyCandidate(profile, params, ladder.at(best.level), best.duration);
  return ok({ params: fitted, cost: best.cost, adjustments: changes(params, fitted) });
}
