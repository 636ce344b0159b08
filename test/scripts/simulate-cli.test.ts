// `npm run simulate -- workload.json [--out=DIR]` (scripts/simulate.ts), run as the npm script runs
// it (tsx, in a child process): the summary it prints is the first replication of what
// src/simulation/run.ts's `simulate` answers for the same workload, and it writes the time series as
// CSV (one row per step) and as an SVG chart plotting them. A workload that is not one exits non-zero
// with the INVALID_PARAMS message naming the field.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine/engine.ts";
import { presentSimulation, type PresentedSimulation } from "../../src/simulation/present.ts";
import { simulate } from "../../src/simulation/run.ts";
import { parseWorkload } from "../../src/simulation/workload.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const LAUNCH_DAY = join(root, "examples/workloads/launch-day.json");
/** Defaults the example never reads (it names its start, every key's limit and the pool). */
const DEFAULTS = { startAt: Date.UTC(2026, 0, 1), dailyLimit: 1, poolSize: 1 };

/** Runs the CLI as `npm run simulate -- ...args` does: tsx on scripts/simulate.ts. */
function runCli(...args: string[]) {
  const run = spawnSync(join(root, "node_modules/.bin/tsx"), ["scripts/simulate.ts", ...args], { cwd: root, encoding: "utf8", timeout: 60_000 });
  if (run.error) throw run.error;
  return run;
}

/** The numbers of a printed figure: "20,891 (26,605)" → [20891, 26605]; "$0.99" → [0.99]. */
const numbers = (text: string): number[] => [...text.replaceAll("$", "").matchAll(/-?\d[\d,]*(?:\.\d+)?/g)].map((m) => Number(m[0].replaceAll(",", "")));
const cents = (usd: number) => Math.round(usd * 100) / 100;

/** Well-formed XML: one root, every element closed in order, attributes quoted, text without a bare < or &. */
function wellFormedXml(xml: string): string | undefined {
  const open: string[] = [];
  let roots = 0;
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/y;
  const text = /[^<]*/y;
  let at = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
  while (at < xml.length) {
    text.lastIndex = at;
    const between = text.exec(xml)![0];
    if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);)/i.test(between)) return `a bare & at ${at}`;
    if (open.length === 0 && between.trim() !== "") return `text outside the root at ${at}`;
    at += between.length;
    if (at >= xml.length) break;
    tag.lastIndex = at;
    const m = tag.exec(xml);
    if (!m) return `not a tag at ${at}: ${xml.slice(at, at + 40)}`;
    const [whole, closing, name, , selfClosing] = m;
    if (closing) {
      if (open.pop() !== name) return `</${name}> closes nothing open at ${at}`;
    } else {
      if (open.length === 0) roots++;
      if (!selfClosing) open.push(name!);
    }
    at += whole.length;
  }
  if (open.length > 0) return `unclosed: ${open.join(", ")}`;
  return roots === 1 ? undefined : `${roots} root elements`;
}

/** Each polyline's points as [x, y] pairs, in document order. */
const polylines = (svg: string): [number, number][][] =>
  [...svg.matchAll(/<polyline [^>]*points="([^"]*)"/g)].map((m) => m[1]!.split(" ").map((p) => p.split(",").map(Number) as [number, number]));

/** A panel's vertical scale (y grows down the page): where a value of 0 is drawn, and pixels per unit. */
interface Scale {
  readonly zeroAt: number;
  readonly pxPerUnit: number;
}

/** The scale a line was drawn at, read from its lowest and highest values. */
function scaleOf(line: readonly [number, number][], values: readonly number[]): Scale {
  const lo = values.indexOf(Math.min(...values));
  const hi = values.indexOf(Math.max(...values));
  const pxPerUnit = (line[lo]![1] - line[hi]![1]) / (values[hi]! - values[lo]!);
  return { zeroAt: line[lo]![1] + values[lo]! * pxPerUnit, pxPerUnit };
}

/** The first step a line does not plot its value at, at `scale`, within the 0.1 px the chart rounds to (undefined: none). */
function misplotted(line: readonly [number, number][], values: readonly number[], scale: Scale): string | undefined {
  if (!(scale.pxPerUnit > 0)) return `a scale of ${scale.pxPerUnit} px per unit`;
  const off = values.findIndex((v, i) => Math.abs(line[i]![1] - (scale.zeroAt - v * scale.pxPerUnit)) > 0.2);
  return off === -1 ? undefined : `step ${off}: y ${line[off]![1]} for ${values[off]}, expected ${scale.zeroAt - values[off]! * scale.pxPerUnit}`;
}

describe("npm run simulate (scripts/simulate.ts)", () => {
  let out: string;
  let run: ReturnType<typeof runCli>;
  let expected: PresentedSimulation;

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), "gateai-simulate-cli-"));
    run = runCli(LAUNCH_DAY, `--out=${out}`);
    const parsed = parseWorkload(JSON.parse(readFileSync(LAUNCH_DAY, "utf8")), DEFAULTS);
    if (!parsed.ok) throw new Error(`launch-day.json is no workload: ${parsed.error.message}`);
    const report = simulate(createEngine(), parsed.value);
    if (!report.ok) throw new Error(report.error.message);
    expected = presentSimulation(report.value);
  }, 120_000);
  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it("reads examples/workloads/launch-day.json as a valid workload of 48 hours over two keys", () => {
    const parsed = parseWorkload(JSON.parse(readFileSync(LAUNCH_DAY, "utf8")), DEFAULTS);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value).toMatchObject({ startAt: Date.UTC(2026, 11, 7), horizonMs: 48 * 3_600_000, replications: 20, seriesStep: "HOUR" });
    expect(parsed.value.keys.map((k) => k.id)).toEqual(["video-app", "image-app"]);
    expect(parsed.value.streams).toHaveLength(4);
  });

  it("prints the summary table with the first replication's totals that simulate() gives for the workload", () => {
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.split("\n");
    const figure = (name: string) => {
      const line = lines.find((l) => l.startsWith(`${name} `));
      if (!line) throw new Error(`no "${name}" row in:\n${run.stdout}`);
      return numbers(line.slice(name.length));
    };
    const t = expected.totals;
    expect(lines[0]).toContain(`48 h from 2026-12-07T00:00:00.000Z, ${expected.replications} replication(s)`);
    expect(figure("requests (calls incl. client retries)")).toEqual([t.requests, t.calls]);
    expect(figure("accepted")).toEqual([t.accepted]);
    expect(figure("  downgraded (saved)")).toEqual([t.downgraded, cents(t.savedUsd!)]);
    // "5 in flight / 5 per 30 s" in the row's name are numbers too: the figures follow them.
    expect(figure("refused: budget / 5 in flight / 5 per 30 s")).toEqual([t.refusedBudget, t.refusedConcurrency, t.refusedWindow]);
    expect(figure("finished / failed (timed out)")).toEqual([t.finished, t.failed, t.timedOut]);
    expect(figure("refunded")).toEqual([t.refunded, cents(t.refundedUsd!)]);
    expect(figure("spend")).toEqual([cents(t.spendUsd!)]);
    // The workload must exercise what the table shows: every kind of refusal, a budget run out.
    expect([t.accepted, t.refusedBudget, t.refusedConcurrency, t.refusedWindow].every((n) => n! > 0)).toBe(true);
  });

  it("prints one row per key and UTC day with its limit, spend, acceptances, budget refusals and when the budget ran out", () => {
    const rows = run.stdout
      .split("\n")
      .map((l) => /^(\S+)\s+(\d{4}-\d{2}-\d{2})\s+(.*?)\s+(\S+)$/.exec(l))
      .filter((m) => m !== null)
      .map(([, key, day, figures, ranOut]) => [key, day, ...numbers(figures!), ranOut === "-" ? null : ranOut]);
    expect(rows).toEqual(expected.keyDays.map((d) => [d.key, d.day, cents(d.dailyLimitUsd), cents(d.spendUsd), d.accepted, d.refusedBudget, d.exhaustedAt]));
    expect(rows.some((r) => r[6] !== null)).toBe(true);
  });

  it("prints p5, p50 and p95 over the replications as the report's bands", () => {
    const bands = new Map(expected.bands.map((b) => [b.name, b]));
    const printed = run.stdout.split("\n").slice(run.stdout.split("\n").findIndex((l) => l.startsWith("over replications")) + 1);
    for (const name of ["accepted", "refusedBudget", "refusedConcurrency", "refusedWindow", "spendUsd"]) {
      const line = printed.find((l) => l.startsWith(`${name} `));
      const b = bands.get(name)!;
      const f = name.endsWith("Usd") ? cents : (n: number) => n;
      expect(line && numbers(line.slice(name.length)), name).toEqual([f(b.p5), f(b.p50), f(b.p95)]);
    }
  });

  it("writes the time series as CSV into --out: a header, then one row per step of the series", () => {
    const csv = readFileSync(join(out, "launch-day.series.csv"), "utf8");
    expect(run.stdout).toContain(join(out, "launch-day.series.csv"));
    const [header, ...rows] = csv.split("\r\n");
    expect(header).toBe("at,spend_usd,accepted,refused,in_flight,queue_depth");
    expect(rows.pop()).toBe("");
    const points = expected.series.points;
    // An hour a step (the workload's seriesStep) from its start until its last event, in the hour its last stream ends (41).
    expect(points.map((p) => p.at)).toEqual(Array.from({ length: 41 }, (_, i) => new Date(Date.UTC(2026, 11, 7, i)).toISOString()));
    expect(rows.map((r) => r.split(","))).toEqual(points.map((p) => [p.at, String(p.spendUsd), String(p.accepted), String(p.refused), String(p.inFlight), String(p.queueDepth)]));
  });

  it("writes a well-formed SVG chart plotting the cumulative spend and the accepted, refused and in-flight series, a point per step", () => {
    const svg = readFileSync(join(out, "launch-day.svg"), "utf8");
    expect(wellFormedXml(svg)).toBeUndefined();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" /);
    const points = expected.series.points;
    const lines = polylines(svg);
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      expect(line).toHaveLength(points.length);
      expect(line.every(([x], i) => i === 0 || x > line[i - 1]![0])).toBe(true);
    }
    let running = 0;
    const cumulative = points.map((p) => (running += p.spendUsd));
    const [spend, ...counts] = lines;
    expect(misplotted(spend!, cumulative, scaleOf(spend!, cumulative)), "cumulative spend").toBeUndefined();
    // Accepted, refused and in flight share their panel's scale: read it from the tallest (in flight is a few pixels high).
    const series = [points.map((p) => p.accepted), points.map((p) => p.refused), points.map((p) => p.inFlight)];
    const tallest = series.reduce((t, values, i) => (Math.max(...values) > Math.max(...series[t]!) ? i : t), 0);
    const scale = scaleOf(counts[tallest]!, series[tallest]!);
    ["accepted", "refused", "in flight"].forEach((name, i) => {
      expect(Math.max(...series[i]!), `${name} must vary`).toBeGreaterThan(0);
      expect(misplotted(counts[i]!, series[i]!, scale), name).toBeUndefined();
    });
  });

  it("exits non-zero on a workload that is not one, printing INVALID_PARAMS and naming the field, and writes nothing", () => {
    const bad = join(out, "bad.json");
    const workload = JSON.parse(readFileSync(LAUNCH_DAY, "utf8"));
    writeFileSync(bad, JSON.stringify({ ...workload, horizonHours: 200 }));
    const failed = runCli(bad, `--out=${out}`);
    expect(failed.signal).toBeNull();
    expect(failed.status).not.toBe(0);
    expect(failed.stderr).toMatch(/^INVALID_PARAMS: .*horizonHours: must be a number from .* to 168/m);
    expect(failed.stdout).toBe("");
    expect(() => readFileSync(join(out, "bad.series.csv"))).toThrow();
  });
});
