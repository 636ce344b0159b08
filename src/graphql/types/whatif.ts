import type { GenerationRequest } from "../../engine/engine.ts";
import type { EngineError } from "../../engine/errors.ts";
import { BOUNDS, truncateForEcho } from "../../kernel/bounds.ts";
import { invalidParams } from "../../engine/errors.ts";
import { err } from "../../kernel/result.ts";
import { DAILY_LIMIT_USD, microsToUsd, usdToMicros } from "../../kernel/money.ts";
import { unauthorized } from "../../services/errors.ts";
import { cheapestModels, planBudget, priceAcross, type BudgetPlan, type PricedValue, type ModelOption, type PlanStep, type PricePoint, type PriceSeries } from "../../engine/whatif.ts";
import { builder } from "../builder.ts";
import { ErrorInterface, InvalidParams, ModelNotFound, Unauthorized } from "./errors.ts";
import { AiModel, OutputKind } from "./models.ts";
import { requestProblem } from "./generate-input.ts";
import { AdjustmentType } from "./tasks.ts";
import { typedInputOf } from "./typed-input.ts";

/** A price point with the model it priced (for its typed input). */
type ModelPricePoint = PricePoint & { readonly model: string };

const PricePointType = builder.objectRef<ModelPricePoint>("PricePoint").implement({
  description: "The price of the request with one value of the `across` parameter.",
  fields: (t) => ({
    value: t.field({ type: "JSON", description: "The value of the `across` parameter priced.", resolve: (p) => p.value }),
    cost: t.float({ nullable: true, description: "USD; null when this value is invalid (see error).", resolve: (p) => (p.result.ok ? microsToUsd(p.result.value.cost) : null) }),
    params: t.field({ type: "JSON", nullable: true, description: "The parameters priced (REST's shape); null when this value is invalid.", resolve: (p) => (p.result.ok ? p.result.value.params : null) }),
    input: t.field({
      type: "JSON",
      nullable: true,
      description: "The GenerateInput this answer priced, with the model's typed field (camelCase fields, enum value names): send it back to `generate(input:)` or `estimate(input:)` as it is. Null when this value is invalid.",
      resolve: (p, _a, ctx) => (p.result.ok ? typedInputOf(ctx.services.engine, p.model, p.result.value.params) : null),
    }),
    adjustments: t.field({ type: [AdjustmentType], description: "What normalization changed for this value.", resolve: (p) => (p.result.ok ? [...p.result.value.adjustments] : []) }),
    error: t.field({ type: ErrorInterface, nullable: true, description: "Why this value cannot be priced; null when it can.", resolve: (p) => (p.result.ok ? null : p.result.error) }),
  }),
});
const PriceSeriesType = builder.objectRef<PriceSeries & { readonly points: readonly ModelPricePoint[] }>("PriceSeries").implement({
  description: "Prices across the `across` values, with one value of `by` held fixed.",
  fields: (t) => ({
    by: t.field({ type: "JSON", nullable: true, description: "The value of the `by` parameter held fixed.", resolve: (s) => s.by ?? null }),
    points: t.field({ type: [PricePointType], description: "One price per value of `across`, in its order.", resolve: (s) => [...s.points] }),
  }),
});
const PriceTable = builder.objectRef<{ __typename: "PriceTable"; across: string; by: string | null; series: readonly (PriceSeries & { readonly points: readonly ModelPricePoint[] })[] }>("PriceTable").implement({
  description: "Prices of one request across the values of a parameter, optionally once per value of another.",
  isTypeOf: (v) => (v as { __typename?: string }).__typename === "PriceTable",
  fields: (t) => ({
    across: t.exposeString("across", { description: "The parameter whose values are priced." }),
    by: t.string({ nullable: true, description: "The parameter held fixed per series; null without `by`.", resolve: (p) => p.by }),
    series: t.field({ type: [PriceSeriesType], description: "One series per value of `by` (one series without it).", resolve: (p) => [...p.series] }),
  }),
});

const PlanStepType = builder.objectRef<PlanStep>("PlanStep").implement({
  description: "One request of a plan, as generate would run it at that point of the budget.",
  fields: (t) => ({
    index: t.exposeInt("index", { description: "Its position in `requests`, from 0." }),
    model: t.exposeString("model", { description: "The model id." }),
    cost: t.float({ nullable: true, description: "USD charged by this step (after any downgrade).", resolve: (s) => (s.result.ok ? microsToUsd(s.result.value.cost) : null) }),
    requestedCost: t.float({ nullable: true, description: "USD of the request as asked, before any downgrade.", resolve: (s) => (s.result.ok ? microsToUsd(s.result.value.requestedCost) : null) }),
    params: t.field({ type: "JSON", nullable: true, description: "The parameters that would run (REST's shape); null when the step failed.", resolve: (s) => (s.result.ok ? s.result.value.params : null) }),
    input: t.field({
      type: "JSON",
      nullable: true,
      description: "The GenerateInput this answer priced, with the model's typed field (camelCase fields, enum value names): send it back to `generate(input:)` or `estimate(input:)` as it is. Null when the step failed.",
      resolve: (s, _a, ctx) => (s.result.ok ? typedInputOf(ctx.services.engine, s.model, s.result.value.params) : null),
    }),
    adjustments: t.field({ type: [AdjustmentType], description: "What was changed: normalization, then the budget downgrade.", resolve: (s) => (s.result.ok ? [...s.result.value.adjustments] : []) }),
    error: t.field({ type: ErrorInterface, nullable: true, description: "Why the step would be refused (charging nothing); null when it runs.", resolve: (s) => (s.result.ok ? null : s.result.error) }),
    remainingAfter: t.float({ description: "USD of the budget left after this step.", resolve: (s) => microsToUsd(s.remainingAfter) }),
  }),
});
const BudgetPlanType = builder.objectRef<BudgetPlan & { __typename: "BudgetPlan"; startingBudget: number }>("BudgetPlan").implement({
  description: "Requests run in order against a budget, each downgraded as generate would.",
  isTypeOf: (v) => (v as { __typename?: string }).__typename === "BudgetPlan",
  fields: (t) => ({
    startingBudget: t.float({ description: "USD the plan starts with.", resolve: (p) => microsToUsd(p.startingBudget) }),
    steps: t.field({ type: [PlanStepType], description: "Each request, in order.", resolve: (p) => [...p.steps] }),
    totalCost: t.float({ description: "USD of every step together.", resolve: (p) => microsToUsd(p.totalCost) }),
    remaining: t.float({ description: "USD left after the last step.", resolve: (p) => microsToUsd(p.remaining) }),
  }),
});

const ModelOptionType = builder.objectRef<ModelOption>("ModelOption").implement({
  description: "A model that meets the need, at its cheapest parameters.",
  fields: (t) => ({
    model: t.field({ type: AiModel, description: "The model.", resolve: (o, _a, ctx) => ctx.services.engine.profile(o.model)! }),
    cost: t.float({ description: "USD at those parameters.", resolve: (o) => microsToUsd(o.cost) }),
    params: t.field({ type: "JSON", description: "The cheapest parameters that meet the need.", resolve: (o) => o.params }),
    input: t.field({ type: "JSON", description: "The GenerateInput this answer priced, with the model's typed field (camelCase fields, enum value names): send it back to `generate(input:)` or `estimate(input:)` as it is.", resolve: (o, _a, ctx) => typedInputOf(ctx.services.engine, o.model, o.params) }),
    needsStartFrame: t.exposeBoolean("needsStartFrame", { description: "True when the model needs a start frame (image-to-video only)." }),
  }),
});

const NeedInput = builder.inputType("NeedInput", {
  description: "What the output must be. Sizes and durations are minimums.",
  fields: (t) => ({
    output: t.field({ type: OutputKind, required: true, description: "What the output must be." }),
    aspectRatio: t.string({ required: false, description: 'e.g. "16:9" (within 2%).' }),
    minShortSide: t.int({ required: false, description: "Pixels, e.g. 720 for 720p." }),
    minDuration: t.int({ required: false, description: "Seconds." }),
    quantity: t.int({ required: false, description: "Outputs per request (default 1)." }),
  }),
});

const PriceAcrossResult = builder.unionType("PriceAcrossResult", { description: "The price table, or why there is none.", types: [PriceTable, ModelNotFound, InvalidParams] });
const PlanResult = builder.unionType("PlanResult", { description: "The plan, or why there is none.", types: [BudgetPlanType, Unauthorized, InvalidParams] });
const CheapestResult = builder.unionType("CheapestModelsResult", {
  description: "The cheapest models that meet the need, or why the need is invalid.",
  types: [builder.objectRef<{ __typename: "ModelOptions"; options: readonly ModelOption[] }>("ModelOptions").implement({
    description: "Models that meet the need, cheapest first.",
    isTypeOf: (v) => (v as { __typename?: string }).__typename === "ModelOptions",
    fields: (t) => ({ options: t.field({ type: [ModelOptionType], description: "Cheapest first.", resolve: (o) => [...o.options] }) }),
  }), InvalidParams],
});

/** What planBudget hands the engine for a step refused at the edge: no model, so the engine fails it and charges nothing. */
const REFUSED_STEP: GenerationRequest = { model: "", params: {} };

/** What-if questions: pure engine answers, no charge. `toRequest` reads a GenerateInput. */
export function defineWhatIfFields(Input: ReturnType<typeof builder.inputType>, toRequest: (input: Record<string, unknown>) => GenerationRequest) {
  builder.queryFields((t) => ({
    priceAcross: t.field({
      type: PriceAcrossResult,
      description: 'The price of one request across every value of `across` (e.g. "duration"), once per value of `by` (e.g. "mode") if given.',
      args: {
        input: t.arg({ type: Input, required: true, description: "The request to price (its `across` and `by` values are replaced)." }),
        across: t.arg.string({ required: true, description: 'The parameter to price every value of, e.g. "duration".' }),
        by: t.arg.string({ required: false, description: 'A parameter to hold fixed per series, e.g. "mode".' }),
        values: t.arg({ type: ["JSON"], required: false, description: `Values of \`across\` to price (default: all its allowed values); at most ${BOUNDS.priceAcrossValues}, each a string, number or boolean.` }),
        byValues: t.arg({ type: ["JSON"], required: false, description: `Values of \`by\` (default: all its allowed values); at most ${BOUNDS.priceAcrossByValues}.` }),
      },
      resolve: (_root, args, ctx) => {
        const request = toRequest(args.input as Record<string, unknown>);
        const problem = requestProblem(request);
        if (problem) return problem as never;
        const result = priceAcross(ctx.services.engine, request, args.across, Object.assign(
          {},
          args.by ? { by: args.by } : {},
          args.values ? { values: args.values as PricedValue[] } : {},
          args.byValues ? { byValues: args.byValues as PricedValue[] } : {},
        ));
        if (!result.ok) return result.error as EngineError as never;
        const model = ctx.services.engine.profile(request.model)?.spec.id ?? request.model;
        const series = result.value.map((s) => (Object.assign({}, s, { points: s.points.map((p) => (Object.assign({}, p, { model }))) })));
        return { __typename: "PriceTable" as const, across: args.across, by: args.by ?? null, series } as never;
      },
    }),
    planBudget: t.field({
      type: PlanResult,
      description: `Several requests (at most ${BOUNDS.planRequests}) run in order against \`budget\` (USD; default: the caller's remaining budget today).`,
      args: {
        requests: t.arg({ type: [Input], required: true, description: "The requests, in the order they would run." }),
        budget: t.arg.float({ required: false, description: "USD to start with, $0 to $1,000,000,000 (default: the caller's remaining budget today)." }),
      },
      resolve: async (_root, args, ctx) => {
        if (args.requests.length > BOUNDS.planRequests)
          return invalidParams([{ field: "requests", reason: `has ${args.requests.length} requests; at most ${BOUNDS.planRequests}` }]) as never;
        let start: number;
        if (args.budget !== null && args.budget !== undefined) {
          // What a daily limit can be, from $0 (a what-if may start with nothing), to the micro-dollar.
          if (!Number.isFinite(args.budget) || args.budget < 0 || args.budget > DAILY_LIMIT_USD.max)
            return invalidParams([{ field: "budget", reason: `must be a finite number of dollars from $0 to $${DAILY_LIMIT_USD.max.toLocaleString("en-US")}` }]) as never;
          start = usdToMicros(args.budget);
        } else if (ctx.key) start = (await ctx.services.account.budget(ctx.key)).remaining;
        else return unauthorized() as never;
        // One variable in every step is one input object: read once, and so normalized once (planBudget).
        const read = new Map<unknown, GenerationRequest>();
        const requests = (args.requests as Record<string, unknown>[]).map((input) => {
          let request = read.get(input);
          if (request === undefined) read.set(input, (request = toRequest(input)));
          return request;
        });
        // A step refused at the edge (no model id, over a bound, text that cannot be stored) fails
        // as generate would (InvalidParams) and charges nothing: the engine sees a request that
        // fails in it, without its input.
        const problems = requests.map(requestProblem);
        const plan = planBudget(ctx.services.engine, requests.map((request, i) => (problems[i] ? REFUSED_STEP : request)), start);
        const steps = plan.steps.map((step, i): PlanStep => {
          const problem = problems[i];
          return problem ? Object.assign({}, step, { model: truncateForEcho(String(requests[i]!.model)), result: err(problem) }) : step;
        });
        return { __typename: "BudgetPlan" as const, startingBudget: start, ...plan, steps };
      },
    }),
    cheapestModels: t.field({
      type: CheapestResult,
      description: `Models that can serve a need (aspect ratio, resolution, duration), cheapest first; \`first\` is clamped to 1..${BOUNDS.cheapestModels}.`,
      args: {
        need: t.arg({ type: NeedInput, required: true, description: "What the output must be." }),
        first: t.arg.int({ required: false, defaultValue: 10, description: "How many models to answer, cheapest first." }),
      },
      resolve: (_root, args, ctx) => {
        const need = args.need;
        const result = cheapestModels(ctx.services.engine, {
          output: need.output,
          ...(need.aspectRatio ? { aspectRatio: need.aspectRatio } : {}),
          ...(need.minShortSide ? { minShortSide: need.minShortSide } : {}),
          ...(need.minDuration ? { minDuration: need.minDuration } : {}),
          ...(need.quantity ? { quantity: need.quantity } : {}),
        });
        return (result.ok ? { __typename: "ModelOptions" as const, options: result.value.slice(0, Math.max(1, Math.min(BOUNDS.cheapestModels, args.first ?? 10))) } : result.error) as never;
      },
    }),
  }));
}
