// A workload over a bound is refused before any work, as INVALID_PARAMS naming the field and the bound.
import { describe, expect, it } from "vitest";
import { SIMULATION_BOUNDS } from "../../src/simulation/bounds.ts";
import { expectedRequests, parseWorkload } from "../../src/simulation/workload.ts";

const DEFAULTS = { startAt: Date.UTC(2026, 11, 7), dailyLimit: 10_000_000, poolSize: 12 };
const IMAGE = { model: "gpt-image-2", params: { prompt: "a fox" } };
const base = { keys: [{ id: "app" }], streams: [{ key: "app", request: IMAGE, arrival: { kind: "FIXED", perHour: 60 } }] };

function issues(workload: unknown) {
  const parsed = parseWorkload(workload, DEFAULTS);
  if (parsed.ok) throw new Error("expected INVALID_PARAMS");
  if (parsed.error.code !== "INVALID_PARAMS") throw new Error(parsed.error.code);
  return parsed.error.issues;
}

describe("parseWorkload", () => {
  it("fills in the caller's defaults: today's start, the caller's daily limit, the gateway's pool, a day's horizon", () => {
    const parsed = parseWorkload(base, DEFAULTS);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value).toMatchObject({ startAt: DEFAULTS.startAt, horizonMs: 86_400_000, replications: 1, seriesStep: "MINUTE", keys: [{ id: "app", dailyLimit: DEFAULTS.dailyLimit }], provider: { poolSize: 12, maxAttempts: 3 } });
    expect(parsed.value.streams[0]).toMatchObject({ fromMs: 0, untilMs: 86_400_000, onRefusal: "DROP", maxRetries: 3 });
  });

  it.each([
    ["horizonHours", { ...base, horizonHours: SIMULATION_BOUNDS.horizonHours + 1 }, /168/],
    ["replications", { ...base, replications: SIMULATION_BOUNDS.replications + 1 }, /100/],
    ["streams", { ...base, streams: [{ ...base.streams[0], arrival: { kind: "FIXED", perHour: 3_000_000 } }] }, /at most 1000000/],
    ["replications", { ...base, replications: 10, streams: [{ ...base.streams[0], arrival: { kind: "FIXED", perHour: 30_000 } }] }, /at most 5000000/],
    ["keys", { ...base, keys: Array.from({ length: SIMULATION_BOUNDS.keys + 1 }, (_, i) => ({ id: `k${i}` })) }, /at most 100/],
    ["streams[0].arrival.atSeconds", { ...base, streams: [{ ...base.streams[0], arrival: { kind: "LIST", atSeconds: new Array(SIMULATION_BOUNDS.listTimes + 1).fill(1) } }] }, /at most 10000/],
    ["streams[0].maxRetries", { ...base, streams: [{ ...base.streams[0], maxRetries: 11 }] }, /0 to 10/],
    ["provider.poolSize", { ...base, provider: { poolSize: 1001 } }, /1 to 1000/],
    ["timeScale", { ...base, timeScale: 0.5 }, /1 to 1000000/],
  ])("refuses %s over its bound, naming it", (field, workload, bound) => {
    const found = issues(workload).find((i) => i.field === field);
    expect(found, JSON.stringify(issues(workload))).toBeDefined();
    expect(found!.reason).toMatch(bound);
  });

  it("names every wrong field at once: an unknown key, an arrival kind, a latency range, a start", () => {
    const found = issues({
      start: "yesterday",
      keys: [{ id: "app", dailyLimitUsd: -1 }],
      streams: [{ key: "nobody", request: IMAGE, arrival: { kind: "SOMETIMES" } }],
      provider: { latencySeconds: { image: { min: 5, max: 1 }, hologram: { min: 1 } } },
    }).map((i) => i.field);
    expect(found).toEqual(expect.arrayContaining(["start", "keys[0].dailyLimitUsd", "streams[0].key", "streams[0].arrival.kind", "provider.latencySeconds.image.max", "provider.latencySeconds.hologram"]));
  });

  it("takes latencies from ranges unless the provider asks for OBSERVED, refuses another source, and refuses observations in the input (the gateway's own are used)", () => {
    const parse = (provider: unknown) => {
      const parsed = parseWorkload({ ...base, provider }, DEFAULTS);
      if (!parsed.ok) throw new Error(parsed.error.message);
      return parsed.value.provider;
    };
    expect(parse(undefined).latencyFrom).toBe("RANGE");
    const observed = parse({ latencyFrom: "OBSERVED" });
    expect(observed.latencyFrom).toBe("OBSERVED");
    expect(observed.observed).toBeUndefined();
    expect(issues({ ...base, provider: { latencyFrom: "OBSERVED", observed: { image: { tasks: 100, seconds: [1, 2] } } } })).toEqual([
      { field: "provider.observed", reason: "is not a field here; the fields are latencySeconds, poolSize, failureRate, stallRate, latencyFrom, maxAttempts" },
    ]);
    expect(issues({ ...base, provider: { latencyFrom: "observed" } })).toEqual([{ field: "provider.latencyFrom", reason: "must be one of RANGE, OBSERVED" }]);
  });

  it("refuses a field it does not read, at every level, naming the one meant, instead of falling back to its default", () => {
    const typos = {
      ...base,
      horizonHour: 2,
      keys: [{ id: "a", dailyLimitUSD: 5 }],
      streams: [{ key: "a", request: { model: "gpt-image-2", params: { prompt: "x" } }, arrival: { kind: "FIXED", perHour: 100, perMinute: 3 }, onrefusal: "RETRY" }],
      provider: { failurerate: 0.5, latencySeconds: { image: { min: 1, maximum: 2 } } },
    };
    const found = issues(typos);
    expect(found).toHaveLength(6);
    expect(found).toEqual(
      expect.arrayContaining([
        { field: "horizonHour", reason: expect.stringMatching(/^is not a field here \(did you mean "horizonHours"\?\); the fields are seed, start, /) },
        { field: "keys[0].dailyLimitUSD", reason: 'is not a field here (did you mean "dailyLimitUsd"?); the fields are id, dailyLimitUsd' },
        { field: "streams[0].onrefusal", reason: expect.stringMatching(/^is not a field here \(did you mean "onRefusal"\?\)/) },
        { field: "streams[0].arrival.perMinute", reason: expect.stringMatching(/^is not a field here \(did you mean "perHour"\?\)/) },
        { field: "provider.failurerate", reason: expect.stringMatching(/^is not a field here \(did you mean "failureRate"\?\)/) },
        { field: "provider.latencySeconds.image.maximum", reason: expect.stringMatching(/^is not a field here/) },
      ]),
    );
    // A field of another arrival kind is left (a form that switched kinds keeps it).
    expect(parseWorkload({ ...base, streams: [{ ...base.streams[0], arrival: { kind: "BURST", atHour: 0, count: 3, perHour: 300 } }] }, DEFAULTS).ok).toBe(true);
    // A null says nothing: a typed client's unset field is no typo.
    expect(parseWorkload({ ...base, horizonHours: null, provider: { poolSize: null, latency: null } }, DEFAULTS).ok).toBe(true);
    expect(issues({ ...base, provider: { latencySeconds: { toString: { min: 1 }, ["__proto__"]: { min: 1 } } } }).map((i) => i.field)).toEqual(["provider.latencySeconds.toString", "provider.latencySeconds.__proto__"]);
  });

  it("takes a start only as an instant with its zone, within years its report can be written in", () => {
    const startOf = (start: string) => {
      const parsed = parseWorkload({ ...base, start }, DEFAULTS);
      return parsed.ok ? parsed.value.startAt : parsed.error.code;
    };
    expect(startOf("2026-12-07T09:00:00Z")).toBe(Date.UTC(2026, 11, 7, 9));
    expect(startOf("2026-12-07T09:00:00+02:00")).toBe(Date.UTC(2026, 11, 7, 7));
    // Without a zone, a time would be read in the server's; past the year 2199, the report's dates could not be written.
    for (const bad of ["2026-12-07T09:00:00", "2026-12-07", "+275760-09-12T00:00:00.000Z", "1969-12-31T00:00:00Z"]) expect(issues({ ...base, start: bad }).map((i) => i.field), bad).toEqual(["start"]);
  });

  it("reads a stream's fromHour and untilHour as its window in ms from the start, and refuses an end before its start or past the horizon", () => {
    const stream = (hours: Record<string, unknown>) => ({ ...base, horizonHours: 6, streams: [{ ...base.streams[0], arrival: { kind: "FIXED", perHour: 4 }, ...hours }] });
    const parsed = parseWorkload(stream({ fromHour: 1.5, untilHour: 4 }), DEFAULTS);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.streams[0]).toMatchObject({ fromMs: 1.5 * 3_600_000, untilMs: 4 * 3_600_000 });
    expect(expectedRequests(parsed.value.streams[0]!)).toBe(10);
    expect(issues(stream({ fromHour: 2, untilHour: 1 }))).toEqual([{ field: "streams[0].untilHour", reason: "is before fromHour" }]);
    expect(issues(stream({ untilHour: 7 }))).toEqual([{ field: "streams[0].untilHour", reason: "must be a number from 0 to 6" }]);
    expect(issues(stream({ fromHour: -1 }))).toEqual([{ field: "streams[0].fromHour", reason: "must be a number from 0 to 6" }]);
  });

  it("refuses a burst outside its stream's hours (it would be cut without a word)", () => {
    const burst = (stream: Record<string, unknown>) => ({ ...base, horizonHours: 2, streams: [Object.assign({ key: "app", request: IMAGE }, stream)] });
    expect(parseWorkload(burst({ fromHour: 1, arrival: { kind: "BURST", atHour: 1, count: 10, overSeconds: 60 } }), DEFAULTS).ok).toBe(true);
    expect(issues(burst({ fromHour: 1, arrival: { kind: "BURST", atHour: 0, count: 10 } })).map((i) => i.field)).toEqual(["streams[0].arrival"]);
    expect(issues(burst({ arrival: { kind: "BURST", atHour: 2, count: 10, overSeconds: 60 } })).map((i) => i.field)).toEqual(["streams[0].arrival"]);
    // At the very end of its hours (the horizon, here), a burst of one instant would send nothing.
    expect(issues(burst({ arrival: { kind: "BURST", atHour: 2, count: 10 } })).map((i) => i.field)).toEqual(["streams[0].arrival"]);
  });

  it("refuses what is not a workload", () => {
    expect(issues(null)).toEqual([{ field: "workload", reason: "must be an object" }]);
    expect(issues({}).map((i) => i.field)).toEqual(["keys", "streams"]);
  });
});
