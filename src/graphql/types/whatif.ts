import type { EnumValue } from "../../catalog/types.ts";
import type { GenerationRequest } from "../../engine/engine.ts";
import type { EngineError } from "../../engine/errors.ts";
import { BOUNDS, truncateForEcho } from "../../kernel/bounds.ts";
import { invalidParams } from "../../engine/errors.ts";
import { err } from "../../kernel/result.ts";
import { microsToUsd, usdToMicros } from "../../kernel/money.ts";
import { unauthorized } from "../../services/errors.ts";
import { cheapestModels, planBudget, priceAcross, type BudgetPlan, type ModelOption, type PlanStep, type PricePoint, type PriceSeries } from "../../engine/whatif.ts";
import { builder } from "../builder.ts";
import { ErrorInterface, InvalidParams, ModelNotFound, Unauthorized } from "./errors.ts";
import { AiModel, OutputKind } from "./models.ts";
import { requestProblem } from "./generate-input.ts";
import { AdjustmentType } from "./tasks.ts";

const PricePointType = builder.objectRef<PricePoint>("PricePoint").implement({
  fields: (t) => ({
    value: t.field({ type: "JSON", resolve: (p) => p.value }),
    cost: t.float({ nullable: true, description: "USD; null when this value is invalid (see error).", resolve: (p) => (p.result.ok ? microsToUsd(p.result.value.cost) : null) }),
    params: t.field({ type: "JSON", nullable: true, resolve: (p) => (p.result.ok ? p.result.value.params : null) }),
    adjustments: t.field({ type: [AdjustmentType], resolve: (p) => (p.result.ok ? [...p.result.value.adjustments] : []) }),
    error: t.field({ type: ErrorInterface, nullable: true, resolve: (p) => (p.result.ok ? null : p.result.error) }),
  }),
});
const PriceSeriesType = builder.objectRef<PriceSeries>("PriceSeries").implement({
  fields: (t) => ({
    by: t.field({ type: "JSON", nullable: true, description: "The value of the `by` parameter held fixed.", resolve: (s) => s.by ?? null }),
    points: t.field({ type: [PricePointType], resolve: (s) => [...s.points] }),
  }),
});
const PriceTable = builder.objectRef<{ __typename: "PriceTable"; across: string; by: string | null; series: readonly PriceSeries[] }>("PriceTable").implement({
  description: "Prices of one request across the values of a parameter, optionally once per value of another.",
  isTypeOf: (v) => (v as { __typename?: string }).__typename === "PriceTable",
  fields: (t) => ({
    across: t.exposeString("across"),
    by: t.string({ nullable: true, resolve: (p) => p.by }),
    series: t.field({ type: [PriceSeriesType], resolve: (p) => [...p.series] }),
  }),
});

const PlanStepType = builder.objectRef<PlanStep>("PlanStep").implement({
  fields: (t) => ({
    index: t.exposeInt("index"),
    model: t.exposeString("model"),
    cost: t.float({ nullable: true, description: "USD charged by this step (after any downgrade).", resolve: (s) => (s.result.ok ? microsToUsd(s.result.value.cost) : null) }),
    requestedCost: t.float({ nullable: true, resolve: (s) => (s.result.ok ? microsToUsd(s.result.value.requestedCost) : null) }),
    params: t.field({ type: "JSON", nullable: true, resolve: (s) => (s.result.ok ? s.result.value.params : null) }),
    adjustments: t.field({ type: [AdjustmentType], resolve: (s) => (s.result.ok ? [...s.result.value.adjustments] : []) }),
    error: t.field({ type: ErrorInterface, nullable: true, resolve: (s) => (s.result.ok ? null : s.result.error) }),
    remainingAfter: t.float({ resolve: (s) => microsToUsd(s.remainingAfter) }),
  }),
});
const BudgetPlanType = builder.objectRef<BudgetPlan & { __typename: "BudgetPlan"; startingBudget: number }>("BudgetPlan").implement({
  description: "Requests run in order against a budget, each downgraded as generate would.",
  isTypeOf: (v) => (v as { __typename?: string }).__typename === "BudgetPlan",
  fields: (t) => ({
    startingBudget: t.float({ resolve: (p) => microsToUsd(p.startingBudget) }),
    steps: t.field({ type: [PlanStepType], resolve: (p) => [...p.steps] }),
    totalCost: t.float({ resolve: (p) => microsToUsd(p.totalCost) }),
    remaining: t.float({ resolve: (p) => microsToUsd(p.remaining) }),
  }),
});

const ModelOptionType = builder.objectRef<ModelOption>("ModelOption").implement({
  fields: (t) => ({
    model: t.field({ type: AiModel, resolve: (o, _a, ctx) => ctx.services.engine.profile(o.model)! }),
    cost: t.float({ resolve: (o) => microsToUsd(o.cost) }),
    params: t.field({ type: "JSON", description: "The cheapest parameters that meet the need.", resolve: (o) => o.params }),
    needsStartFrame: t.exposeBoolean("needsStartFrame"),
  }),
});

const NeedInput = builder.inputType("NeedInput", {
  description: "What the output must be. Sizes and durations are minimums.",
  fields: (t) => ({
    output: t.field({ type: OutputKind, required: true }),
    aspectRatio: t.string({ required: false, description: 'e.g. "16:9" (within 2%).' }),
    minShortSide: t.int({ required: false, description: "Pixels, e.g. 720 for 720p." }),
    minDuration: t.int({ required: false, description: "Seconds." }),
    quantity: t.int({ required: false }),
  }),
});

const PriceAcrossResult = builder.unionType("PriceAcrossResult", { types: [PriceTable, ModelNotFound, InvalidParams] });
const PlanResult = builder.unionType("PlanResult", { types: [BudgetPlanType, Unauthorized, InvalidParams] });
const CheapestResult = builder.unionType("CheapestModelsResult", {
  types: [builder.objectRef<{ __typename: "ModelOptions"; options: readonly ModelOption[] }>("ModelOptions").implement({
    isTypeOf: (v) => (v as { __typename?: string }).__typename === "ModelOptions",
    fields: (t) => ({ options: t.field({ type: [ModelOptionType], resolve: (o) => [...o.options] }) }),
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
        input: t.arg({ type: Input, required: true }),
        across: t.arg.string({ required: true }),
        by: t.arg.string({ required: false }),
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
          args.values ? { values: args.values as EnumValue[] } : {},
          args.byValues ? { byValues: args.byValues as EnumValue[] } : {},
        ));
        return (result.ok ? { __typename: "PriceTable" as const, across: args.across, by: args.by ?? null, series: result.value } : (result.error as EngineError)) as never;
      },
    }),
    planBudget: t.field({
      type: PlanResult,
      description: `Several requests (at most ${BOUNDS.planRequests}) run in order against \`budget\` (USD; default: the caller's remaining budget today).`,
      args: {
        requests: t.arg({ type: [Input], required: true }),
        budget: t.arg.float({ required: false }),
      },
      resolve: async (_root, args, ctx) => {
        if (args.requests.length > BOUNDS.planRequests)
          return invalidParams([{ field: "requests", reason: `has ${args.requests.length} requests; at most ${BOUNDS.planRequests}` }]) as never;
        let start: number;
        if (args.budget !== null && args.budget !== undefined) start = usdToMicros(Math.max(0, args.budget));
        else if (ctx.key) start = (await ctx.services.account.budget(ctx.key)).remaining;
        else return unauthorized() as never;
        const requests = (args.requests as Record<string, unknown>[]).map(toRequest);
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
      args: { need: t.arg({ type: NeedInput, required: true }), first: t.arg.int({ required: false, defaultValue: 10 }) },
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
