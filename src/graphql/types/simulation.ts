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
import { OBSERVED_TASKS, OBSERVED_WINDOW_MS } from "../../services/simulation.ts";
import { SIMULATION_BOUNDS } from "../../simulation/bounds.ts";
import { MIN_OBSERVED_TASKS } from "../../simulation/latency.ts";
import { presentSimulation, type PresentedSimulation } from "../../simulation/present.ts";
import { builder } from "../builder.ts";
import { InvalidParams, ModelNotFound, ModelUnavailable, PromptTooLong, QuantityTooHigh, RateLimited, Unauthorized } from "./errors.ts";
import { OutputKind } from "./models.ts";

type Presented = PresentedSimulation;
type PresentedPercentiles = Presented["completionSeconds"];
type PresentedPoint = Presented["series"]["points"][number];

const ArrivalKind = builder.enumType("ArrivalKind", {
  description: "How a stream's requests arrive.",
  values: {
    FIXED: { description: "Evenly spaced, `perHour` an hour." },
    POISSON: { description: "A Poisson process of `perHour` an hour on average." },
    BURST: { description: "`count` requests at `atHour`, spread over `overSeconds` (0: at once)." },
    LIST: { description: "One request at each of `atSeconds` (seconds from the start)." },
  } as const,
});
const RefusalBehaviour = builder.enumType("RefusalBehaviour", {
  description: "What the simulated client does with a RATE_LIMITED answer.",
  values: {
    DROP: { description: "A request refused RATE_LIMITED is given up." },
    RETRY: { description: "A request refused RATE_LIMITED is sent again after Retry-After, at most `maxRetries` times." },
  } as const,
});
const SeriesStep = builder.enumType("SeriesStep", {
  description: "The width of one point of the time series.",
  values: { MINUTE: { description: "One point a minute (the default up to 24 hours)." }, HOUR: { description: "One point an hour (the default beyond 24 hours)." } } as const,
});

const LatencySource = builder.enumType("LatencySource", {
  description: "Where simulated upstream latencies come from.",
  values: {
    RANGE: { description: "Uniform over the provider's `latency` range for the output kind (or the simulated provider's default)." },
    OBSERVED: {
      description: `As observed in this gateway's own FINISHED tasks of the output kind (the newest ${OBSERVED_TASKS.toLocaleString("en-US")} accepted in the last ${OBSERVED_WINDOW_MS / 86_400_000} days, from the attempt's start to FINISHED); a kind with fewer than ${MIN_OBSERVED_TASKS} keeps its range.`,
    },
  } as const,
});

const ArrivalInput = builder.inputType("ArrivalInput", {
  description: "When a stream's requests arrive; the fields that apply depend on `kind`.",
  fields: (t) => ({
    kind: t.field({ type: ArrivalKind, required: true, description: "Fixed rate, Poisson rate, a burst, or a list of instants." }),
    perHour: t.float({ required: false, description: "FIXED, POISSON: requests an hour." }),
    atHour: t.float({ required: false, description: "BURST: hours from the start." }),
    count: t.int({ required: false, description: "BURST: how many requests." }),
    overSeconds: t.float({ required: false, description: "BURST (default 0)." }),
    atSeconds: t.floatList({ required: false, description: `LIST: at most ${SIMULATION_BOUNDS.listTimes} instants (a GraphQL variable list holds at most 200; POST /api/simulate takes more).` }),
  }),
});
const WorkloadKeyInput = builder.inputType("WorkloadKeyInput", {
  description: "An API key of the workload, with its daily budget.",
  fields: (t) => ({
    id: t.string({ required: true, description: "A name for the key within this workload." }),
    dailyLimitUsd: t.float({ required: false, description: "Default: the caller's own daily limit." }),
  }),
});
const LatencyRangeInput = builder.inputType("LatencyRangeInput", {
  description: "How long the upstream takes for one kind of output, at time scale 1.",
  fields: (t) => ({
    output: t.field({ type: OutputKind, required: true, description: "The kind of output this range applies to." }),
    minSeconds: t.float({ required: true, description: "The shortest latency in seconds." }),
    maxSeconds: t.float({ required: false, description: "Default: minSeconds (a fixed latency)." }),
  }),
});
const SimulatedProviderInput = builder.inputType("SimulatedProviderInput", {
  description: "The upstream the simulation assumes: pool, latencies, failures.",
  fields: (t) => ({
    poolSize: t.int({ required: false, description: "Upstream accounts (default: this gateway's)." }),
    failureRate: t.float({ required: false, description: "The share of attempts that fail (0 to 1; default 0)." }),
    stallRate: t.float({ required: false, description: "The share of attempts that never answer (0 to 1; default 0)." }),
    maxAttempts: t.int({ required: false, description: "Upstream attempts per task before it fails (default: the task driver's)." }),
    latency: t.field({ type: [LatencyRangeInput], required: false, description: "Per output kind; default: the simulated provider's (images 10-30 s, videos 60-300 s, 3D 30-120 s)." }),
    latencyFrom: t.field({ type: LatencySource, required: false, description: "RANGE (default): the `latency` ranges; OBSERVED: this gateway's finished tasks, the ranges for a kind with too few." }),
  }),
});

export function defineSimulationFields(Input: ReturnType<typeof builder.inputType>, toRequest: (input: Record<string, unknown>) => GenerationRequest) {
  const StreamInput = builder.inputType("WorkloadStreamInput", {
    description: "One stream of identical requests from one key.",
    fields: (t) => ({
      name: t.string({ required: false, description: "A label for the stream in the report." }),
      key: t.string({ required: true, description: "The id of one of the workload's keys." }),
      request: t.field({ type: Input, required: true, description: "The generation each request asks for, as `generate` takes it." }),
      arrival: t.field({ type: ArrivalInput, required: true, description: "When the requests arrive." }),
      fromHour: t.float({ required: false, description: "Hours from the start (default 0)." }),
      untilHour: t.float({ required: false, description: "Hours from the start (default: the horizon)." }),
      onRefusal: t.field({ type: RefusalBehaviour, required: false, description: "What the client does when rate limited (default DROP)." }),
      maxRetries: t.int({ required: false, description: "RETRY: the most times one request is sent again." }),
    }),
  });
  const WorkloadInput = builder.inputType("WorkloadInput", {
    description: "A day (or up to 7) of traffic to simulate; README \"What will a day cost?\".",
    fields: (t) => ({
      start: t.string({ required: false, description: "ISO 8601 instant (default: today's UTC midnight)." }),
      horizonHours: t.float({ required: false, description: `Default 24; at most ${SIMULATION_BOUNDS.horizonHours}.` }),
      seed: t.int({ required: false, description: "Seeds the random arrivals, latencies and failures (the same seed gives the same answer)." }),
      replications: t.int({ required: false, description: `Default 1; at most ${SIMULATION_BOUNDS.replications}.` }),
      timeScale: t.float({ required: false, description: "As GATEAI_TIME_SCALE: divides the generation clocks and latencies." }),
      seriesStep: t.field({ type: SeriesStep, required: false, description: "The time series' step (default: by the horizon)." }),
      keys: t.field({ type: [WorkloadKeyInput], required: true, description: "The keys the streams send with." }),
      streams: t.field({ type: [StreamInput], required: true, description: "The traffic." }),
      provider: t.field({ type: SimulatedProviderInput, required: false, description: "The upstream assumed (default: this gateway's simulated provider)." }),
    }),
  });

  /** The typed input as the JSON workload parseWorkload reads. */
  /** The workload as POST /api/simulate takes it: `latency` (a list by output kind) becomes `latencySeconds`. */
  const toWorkload = (input: Record<string, any>): Record<string, unknown> => {
    const provider = input.provider as Record<string, any> | null | undefined;
    const latency = provider?.latency as { output: string; minSeconds: number; maxSeconds?: number | null }[] | null | undefined;
    const streams = (input.streams as Record<string, any>[]).map((s) => Object.assign({}, s, { request: toRequest(s.request as Record<string, unknown>) }));
    // An absent maxSeconds is an absent max (the reader's default is min): a bad min is one issue, not two.
    const latencySeconds = latency ? Object.fromEntries(latency.map((l) => [l.output, Object.assign({ min: l.minSeconds }, l.maxSeconds != null ? { max: l.maxSeconds } : {})])) : undefined;
    const { latency: _latency, ...rest } = provider ?? {};
    const simulatedProvider = provider ? Object.assign(rest, latencySeconds ? { latencySeconds } : {}) : undefined;
    return Object.assign({}, input, { streams }, simulatedProvider ? { provider: simulatedProvider } : {});
  };

  /** An issue's field as the GraphQL input names it: `provider.latencySeconds.video.min` is `provider.latency[i].minSeconds`. */
  const graphqlField = (input: Record<string, any>, field: string): string => {
    const m = /^provider\.latencySeconds\.([^.]+)(?:\.(min|max))?$/.exec(field);
    if (!m) return field;
    const index = ((input.provider?.latency ?? []) as { output: string }[]).findIndex((l) => l.output === m[1]);
    if (index < 0) return field;
    return `provider.latency[${index}]${m[2] ? `.${m[2]}Seconds` : ""}`;
  };

  const Percentiles = builder.objectRef<PresentedPercentiles>("DurationPercentiles").implement({
    description: "Seconds; null when nothing was measured.",
    fields: (t) => ({
      count: t.exposeInt("count", { description: "How many durations were measured." }),
      p5: t.exposeFloat("p5", { nullable: true, description: "5th percentile." }),
      p50: t.exposeFloat("p50", { nullable: true, description: "Median." }),
      p90: t.exposeFloat("p90", { nullable: true, description: "90th percentile." }),
      p95: t.exposeFloat("p95", { nullable: true, description: "95th percentile." }),
      p99: t.exposeFloat("p99", { nullable: true, description: "99th percentile." }),
    }),
  });
  const Totals = builder.objectRef<Presented["totals"]>("SimulationTotals").implement({
    description: "What happened to the workload's requests, counted over the whole horizon.",
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
    fields: (t) => ({
      name: t.exposeString("name", { description: "The total's field name in SimulationTotals." }),
      p5: t.exposeFloat("p5", { description: "5th percentile over the replications." }),
      p50: t.exposeFloat("p50", { description: "Median over the replications." }),
      p95: t.exposeFloat("p95", { description: "95th percentile over the replications." }),
    }),
  });
  const KeyDaySpend = builder.objectRef<Presented["keyDays"][number]>("KeyDaySpend").implement({
    description: "One key's spend on one UTC day.",
    fields: (t) => ({
      key: t.exposeString("key", { description: "The workload key's id." }),
      day: t.exposeString("day", { description: "YYYY-MM-DD (UTC)." }),
      dailyLimitUsd: t.exposeFloat("dailyLimitUsd", { description: "The key's daily limit in USD." }),
      spendUsd: t.exposeFloat("spendUsd", { description: "Charged to this day, net of refunds." }),
      accepted: t.exposeInt("accepted", { description: "Requests accepted that day." }),
      refusedBudget: t.exposeInt("refusedBudget", { description: "Requests refused that day because nothing fit the budget." }),
      exhaustedAt: t.exposeString("exhaustedAt", { nullable: true, description: "The first request of the day refused for budget (ISO 8601)." }),
    }),
  });
  const ModelSpend = builder.objectRef<Presented["models"][number]>("ModelSpend").implement({
    description: "One model's share of the workload.",
    fields: (t) => ({
      model: t.exposeString("model", { description: "The model id." }),
      requests: t.exposeInt("requests", { description: "Requests sent for this model." }),
      accepted: t.exposeInt("accepted", { description: "Accepted." }),
      downgraded: t.exposeInt("downgraded", { description: "Accepted with a downgrade." }),
      spendUsd: t.exposeFloat("spendUsd", { description: "USD charged, net of refunds." }),
      savedUsd: t.exposeFloat("savedUsd", { description: "USD the downgrades saved." }),
    }),
  });
  const SeriesPoint = builder.objectRef<PresentedPoint>("SeriesPoint").implement({
    description: "One step of the time series.",
    fields: (t) => ({
      at: t.exposeString("at", { description: "The step's start (ISO 8601)." }),
      spendUsd: t.exposeFloat("spendUsd", { description: "Net charged in the step." }),
      accepted: t.exposeInt("accepted", { description: "Requests accepted in the step." }),
      refused: t.exposeInt("refused", { description: "Requests refused in the step (any reason)." }),
      inFlight: t.exposeInt("inFlight", { description: "The most tasks queued or processing at once in the step." }),
      queueDepth: t.exposeInt("queueDepth", { description: "The most tasks queued at once in the step." }),
    }),
  });
  const Series = builder.objectRef<Presented["series"]>("SimulationSeries").implement({
    description: "The workload over time, for a chart.",
    fields: (t) => ({
      step: t.field({ type: SeriesStep, description: "The width of each point.", resolve: (s) => s.step }),
      points: t.field({ type: [SeriesPoint], description: "One point per step, in time order.", resolve: (s) => [...s.points] }),
    }),
  });
  const Latency = builder.objectRef<Presented["latency"][number]>("SimulationLatency").implement({
    description: "The latency one output kind's simulated attempts were drawn from, in seconds at time scale 1.",
    fields: (t) => ({
      output: t.field({ type: OutputKind, description: "The output kind.", resolve: (l) => l.output }),
      source: t.field({ type: LatencySource, description: "A range, or this gateway's observed tasks.", resolve: (l) => l.source }),
      observedTasks: t.exposeInt("observedTasks", { description: `FINISHED tasks of this kind observed (0 unless OBSERVED was asked); below ${MIN_OBSERVED_TASKS} the range was used.` }),
      minSeconds: t.exposeFloat("minSeconds", { description: "The shortest latency drawn from." }),
      medianSeconds: t.exposeFloat("medianSeconds", { description: "The median latency drawn from." }),
      maxSeconds: t.exposeFloat("maxSeconds", { description: "The longest latency drawn from." }),
    }),
  });
  const Report = builder.objectRef<Presented & { __typename: "SimulationReport" }>("SimulationReport").implement({
    description: "What the workload's day(s) would spend, downgrade, refuse and wait; the first replication in full, every total's band over all.",
    isTypeOf: (v) => (v as { __typename?: string }).__typename === "SimulationReport",
    fields: (t) => ({
      start: t.exposeString("start", { description: "The simulated start (ISO 8601)." }),
      horizonHours: t.exposeFloat("horizonHours", { description: "How many hours were simulated." }),
      replications: t.exposeInt("replications", { description: "How many times the workload was run (with different random draws)." }),
      seed: t.exposeInt("seed", { description: "The seed used: send it again for the same answer." }),
      totals: t.field({ type: Totals, description: "The first replication's totals.", resolve: (r) => r.totals }),
      bands: t.field({ type: [TotalBand], description: "Each total's p5/p50/p95 over the replications.", resolve: (r) => [...r.bands] }),
      keyDays: t.field({ type: [KeyDaySpend], description: "Spend per key per UTC day, and when each budget ran out.", resolve: (r) => [...r.keyDays] }),
      models: t.field({ type: [ModelSpend], description: "The breakdown per model.", resolve: (r) => [...r.models] }),
      queueWaitSeconds: t.field({ type: Percentiles, description: "How long accepted tasks waited for an upstream account.", resolve: (r) => r.queueWaitSeconds }),
      completionSeconds: t.field({ type: Percentiles, description: "From acceptance to FINISHED (failed tasks are in the totals, not here).", resolve: (r) => r.completionSeconds }),
      series: t.field({ type: Series, description: "The time series (spend, in flight, queue depth, accepted, refused).", resolve: (r) => r.series }),
      latency: t.field({ type: [Latency], description: "By output kind: the latency distribution the attempts were drawn from.", resolve: (r) => [...r.latency] }),
    }),
  });
  const SimulateResult = builder.unionType("SimulateResult", {
    description: "The simulation's report, or why it was refused.",
    types: [Report, Unauthorized, InvalidParams, ModelNotFound, ModelUnavailable, PromptTooLong, QuantityTooHigh, RateLimited],
  });

  builder.queryFields((t) => ({
    simulate: t.field({
      type: SimulateResult,
      description: "Simulates a workload through this gateway's rules (budget, downgrade, limits, pool, clocks). Charges nothing.",
      args: { workload: t.arg({ type: WorkloadInput, required: true, description: "The keys, streams and provider to simulate." }) },
      resolve: async (_root, args, ctx) => {
        if (!ctx.key) return unauthorized() as never;
        const latency = ((args.workload as Record<string, any>).provider?.latency ?? []) as { output: string }[];
        const again = latency.findIndex((l, i) => latency.findIndex((m) => m.output === l.output) < i);
        if (again >= 0) {
          const first = latency.findIndex((l) => l.output === latency[again]!.output);
          return invalidParams([{ field: `provider.latency[${again}].output`, reason: `is the output kind of provider.latency[${first}]: one range per output kind` }]) as never;
        }
        const workload = toWorkload(args.workload as Record<string, any>);
        const issue = workloadRequestsIssue(workload, SIMULATION_BOUNDS.streams);
        if (issue) return invalidParams([issue]) as never;
        const result = await ctx.services.simulation.simulate(ctx.key, workload);
        if (!result.ok && result.error.code === "INVALID_PARAMS") {
          return invalidParams(result.error.issues.map((i) => ({ field: graphqlField(args.workload as Record<string, any>, i.field), reason: i.reason }))) as never;
        }
        // Assigned onto the presented report, not spread: a spread would read (make) every lazy part.
        return (result.ok ? Object.assign(presentSimulation(result.value), { __typename: "SimulationReport" as const }) : result.error) as never;
      },
    }),
  }));
}
