/**
 * A simulation report as JSON for people and programs: dollars instead of micro-dollars, ISO
 * instants instead of epoch ms, seconds instead of ms. POST /api/simulate answers it, the CLI
 * writes it, and the web console reads its `series` (`PresentedSeries`) to plot the day.
 */
import { microsToUsd } from "../kernel/money.ts";
import type { LatencyUse } from "./latency.ts";
import type { Band, KeyDay, ModelUse, Percentiles, SimulationReport, SimulationTotals, TimeSeries } from "./report.ts";

const iso = (ms: number): string => new Date(ms).toISOString();
const seconds = (ms: number | null): number | null => (ms === null ? null : Math.round(ms) / 1000);
/** Totals and bands whose unit is money. */
const MONEY = new Set<keyof SimulationTotals>(["savedMicros", "refundedMicros", "spendMicros"]);
/** `spendMicros` → `spendUsd`. */
export const presentedTotalName = (name: keyof SimulationTotals): string => (MONEY.has(name) ? name.replace(/Micros$/, "Usd") : name);
const amount = (name: keyof SimulationTotals, value: number): number => (MONEY.has(name) ? microsToUsd(value) : value);

/** The time series as the console plots it and the CSV lists it: one row per step. */
export interface PresentedSeries {
  readonly step: "MINUTE" | "HOUR";
  readonly points: readonly {
    readonly at: string;
    readonly spendUsd: number;
    readonly accepted: number;
    readonly refused: number;
    readonly inFlight: number;
    readonly queueDepth: number;
  }[];
}

export function presentSeries(series: TimeSeries): PresentedSeries {
  return {
    step: series.step,
    points: series.at.map((at, i) => ({
      at: iso(at),
      spendUsd: microsToUsd(series.spendMicros[i]!),
      accepted: series.accepted[i]!,
      refused: series.refused[i]!,
      inFlight: series.inFlight[i]!,
      queueDepth: series.queueDepth[i]!,
    })),
  };
}

const presentTotals = (totals: SimulationTotals): Record<string, number> =>
  Object.fromEntries(Object.entries(totals).map(([name, value]) => [presentedTotalName(name as keyof SimulationTotals), amount(name as keyof SimulationTotals, value)]));

const presentPercentiles = (p: Percentiles) => ({ count: p.count, p5: seconds(p.p5), p50: seconds(p.p50), p90: seconds(p.p90), p95: seconds(p.p95), p99: seconds(p.p99) });

const presentKeyDay = (d: KeyDay) => ({
  key: d.key,
  day: d.day,
  dailyLimitUsd: microsToUsd(d.dailyLimitMicros),
  spendUsd: microsToUsd(d.spendMicros),
  accepted: d.accepted,
  refusedBudget: d.refusedBudget,
  exhaustedAt: d.exhaustedAt === null ? null : iso(d.exhaustedAt),
});

const presentModel = (m: ModelUse) => ({
  model: m.model,
  requests: m.requests,
  accepted: m.accepted,
  downgraded: m.downgraded,
  spendUsd: microsToUsd(m.spendMicros),
  savedUsd: microsToUsd(m.savedMicros),
});

const presentLatency = (l: LatencyUse) => ({
  output: l.output,
  source: l.source,
  observedTasks: l.observedTasks,
  minSeconds: Math.round(l.minSeconds * 1000) / 1000,
  medianSeconds: Math.round(l.medianSeconds * 1000) / 1000,
  maxSeconds: Math.round(l.maxSeconds * 1000) / 1000,
});

const presentBand = (b: Band) => ({ name: presentedTotalName(b.name), p5: amount(b.name, b.p5), p50: amount(b.name, b.p50), p95: amount(b.name, b.p95) });

/**
 * The presented report. Its parts beyond the totals and the key days are made when first read
 * (and kept): JSON.stringify reads them all, a GraphQL query only those it selects, so a query
 * for the totals builds no series and selects no percentile.
 */
export function presentSimulation(report: SimulationReport) {
  const first = report.first;
  let bands: ReturnType<typeof presentBand>[] | undefined;
  let models: ReturnType<typeof presentModel>[] | undefined;
  let queueWait: ReturnType<typeof presentPercentiles> | undefined;
  let completion: ReturnType<typeof presentPercentiles> | undefined;
  let series: PresentedSeries | undefined;
  let latency: ReturnType<typeof presentLatency>[] | undefined;
  return {
    start: iso(report.startAt),
    horizonHours: report.horizonMs / 3_600_000,
    replications: report.replications,
    seed: first.seed,
    totals: presentTotals(first.totals),
    get bands() {
      return (bands ??= report.bands.map(presentBand));
    },
    keyDays: first.keyDays.map(presentKeyDay),
    get models() {
      return (models ??= first.models.map(presentModel));
    },
    get queueWaitSeconds() {
      return (queueWait ??= presentPercentiles(first.queueWait));
    },
    get completionSeconds() {
      return (completion ??= presentPercentiles(first.completion));
    },
    get series() {
      return (series ??= presentSeries(first.series));
    },
    get latency() {
      return (latency ??= report.latency.map(presentLatency));
    },
  };
}

export type PresentedSimulation = ReturnType<typeof presentSimulation>;
