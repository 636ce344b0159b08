// The report as people read it: dollars and ISO instants; the series as CSV rows and as an SVG chart.
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine/engine.ts";
import { presentSimulation } from "../../src/simulation/present.ts";
import { simulate } from "../../src/simulation/run.ts";
import { seriesCsv } from "../../src/simulation/series-csv.ts";
import { seriesSvg } from "../../src/simulation/series-svg.ts";
import { parseWorkload } from "../../src/simulation/workload.ts";

const START = Date.UTC(2026, 11, 7);
const parsed = parseWorkload(
  {
    horizonHours: 3,
    seriesStep: "HOUR",
    keys: [{ id: "app", dailyLimitUsd: 1 }],
    streams: [{ key: "app", request: { model: "gpt-image-2", params: { prompt: "a fox" } }, arrival: { kind: "FIXED", perHour: 100 } }],
  },
  { startAt: START, dailyLimit: 1_000_000, poolSize: 12 },
);
if (!parsed.ok) throw new Error(parsed.error.message);
const report = simulate(createEngine(), parsed.value);
if (!report.ok) throw new Error(report.error.message);
const presented = presentSimulation(report.value);

describe("presented simulation", () => {
  it("states money in dollars and instants in ISO 8601, from the same figures", () => {
    const first = report.value.first;
    expect(presented.totals.spendUsd).toBe(first.totals.spendMicros / 1e6);
    expect(presented.totals).not.toHaveProperty("spendMicros");
    expect(presented.start).toBe("2026-12-07T00:00:00.000Z");
    expect(presented.keyDays[0]).toMatchObject({ key: "app", day: "2026-12-07", dailyLimitUsd: 1, spendUsd: first.keyDays[0]!.spendMicros / 1e6 });
    expect(presented.series.points.map((p) => p.at)).toEqual(first.series.at.map((at) => new Date(at).toISOString()));
  });

  it("makes the series, percentiles, bands, models and latency when first read, once, and JSON has them all", () => {
    const reads: Record<string, number> = {};
    const counted = <T extends object>(target: T, parts: readonly (keyof T & string)[]): T => {
      const copy = Object.create(target) as T;
      for (const part of parts) {
        Object.defineProperty(copy, part, { enumerable: true, get: () => ((reads[part] = (reads[part] ?? 0) + 1), target[part]) });
      }
      return copy;
    };
    const source = counted(Object.assign({}, report.value, { first: counted(report.value.first, ["series", "queueWait", "completion", "models"]) }), ["bands", "latency"]);
    const lazy = presentSimulation(source);
    expect(lazy.totals).toEqual(presented.totals);
    expect(reads).toEqual({});
    expect([lazy.series, lazy.series]).toEqual([presented.series, presented.series]);
    expect(reads).toEqual({ series: 1 });
    expect(JSON.parse(JSON.stringify(lazy))).toEqual(JSON.parse(JSON.stringify(presented)));
    expect(reads).toEqual({ series: 1, queueWait: 1, completion: 1, models: 1, bands: 1, latency: 1 });
  });

  it("writes one CSV row per step after a header, CRLF-terminated", () => {
    const csv = seriesCsv(presented.series);
    const rows = csv.split("\r\n");
    expect(rows[0]).toBe("at,spend_usd,accepted,refused,in_flight,queue_depth");
    expect(rows).toHaveLength(presented.series.points.length + 2);
    expect(rows.at(-1)).toBe("");
    const first = presented.series.points[0]!;
    expect(rows[1]).toBe(`${first.at},${first.spendUsd},${first.accepted},${first.refused},${first.inFlight},${first.queueDepth}`);
  });

  it("draws an SVG with the spend line and three count lines, its title escaped", () => {
    const svg = seriesSvg(presented.series, `<b>"A & B"</b>`);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<polyline /g)).toHaveLength(4);
    expect(svg).toContain("&lt;b&gt;&quot;A &amp; B&quot;&lt;/b&gt;");
    expect(svg).not.toContain("<b>");
    const points = svg.match(/points="([^"]*)"/)![1]!.split(" ");
    expect(points).toHaveLength(presented.series.points.length);
  });
});
