import type { Adjustment } from "../../engine/normalize.ts";

/** `{param, from, to, reason}`: what normalization or the budget changed in a request. */
export const presentAdjustments = (adjustments: readonly unknown[]): { param: string; from: unknown; to: unknown; reason: string }[] =>
  (adjustments as readonly Adjustment[]).map((a) => ({ param: a.param, from: a.from ?? null, to: a.to ?? null, reason: a.reason }));
