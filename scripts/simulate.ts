// What will a day cost? `npm run simulate -- workload.json [--out=DIR]`: simulates the workload
// (README "What will a day cost?") through this gateway's rules, prints a summary, and writes
// the time series as CSV and a chart as SVG (and the whole report as JSON) next to the workload,
// or into DIR. Defaults come from this gateway's configuration (GATEAI_DAILY_LIMIT,
// GATEAI_POOL_SIZE); a workload without `start` begins at today's UTC midnight.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { loadConfig } from "../src/app/config.ts";
import { createEngine } from "../src/engine/engine.ts";
import { presentSimulation } from "../src/simulation/present.ts";
import { simulate } from "../src/simulation/run.ts";
import { seriesCsv } from "../src/simulation/series-csv.ts";
import { seriesSvg } from "../src/simulation/series-svg.ts";
import { parseWorkload } from "../src/simulation/workload.ts";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
const outArg = args.find((a) => a.startsWith("--out="))?.slice("--out=".length);
if (!file) {
  console.error("usage: npm run simulate -- workload.json [--out=DIR]");
  process.exit(2);
}

let input: unknown;
try {
  input = JSON.parse(readFileSync(file, "utf8"));
} catch (error) {
  console.error(`cannot read ${file}: ${(error as Error).message}`);
  process.exit(2);
}
const config = loadConfig(process.env);
const dailyLimit = config.ok ? config.config.dailyLimitMicros : 100_000_000;
const poolSize = config.ok ? config.config.poolSize : 12;
const DAY = 86_400_000;
const workload = parseWorkload(input, { startAt: Math.floor(Date.now() / DAY) * DAY, dailyLimit, poolSize });
if (!workload.ok) {
  console.error(`${workload.error.code}: ${workload.error.message}`);
  process.exit(1);
}
const started = performance.now();
const report = simulate(createEngine(), workload.value);
if (!report.ok) {
  console.error(`${report.error.code}: ${report.error.message}`);
  process.exit(1);
}
const ms = performance.now() - started;
const presented = presentSimulation(report.value);

const usd = (n: number) => `$${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const int = (n: number) => n.toLocaleString("en-US");
const t = presented.totals;
console.log(`${basename(file)}: ${presented.horizonHours} h from ${presented.start}, ${presented.replications} replication(s), ${int(report.value.first.events)} events in ${ms.toFixed(0)} ms`);
console.log("");
const rows: [string, string][] = [
  ["requests (calls incl. client retries)", `${int(t.requests!)} (${int(t.calls!)})`],
  ["accepted", int(t.accepted!)],
  ["  downgraded (saved)", `${int(t.downgraded!)} (${usd(t.savedUsd!)})`],
  ["refused: budget / 5 in flight / 5 per 30 s", `${int(t.refusedBudget!)} / ${int(t.refusedConcurrency!)} / ${int(t.refusedWindow!)}`],
  ["finished / failed (timed out)", `${int(t.finished!)} / ${int(t.failed!)} (${int(t.timedOut!)})`],
  ["refunded", `${int(t.refunded!)} (${usd(t.refundedUsd!)})`],
  ["spend", usd(t.spendUsd!)],
  ["queue wait p50 / p95", `${presented.queueWaitSeconds.p50 ?? "-"} s / ${presented.queueWaitSeconds.p95 ?? "-"} s`],
  ["completion p50 / p95", `${presented.completionSeconds.p50 ?? "-"} s / ${presented.completionSeconds.p95 ?? "-"} s`],
  // No database here: a workload asking for OBSERVED latencies keeps its ranges.
  ["latency image / video / 3d", presented.latency.map((l) => `${l.source === "OBSERVED" ? "observed" : "range"} ${l.minSeconds}-${l.maxSeconds} s`).join(" / ")],
];
for (const [name, value] of rows) console.log(`${name.padEnd(44)} ${value}`);
console.log("");
console.log(`${"key".padEnd(16)} ${"day".padEnd(10)} ${"limit".padStart(12)} ${"spend".padStart(12)} ${"accepted".padStart(9)} ${"refused".padStart(8)}  budget ran out`);
for (const d of presented.keyDays) {
  console.log(`${d.key.slice(0, 16).padEnd(16)} ${d.day} ${usd(d.dailyLimitUsd).padStart(12)} ${usd(d.spendUsd).padStart(12)} ${int(d.accepted).padStart(9)} ${int(d.refusedBudget).padStart(8)}  ${d.exhaustedAt ?? "-"}`);
}
if (presented.replications > 1) {
  console.log("");
  console.log(`${"over replications".padEnd(20)} ${"p5".padStart(14)} ${"p50".padStart(14)} ${"p95".padStart(14)}`);
  for (const b of presented.bands) {
    if (!["accepted", "downgraded", "refusedBudget", "refusedConcurrency", "refusedWindow", "failed", "spendUsd"].includes(b.name)) continue;
    const f = b.name.endsWith("Usd") ? usd : int;
    console.log(`${b.name.padEnd(20)} ${f(b.p5).padStart(14)} ${f(b.p50).padStart(14)} ${f(b.p95).padStart(14)}`);
  }
}

const outDir = resolve(outArg ?? dirname(file));
mkdirSync(outDir, { recursive: true });
const stem = join(outDir, basename(file).replace(/\.json$/i, ""));
writeFileSync(`${stem}.series.csv`, seriesCsv(presented.series));
writeFileSync(`${stem}.svg`, seriesSvg(presented.series, `${basename(file)}: ${usd(t.spendUsd!)} over ${presented.horizonHours} h`));
writeFileSync(`${stem}.report.json`, `${JSON.stringify(presented, null, 2)}\n`);
console.log("");
console.log(`wrote ${stem}.series.csv, ${stem}.svg, ${stem}.report.json`);
