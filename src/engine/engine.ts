import { catalog as specCatalog } from "../catalog/index.ts";
import { paramRules } from "../catalog/constraints.ts";
import { pricing } from "../catalog/pricing.ts";
import { impliedResolutions, resolutionTiers } from "../catalog/resolution-tiers.ts";
import type { ModelSpec } from "../catalog/types.ts";
import type { EngineError } from "./errors.ts";
import { fitToBudget, type BudgetFit } from "./fit.ts";
import type { Micros } from "../kernel/money.ts";
import { normalize, type Adjustment, type NormalizedRequest, type Params } from "./normalize.ts";
import { priceMicros } from "./price.ts";
import { buildProfile, type ModelProfile, type ProfileSources } from "./profile.ts";
import { BOUNDS, truncateForEcho } from "../kernel/bounds.ts";
import { err, ok, type Result } from "../kernel/result.ts";
import { suggestModelIds } from "./suggest.ts";

export interface GenerationRequest {
  readonly model: string;
  readonly params?: unknown;
}

/** A priced request: what will run, what it costs, and everything that was changed on the way. */
export interface Quote {
  readonly model: ModelSpec;
  /** The params that will run (normalized, then downgraded if the budget required it). */
  readonly params: Params;
  readonly cost: Micros;
  /** Cost of the normalized request before any downgrade. */
  readonly requestedCost: Micros;
  /** The normalized request before any downgrade. */
  readonly requestedParams: Params;
  readonly fitsInBudget: boolean;
  /** Normalization changes first, then the budget downgrade. */
  readonly adjustments: readonly Adjustment[];
  /** The budget downgrade alone (empty when the request fits as it is). */
  readonly downgrade: readonly Adjustment[];
}

/** A request that passed normalization, with its model's profile. */
export type NormalizedGeneration = NormalizedRequest & { readonly profile: ModelProfile };

export interface Engine {
  readonly models: readonly ModelSpec[];
  profile(modelId: string): ModelProfile | undefined;
  findModel(modelId: string): Result<ModelProfile, EngineError>;
  normalize(request: GenerationRequest): Result<NormalizedGeneration, EngineError>;
  price(profile: ModelProfile, params: Params): Micros;
  fit(profile: ModelProfile, params: Params, remaining: Micros): Result<BudgetFit, EngineError>;
  /**
   * price → fit of a normalized request: what runs within `remaining`, and what it costs. The one
   * answer estimate, generate and planBudget all take: as asked when it fits, else the downgrade.
   */
  quoteNormalized(request: NormalizedGeneration, remaining: Micros): Result<Quote, EngineError>;
  /** normalize, then quoteNormalized. */
  quote(request: GenerationRequest, remaining: Micros): Result<Quote, EngineError>;
}

export const specSources: ProfileSources = {
  pricing,
  tiers: resolutionTiers,
  impliedResolutions,
  rules: paramRules,
};

/** Builds the engine over a catalog. Pure: the same data in, the same answers out. */
export function createEngine(models: readonly ModelSpec[] = specCatalog, sources: ProfileSources = specSources): Engine {
  const profiles = new Map(models.map((spec) => [spec.id, buildProfile(spec, sources)]));
  const ids = models.map((m) => m.id);

  const findModel = (modelId: string): Result<ModelProfile, EngineError> => {
    const profile = typeof modelId === "string" ? profiles.get(modelId) : undefined;
    if (profile) return ok(profile);
    const name = typeof modelId === "string" ? modelId : String(modelId);
    // An id longer than any model id gets no fuzzy suggestions (their cost grows with its length),
    // and is echoed cut to BOUNDS.echo characters. The faces refuse such ids before this (INVALID_PARAMS).
    const echo = truncateForEcho(name);
    const suggestions = name.length <= BOUNDS.modelId ? suggestModelIds(name, ids) : [];
    return err({ code: "MODEL_NOT_FOUND", message: `Model not found: ${echo}`, model: echo, suggestions });
  };

  const normalizeRequest: Engine["normalize"] = (request) => {
    const found = findModel(request.model);
    if (!found.ok) return found;
    const normalized = normalize(found.value, request.params);
    if (!normalized.ok) return normalized;
    // Spelled out, not `{ ...normalized.value, profile }`: V8 (Node 20) gives each object built
    // that way a hidden class of its own (test/source/object-literals.test.ts).
    const { model, params, adjustments } = normalized.value;
    return ok({ model, params, adjustments, profile: found.value });
  };

  const quoteNormalized: Engine["quoteNormalized"] = ({ profile, params, adjustments }, remaining) => {
    const requestedCost = priceMicros(profile, params);
    // A request that fits runs as it is: no downgrade to search for (fitToBudget would answer the same).
    if (requestedCost <= remaining) {
      return ok({ model: profile.spec, params, cost: requestedCost, requestedCost, requestedParams: params, fitsInBudget: true, adjustments, downgrade: [] });
    }
    const fitted = fitToBudget(profile, params, remaining);
    if (!fitted.ok) return fitted;
    return ok({
      model: profile.spec,
      params: fitted.value.params,
      cost: fitted.value.cost,
      requestedCost,
      requestedParams: params,
      fitsInBudget: false,
      adjustments: [...adjustments, ...fitted.value.adjustments],
      downgrade: fitted.value.adjustments,
    });
  };

  return {
    models,
    profile: (id) => profiles.get(id),
    findModel,
    normalize: normalizeRequest,
    price: priceMicros,
    fit: fitToBudget,
    quoteNormalized,
    quote(request, remaining) {
      const normalized = normalizeRequest(request);
      return normalized.ok ? quoteNormalized(normalized.value, remaining) : normalized;
    },
  };
}
