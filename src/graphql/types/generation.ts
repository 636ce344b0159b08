import type { Engine } from "../../engine/engine.ts";
import { microsToUsd, type Micros } from "../../kernel/money.ts";
import type { Adjustment, Params } from "../../engine/normalize.ts";
import type { Result } from "../../kernel/result.ts";
import { invalidParams } from "../../engine/errors.ts";
import { checkIdempotencyKey } from "../../http/idempotency-key.ts";
import { unauthorized, type ServiceError } from "../../services/errors.ts";
import type { Accepted, Estimate } from "../../services/generation.ts";
import type { TaskRecord } from "../../domain/task.ts";
import { builder } from "../builder.ts";
import {
  IdempotencyInProgress,
  IdempotencyKeyReused,
  InsufficientBudget,
  ModelUnavailable,
  RateLimited,
  requestErrors,
  Unauthorized,
} from "./errors.ts";
import { defineGenerateInput, requestProblem } from "./generate-input.ts";
import { typedInputOf } from "./typed-input.ts";
import { AdjustmentType, TaskType } from "./tasks.ts";

const GenerateSuccess = builder.objectRef<Accepted & { __typename: "GenerateSuccess" }>("GenerateSuccess").implement({
  description: "The generation was accepted and charged.",
  isTypeOf: (v) => (v as { __typename?: string }).__typename === "GenerateSuccess",
  fields: (t) => ({
    task: t.field({ type: TaskType, description: "The task as it is now (QUEUED when just accepted; a replay of an idempotency key returns its current state): follow it with taskUpdated or task(id).", resolve: (a) => a.task as TaskRecord }),
    cost: t.float({ description: "USD charged.", resolve: (a) => microsToUsd(a.cost) }),
    remaining: t.float({ description: "USD left today after this charge.", resolve: (a) => microsToUsd(a.remaining) }),
    adjustments: t.field({ type: [AdjustmentType], description: "What was changed (snapping, budget downgrade).", resolve: (a) => [...a.adjustments] }),
    replayed: t.exposeBoolean("replayed", { description: "True when this repeats an earlier answer for the same idempotency key." }),
  }),
});

interface Suggestion {
  /** The model it runs on (the estimate's). */
  readonly model: string;
  readonly params: Params;
  readonly cost: Micros;
  readonly adjustments: readonly Adjustment[];
}
const SuggestedRequest = builder.objectRef<Suggestion>("SuggestedRequest").implement({
  description: "What generate would run within today's budget.",
  fields: (t) => ({
    params: t.field({ type: "JSON", description: "The parameters that would run (REST's shape).", resolve: (s) => s.params }),
    input: t.field({ type: "JSON", description: "The GenerateInput this answer priced, with the model's typed field (camelCase fields, enum value names): send it back to `generate(input:)` or `estimate(input:)` as it is.", resolve: (s, _a, ctx) => typedInputOf(ctx.services.engine, s.model, s.params) }),
    cost: t.float({ description: "USD it would cost.", resolve: (s) => microsToUsd(s.cost) }),
    adjustments: t.field({ type: [AdjustmentType], description: "The budget downgrade that would apply.", resolve: (s) => [...s.adjustments] }),
  }),
});

const EstimateType = builder.objectRef<Estimate & { __typename: "Estimate" }>("Estimate").implement({
  description: "The price of a request; nothing is charged.",
  isTypeOf: (v) => (v as { __typename?: string }).__typename === "Estimate",
  fields: (t) => ({
    model: t.exposeString("model", { description: "The model id." }),
    cost: t.float({ description: "USD for the request as asked (normalized).", resolve: (e) => microsToUsd(e.cost) }),
    params: t.field({ type: "JSON", description: "The normalized parameters.", resolve: (e) => e.params }),
    input: t.field({ type: "JSON", description: "The GenerateInput this answer priced, with the model's typed field (camelCase fields, enum value names): send it back to `generate(input:)` or `estimate(input:)` as it is.", resolve: (e, _a, ctx) => typedInputOf(ctx.services.engine, e.model, e.params) }),
    adjustments: t.field({ type: [AdjustmentType], description: "What normalization changed from the request.", resolve: (e) => [...e.adjustments] }),
    dailyRemaining: t.float({ description: "USD left of today's budget.", resolve: (e) => microsToUsd(e.remaining) }),
    fitsInBudget: t.exposeBoolean("fitsInBudget", { description: "Whether the request as asked fits today's remaining budget." }),
    suggestion: t.field({
      type: SuggestedRequest,
      nullable: true,
      description: "When over budget: the downgrade generate would apply (null if nothing fits).",
      resolve: (e) => (e.suggestion?.ok ? Object.assign({}, e.suggestion.value, { model: e.model }) : null),
    }),
    cheapestCost: t.float({
      nullable: true,
      description: "When nothing fits: the cheapest downgrade's cost (USD).",
      resolve: (e) => (e.suggestion && !e.suggestion.ok && e.suggestion.error.code === "INSUFFICIENT_BUDGET" ? microsToUsd(e.suggestion.error.cheapestCost) : null),
    }),
  }),
});

const GenerateResult = builder.unionType("GenerateResult", {
  description: "The accepted generation, or why not (every failure implements Error).",
  types: [GenerateSuccess, ...requestErrors, InsufficientBudget, RateLimited, IdempotencyKeyReused, IdempotencyInProgress, ModelUnavailable, Unauthorized],
});
const EstimateResult = builder.unionType("EstimateResult", { description: "The estimate, or why there is none (every failure implements Error).", types: [EstimateType, ...requestErrors, ModelUnavailable, Unauthorized] });

const estimateOrError = (result: Result<Estimate, ServiceError>) => (result.ok ? { __typename: "Estimate" as const, ...result.value } : result.error);

export function defineGenerationFields(engine: Engine) {
  const { GenerateInput, toRequest } = defineGenerateInput(engine);

  builder.mutationFields((t) => ({
    generate: t.field({
      type: GenerateResult,
      description: "Start a generation. Charged at once; downgraded (see adjustments) when today's budget is short.",
      args: {
        input: t.arg({ type: GenerateInput, required: true, description: "What to generate: one model's typed parameters, or `raw`." }),
        idempotencyKey: t.arg.string({
          required: false,
          description: "Retries with the same key and input return the same task and charge nothing (24 h). 1 to 255 visible ASCII characters (REST's Idempotency-Key), else InvalidParams.",
        }),
      },
      resolve: async (_root, args, ctx) => {
        if (!ctx.key) return unauthorized() as never;
        // The checks REST makes before the engine (src/http): the key's form, then the model's.
        const idempotency = checkIdempotencyKey(args.idempotencyKey);
        if (!idempotency.ok) return invalidParams([{ field: "idempotencyKey", reason: idempotency.reason }]) as never;
        const request = toRequest(args.input as Record<string, unknown>);
        const problem = requestProblem(request);
        if (problem) return problem as never;
        const result = await ctx.services.generation.generate(ctx.key, request, idempotency.key !== undefined ? { idempotencyKey: idempotency.key } : {});
        return (result.ok ? { __typename: "GenerateSuccess" as const, ...result.value } : result.error) as never;
      },
    }),
  }));

  builder.queryFields((t) => ({
    estimate: t.field({
      type: EstimateResult,
      description: "What a request would cost now, and what would run if the budget is short. Charges nothing.",
      args: { input: t.arg({ type: GenerateInput, required: true, description: "What to price: one model's typed parameters, or `raw`." }) },
      // Not async: an estimate the service answers at once keeps the whole query synchronous.
      resolve: (_root, args, ctx) => {
        if (!ctx.key) return unauthorized() as never;
        const request = toRequest(args.input as Record<string, unknown>);
        const problem = requestProblem(request);
        if (problem) return problem as never;
        const result = ctx.services.generation.estimate(ctx.key, request);
        return (result instanceof Promise ? result.then(estimateOrError) : estimateOrError(result)) as never;
      },
    }),
  }));

  return { GenerateInput, toRequest };
}
