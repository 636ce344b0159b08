/**
 * `simulate(workload:)`: the workload cost simulator's GraphQL face. The input mirrors the JSON of
 * POST /api/simulate with typed fields (each stream's request is a GenerateInput); the answer is
 * the same presented report (src/simulation/present.ts), typed; expected failures are union
 * members as everywhere else.
 */
import type { GenerationRequest } from "../../engine/engine.ts";
import { invalidParams } from "../../engine/errors.ts";
import { workloadRequestsIssue } from "../../http/workload-requests.ts";
import { unauthorized } from "../../services/errors.ts";
import { SIMULATION_BOUNDS } from "../../simulation/bounds.ts";
import { presentSimulation, type PresentedSimulation } from "../../simulation/present.ts";
import { builder } from "../builder.ts";
import { InvalidParams, ModelNotFound, PromptTooLong, QuantityTooHigh, RateLimited, Unauthorized } from "./errors.ts";
import { OutputKind } from "./models.ts";

type Presented = PresentedSimulation;
type PresentedPercentiles = Presented["completionSeconds"];
type PresentedPoint = Presented["series"]["points"][number];

const ArrivalKind = builder.enumType("ArrivalKind", {
  values: {
    FIXED: { description: "Evenly spaced, `perHour` an hour." },
    POISSON: { description: "A Poisson process of `perHour` an hour on average." },
    BURST: { description: "`count` requests at `atHour`, spread over `overSeconds` (0: at once)." },
    LIST: { description: "One request at each of `atSeconds` (seconds from the start)." },
  } as const,
});
const RefusalBehaviour = builder.enumType("RefusalBehaviour", {
  values: {
    DROP: { description: "A request refused RATE_LIMITED is given up." },
    RETRY: { description: "A request refused RATE_LIMITED is sent again after Retry-After, at most `maxRetries` times." },
  } as const,
});
const SeriesStep = builder.enumType("SeriesStep", { values: ["MINUTE", "HOUR"] as const });

const ArrivalInput = builder.inputType("ArrivalInput", {
  fields: (t) => ({
    kind: t.field({ type: ArrivalKind, required: true }),
    perHour: t.float({ required: false, description: "FIXED, POISSON." }),
    atHour: t.float({ required: false, description: "BURST: hours from the start." }),
    count: t.int({ required: false, description: "BURST." }),
    overSeconds: t.float({ required: false, description: "BURST (default 0)." }),
    atSeconds: t.floatList({ required: false, description: `LIST: at most ${SIMULATION_BOUNDS.listTimes} instants (a GraphQL variable list holds at most 200; POST /api/simulate takes more).` }),
  }),
});
const WorkloadKeyInput = builder.inputType("WorkloadKeyInput", {
  fields: (t) => ({
    id: t.string({ required: true, description: "A name for the key within this workload." }),
    dailyLimitUsd: t.float({ required: false, description: "Default: the caller's own daily limit." }),
  }),
});
const LatencyRangeInput = builder.inputType("LatencyRangeInput", {
  fields: (t) => ({
    output: t.field({ type: OutputKind, required: true }),
    minSeconds: t.float({ required: true }),
    maxSeconds: t.float({ required: false, description: "Default: minSeconds (a fixed latency)." }),
  }),
});
const SimulatedProviderInput = builder.inputType("SimulatedProviderInput", {
  fields: (t) => ({
    poolSize: t.int({ required: false, description: "Upstream accounts (default: this gateway's)." }),
    failureRate: t.float({ required: false }),
    stallRate: t.float({ required: false }),
    maxAttempts: t.int({ required: false }),
    latency: t.field({ type: [LatencyRangeInput], required: false, description: "Per output kind; default: the simulated provider's (images 10-30 s, videos 60-300 s, 3D 30-120 s)." }),
  }),
});

export function defineSimulationFields(Input: ReturnType<typeof builder.inputType>, toRequest: (input: Record<string, unknown>) => GenerationRequest) {
  const StreamInput = builder.inputType("WorkloadStreamInput", {
    fields: (t) => ({
      name: t.string({ required: false }),
      key: t.string({ required: true, description: "The id of one of the workload's keys." }),
      request: t.field({ type: Input, required: true }),
      arrival: t.field({ type: ArrivalInput, required: true }),
      fromHour: t.float({ required: false, description: "Hours from the start (default 0)." }),
      untilHour: t.float({ required: false, description: "Hours from the start (default: the horizon)." }),
      onRefusal: t.field({ type: RefusalBehaviour, required: false }),
      maxRetries: t.int({ required: false }),
    }),
  });
  const WorkloadInput = builder.inputType("WorkloadInput", {
    description: "A day (or up to 7) of traffic to simulate; README \"What will a day cost?\".",
    fields: (t) => ({
      start: t.string({ required: false, description: "ISO 8601 instant (default: today's UTC midnight)." }),
      horizonHours: t.float({ required: false, description: `Default 24; at most ${SIMULATION_BOUNDS.horizonHours}.` }),
      seed: t.int({ required: false }),
      replications: t.int({ required: false, description: `Default 1; at most ${SIMULATION_BOUNDS.replications}.` }),
      timeScale: t.float({ required: false, description: "As GATEAI_TIME_SCALE: divides the generation clocks and latencies." }),
      seriesStep: t.field({ type: SeriesStep, required: false }),
      keys: t.field({ type: [WorkloadKeyInput], required: true }),
      streams: t.field({ type: [StreamInput], required: true }),
      provider: t.field({ type: SimulatedProviderInput, required: false }),
    }),
  });

  /** The typed input as the JSON workload parseWorkload reads. */
  const toWorkload = (input: Record<string, any>): Record<string, unknown> => {
    const provider = input.provider as Record<string, any> | null | undefined;
    const latency = provider?.latency as { output: string; minSeconds: number; maxSeconds?: number | null }[] | null | undefined;
    return Object.assign({}, input, { streams: (input.streams as Record<string, any>[]).map((s) => (Object.assign({}, s, { request: toRequest(s.request as Record<string, unknown>) }))) }, (provider
        ? {
            provider: Object.assign({}, provider, (latency ? { latencySeconds: Object.fromEntries(latency.map((l) => [l.output, { min: l.minSeconds, max: l.maxSeconds ?? l.minSeconds }])) } : {})),
          }
        : {}));
  };

  const Percentiles = builder.objectRef<PresentedPercentiles>("DurationPercentiles").implement({
    description: "Seconds; null when nothing was measured.",
    fields: (t) => ({
      count: t.exposeInt("count"),
      p5: t.exposeFloat("p5", { nullable: true }),
      p50: t.exposeFloat("p50", { nullable: true }),
      p90: t.exposeFloat("p90", { nullable: true }),
      p95: t.exposeFloat("p95", { nullable: true }),
      p99: t.exposeFloat("p99", { nullable: true }),
    }),
  });
  const Totals = builder.objectRef<Presented["totals"]>("SimulationTotals").implement({
    fields: (t) => {
      const int = (name: string, description: string) => t.int({ description, resolve: (o) => o[name]! });
      const usd = (name: string, description: string) => t.float({ description: `USD. ${description}`, resolve: (o) => o[name]! });
      return {
        requests: int("requests", "Requests the streams sent (a client's retry is the same request)."),
        calls: int("calls", "HTTP calls: requests and client retries."),
        accepted: int("accepted", "Accepted and charged."),
        downgraded: int("downgraded", "Accepted with a downgrade to fit the day's budget."),
        savedUsd: usd("savedUsd", "What the downgrades saved against the requests as asked."),
        refusedConcurrency: int("refusedConcurrency", "Refused in the end: 5 in flight."),
        refusedWindow: int("refusedWindow", "Refused in the end: 5 in 30 s."),
        refusedBudget: int("refusedBudget", "Refused: nothing fits the day's remaining budget."),
        rateLimitedCalls: int("rateLimitedCalls", "RATE_LIMITED answers, client retries included."),
        finished: int("finished", "FINISHED."),
        failed: int("failed", "FAILED (out of attempts, or the 40-minute limit); refunded."),
        timedOut: int("timedOut", "FAILED at the 40-minute limit."),
        retriedAttempts: int("retriedAttempts", "Upstream attempts that failed and were queued again."),
        refunded: int("refunded", "Charges given back (20-minute refund or failure)."),
        refundedUsd: usd("refundedUsd", "Given back."),
        spendUsd: usd("spendUsd", "Charged minus refunded."),
      };
    },
  });
  const TotalBand = builder.objectRef<Presented["bands"][number]>("TotalBand").implement({
    description: "One total across the replications (USD for the *Usd totals).",
    fields: (t) => ({ name: t.exposeString("name"), p5: t.exposeFloat("p5"), p50: t.exposeFloat("p50"), p95: t.exposeFloat("p95") }),
  });
  const KeyDaySpend = builder.objectRef<Presented["keyDays"][number]>("KeyDaySpend").implement({
    fields: (t) => ({
      key: t.exposeString("key"),
      day: t.exposeString("day", { description: "YYYY-MM-DD (UTC)." }),
      dailyLimitUsd: t.exposeFloat("dailyLimitUsd"),
      spendUsd: t.exposeFloat("spendUsd", { description: "Charged to this day, net of refunds." }),
      accepted: t.exposeInt("accepted"),
      refusedBudget: t.exposeInt("refusedBudget"),
      exhaustedAt: t.exposeString("exhaustedAt", { nullable: true, description: "The first request of the day refused for budget (ISO 8601)." }),
    }),
  });
  const ModelSpend = builder.objectRef<Presented["models"][number]>("ModelSpend").implement({
    fields: (t) => ({
      model: t.exposeString("model"),
      requests: t.exposeInt("requests"),
      accepted: t.exposeInt("accepted"),
      downgraded: t.exposeInt("downgraded"),
      spendUsd: t.exposeFloat("spendUsd"),
      savedUsd: t.exposeFloat("savedUsd"),
    }),
  });
  const SeriesPoint = builder.objectRef<PresentedPoint>("SeriesPoint").implement({
    fields: (t) => ({
      at: t.exposeString("at", { description: "The step's start (ISO 8601)." }),
      spendUsd: t.exposeFloat("spendUsd", { description: "Net charged in the step." }),
      accepted: t.exposeInt("accepted"),
      refused: t.exposeInt("refused"),
      inFlight: t.exposeInt("inFlight", { description: "The most tasks queued or processing at once in the step." }),
      queueDepth: t.exposeInt("queueDepth", { description: "The most tasks queued at once in the step." }),
    }),
  });
  const Series = builder.objectRef<Presented["series"]>("SimulationSeries").implement({
    fields: (t) => ({
      step: t.field({ type: SeriesStep, resolve: (s) => s.step }),
      points: t.field({ type: [SeriesPoint], resolve: (s) => [...s.points] }),
    }),
  });
  const Report = builder.objectRef<Presented & { __typename: "SimulationReport" }>("SimulationReport").implement({
    description: "What the workload's day(s) would spend, downgrade, refuse and wait; the first replication in full, every total's band over all.",
    isTypeOf: (v) => (v as { __typename?: string }).__typename === "SimulationReport",
    fields: (t) => ({
      start: t.exposeString("start"),
      horizonHours: t.exposeFloat("horizonHours"),
      replications: t.exposeInt("replications"),
      seed: t.exposeInt("seed"),
      totals: t.field({ type: Totals, resolve: (r) => r.totals }),
      bands: t.field({ type: [TotalBand], resolve: (r) => [...r.bands] }),
      keyDays: t.field({ type: [KeyDaySpend], resolve: (r) => [...r.keyDays] }),
      models: t.field({ type: [ModelSpend], resolve: (r) => [...r.models] }),
      queueWaitSeconds: t.field({ type: Percentiles, resolve: (r) => r.queueWaitSeconds }),
      completionSeconds: t.field({ type: Percentiles, resolve: (r) => r.completionSeconds }),
      series: t.field({ type: Series, resolve: (r) => r.series }),
    }),
  });
  const SimulateResult = builder.unionType("SimulateResult", {
    types: [Report, Unauthorized, InvalidParams, ModelNotFound, PromptTooLong, QuantityTooHigh, RateLimited],
  });

  builder.queryFields((t) => ({
    simulate: t.field({
      type: SimulateResult,
      description: "Simulates a workload through this gateway's rules (budget, downgrade, limits, pool, clocks). Charges nothing.",
      args: { workload: t.arg({ type: WorkloadInput, required: true }) },
      resolve: async (_root, args, ctx) => {
        if (!ctx.key) return unauthorized() as never;
        const workload = toWorkload(args.workload as Record<string, any>);
        const issue = workloadRequestsIssue(workload, SIMULATION_BOUNDS.streams);
        if (issue) return invalidParams([issue]) as never;
        const result = await ctx.services.simulation.simulate(ctx.key, workload);
        return (result.ok ? { __typename: "SimulationReport" as const, ...presentSimulation(result.value) } : result.error) as never;
      },
    }),
  }));
}
