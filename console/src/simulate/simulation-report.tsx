// A `SimulationReport` for people: the totals (with p5/p50/p95 over the replications when there
// are several), when each key's budget ran out, the time series as a chart, the breakdown per
// model and the queue wait and completion percentiles.
import { SeriesChart } from "../components/series-chart.tsx";
import { usd } from "../format.ts";
import type { ConsoleSimulateQuery } from "../gql/graphql.ts";

export type Report = Extract<ConsoleSimulateQuery["simulate"], { __typename: "SimulationReport" }>;
type TotalName = Exclude<keyof Report["totals"], "__typename">;

/** The rows of the totals table, in reading order; `indent` rows detail the row above. */
const TOTALS: readonly { name: TotalName; label: string; indent?: boolean }[] = [
  { name: "requests", label: "Requests" },
  { name: "calls", label: "HTTP calls (with client retries)", indent: true },
  { name: "accepted", label: "Accepted" },
  { name: "downgraded", label: "downgraded to fit the budget", indent: true },
  { name: "savedUsd", label: "saved by the downgrades", indent: true },
  { name: "refusedBudget", label: "Refused: nothing fits the day's budget" },
  { name: "refusedConcurrency", label: "Refused: 5 in flight" },
  { name: "refusedWindow", label: "Refused: 5 per 30 s" },
  { name: "rateLimitedCalls", label: "RATE_LIMITED answers (retries included)", indent: true },
  { name: "finished", label: "Finished" },
  { name: "failed", label: "Failed" },
  { name: "timedOut", label: "at the 40-minute limit", indent: true },
  { name: "retriedAttempts", label: "Upstream attempts retried" },
  { name: "refunded", label: "Refunded" },
  { name: "refundedUsd", label: "given back", indent: true },
  { name: "spendUsd", label: "Total spend" },
];

const isMoney = (name: string) => name.endsWith("Usd");
const count = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 1 });
const amount = (name: string, value: number) => (isMoney(name) ? usd(value) : count(value));
const seconds = (s: number | null | undefined) => (s === null || s === undefined ? "—" : `${count(s)} s`);
const utcTime = (iso: string) => `${iso.slice(11, 19)} UTC`;

export function SimulationReportView(props: { report: Report }) {
  const { report } = props;
  const { totals } = report;
  const bands = new Map(report.bands.map((b) => [b.name, b]));
  const several = report.replications > 1;
  const exhausted = report.keyDays.filter((d) => d.exhaustedAt);
  return (
    <div data-testid="simulation-report">
      <div class="card">
        <h2>Totals</h2>
        <p class="headline" data-testid="headline">
          <strong>{usd(totals.spendUsd)}</strong> spent · <strong>{count(totals.accepted)}</strong> of {count(totals.requests)} requests accepted ·{" "}
          {exhausted.length === 0
            ? "no budget ran out"
            : exhausted.map((d) => `${d.key}'s budget ran out at ${utcTime(d.exhaustedAt!)} on ${d.day}`).join("; ")}
        </p>
        <p class="muted">
          {report.horizonHours} h from {report.start.replace("T", " ").replace(".000Z", " UTC")}, seed {report.seed}
          {several ? `, ${report.replications} replications: the first in full, each total's p5/p50/p95 over all` : ", one replication"}
        </p>
        <table class="totals" data-testid="totals">
          <thead>
            <tr>
              <th />
              <th class="number">{several ? "first run" : ""}</th>
              {several && (
                <>
                  <th class="number">p5</th>
                  <th class="number">p50</th>
                  <th class="number">p95</th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {TOTALS.map(({ name, label, indent }) => {
              const band = bands.get(name);
              return (
                <tr key={name} class={indent ? "detail" : ""}>
                  <td>{label}</td>
                  <td class="number" data-testid={`total-${name}`} data-value={String(totals[name])}>
                    {amount(name, totals[name])}
                  </td>
                  {several && (
                    <>
                      <td class="number">{band ? amount(name, band.p5) : "—"}</td>
                      <td class="number">{band ? amount(name, band.p50) : "—"}</td>
                      <td class="number">{band ? amount(name, band.p95) : "—"}</td>
                    </>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <div class="card">
        <h2>Budgets per key and UTC day</h2>
        <table data-testid="key-days">
          <thead>
            <tr>
              <th>Key</th>
              <th>Day</th>
              <th class="number">Limit</th>
              <th class="number">Spend</th>
              <th class="number">Accepted</th>
              <th class="number">Refused (budget)</th>
              <th>Budget ran out</th>
            </tr>
          </thead>
          <tbody>
            {report.keyDays.map((d) => (
              <tr key={`${d.key} ${d.day}`}>
                <td>{d.key}</td>
                <td>{d.day}</td>
                <td class="number">{usd(d.dailyLimitUsd)}</td>
                <td class="number">{usd(d.spendUsd)}</td>
                <td class="number">{count(d.accepted)}</td>
                <td class="number">{count(d.refusedBudget)}</td>
                <td data-testid="exhausted-at" data-value={d.exhaustedAt ?? ""}>
                  {d.exhaustedAt ? utcTime(d.exhaustedAt) : <span class="muted">not exhausted</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div class="card">
        <h2>Over time</h2>
        <SeriesChart step={report.series.step} points={report.series.points} />
      </div>

      <div class="card">
        <h2>Per model</h2>
        <table data-testid="models">
          <thead>
            <tr>
              <th>Model</th>
              <th class="number">Requests</th>
              <th class="number">Accepted</th>
              <th class="number">Downgraded</th>
              <th class="number">Saved</th>
              <th class="number">Spend</th>
            </tr>
          </thead>
          <tbody>
            {report.models.map((m) => (
              <tr key={m.model}>
                <td>{m.model}</td>
                <td class="number">{count(m.requests)}</td>
                <td class="number">{count(m.accepted)}</td>
                <td class="number">{count(m.downgraded)}</td>
                <td class="number">{usd(m.savedUsd)}</td>
                <td class="number">{usd(m.spendUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table data-testid="durations">
          <thead>
            <tr>
              <th />
              <th class="number">measured</th>
              <th class="number">p50</th>
              <th class="number">p95</th>
              <th class="number">p99</th>
            </tr>
          </thead>
          <tbody>
            {(
              [
                ["Queue wait for an upstream account", report.queueWaitSeconds],
                ["Acceptance to FINISHED", report.completionSeconds],
              ] as const
            ).map(([label, p]) => (
              <tr key={label}>
                <td>{label}</td>
                <td class="number">{count(p.count)}</td>
                <td class="number">{seconds(p.p50)}</td>
                <td class="number">{seconds(p.p95)}</td>
                <td class="number">{seconds(p.p99)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
