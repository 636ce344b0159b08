import { microsToUsd } from "../../kernel/money.ts";
import type { Estimate } from "../../services/generation.ts";
import { presentAdjustments } from "./adjustments.ts";

/**
 * The answer to POST /api/estimate. Over budget, `suggested` is what generate would run instead;
 * when nothing fits, `suggested: null` and `cheapest_cost` says what the cheapest downgrade costs.
 */
export function presentEstimate(estimate: Estimate): Record<string, unknown> {
  const body: Record<string, unknown> = {
    cost: microsToUsd(estimate.cost),
    daily_remaining: microsToUsd(estimate.remaining),
    fits_in_budget: estimate.fitsInBudget,
    model: estimate.model,
    params: estimate.params,
    adjustments: presentAdjustments(estimate.adjustments),
  };
  const suggestion = estimate.suggestion;
  if (suggestion === undefined) return body;
  if (suggestion.ok) {
    body.suggested = {
      params: suggestion.value.params,
      cost: microsToUsd(suggestion.value.cost),
      adjustments: presentAdjustments(suggestion.value.adjustments),
    };
  } else {
    body.suggested = null;
    if (suggestion.error.code === "INSUFFICIENT_BUDGET") body.cheapest_cost = microsToUsd(suggestion.error.cheapestCost);
  }
  return body;
}
