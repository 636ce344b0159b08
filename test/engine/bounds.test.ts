/**
 * The engine's side of the input bounds (src/kernel/bounds.ts) and the price floor: nothing an
 * engine answers grows with a hostile input, and no accepted generation is free.
 */
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine/engine.ts";
import { MIN_PRICE_MICROS } from "../../src/engine/price.ts";
import { priceAcross } from "../../src/engine/whatif.ts";
import { BOUNDS } from "../../src/kernel/bounds.ts";

const engine = createEngine();

describe("price floor: every generation costs at least one micro-dollar", () => {
  it("lucid-origin at 16×16 ($0.002 per 1024×1024 → $0.0000005) costs 1 micro-dollar, not $0", () => {
    const quote = engine.quote({ model: "lucid-origin", params: { prompt: "x", width: 16, height: 16 } }, 1_000_000);
    if (!quote.ok) throw new Error(JSON.stringify(quote.error));
    expect(quote.value.cost).toBe(MIN_PRICE_MICROS);
  });

  it("a spent budget refuses even the cheapest request (INSUFFICIENT_BUDGET), instead of downgrading it to $0", () => {
    const quote = engine.quote({ model: "lucid-origin", params: { prompt: "x" } }, 0);
    expect(quote.ok).toBe(false);
    if (quote.ok) return;
    expect(quote.error).toMatchObject({ code: "INSUFFICIENT_BUDGET", cheapestCost: MIN_PRICE_MICROS, remaining: 0 });
  });

  it("no model has a price of 0 at any quote", () => {
    for (const model of engine.models) {
      const quote = engine.quote(model.example, 10 ** 12);
      if (quote.ok) expect(quote.value.cost, model.id).toBeGreaterThanOrEqual(MIN_PRICE_MICROS);
    }
  });
});

describe("model ids: no fuzzy matching over a huge id, and its echo is cut", () => {
  it("a 3 MB id is not found at once, with no suggestions, echoed as 100 characters", () => {
    const started = performance.now();
    const found = engine.findModel("x".repeat(3_000_000));
    expect(performance.now() - started).toBeLessThan(50);
    expect(found.ok).toBe(false);
    if (found.ok) return;
    expect(found.error).toMatchObject({ code: "MODEL_NOT_FOUND", suggestions: [] });
    expect(found.error.message.length).toBeLessThan(200);
    expect(found.error.code === "MODEL_NOT_FOUND" && found.error.model).toBe(`${"x".repeat(100)}…`);
  });

  it("an id of up to 100 characters still gets its suggestions", () => {
    const found = engine.findModel("seedance");
    expect(!found.ok && found.error.code === "MODEL_NOT_FOUND" && found.error.suggestions).toEqual(["seedance-2.0"]);
  });
});

describe("priceAcross: bounded before anything is priced", () => {
  const request = { model: "seedance-2.0", params: { prompt: "x" } };
  const issue = (result: ReturnType<typeof priceAcross>) => (result.ok ? undefined : result.error.code === "INVALID_PARAMS" ? result.error.issues[0] : result.error);

  it("at most 50 values and 50 byValues: 50 × 50 = 2,500 cells are priced, 51 of either is INVALID_PARAMS", () => {
    const durations = Array.from({ length: BOUNDS.priceAcrossValues }, (_, i) => 4 + (i % 12));
    const modes = Array.from({ length: BOUNDS.priceAcrossByValues }, (_, i) => (i % 2 ? "RESOLUTION_720" : "RESOLUTION_1080"));
    const full = priceAcross(engine, request, "duration", { by: "mode", values: durations, byValues: modes });
    expect(full.ok && full.value.reduce((n, s) => n + s.points.length, 0)).toBe(2500);
    expect(issue(priceAcross(engine, request, "duration", { values: [...durations, 4] }))).toMatchObject({ field: "values", reason: "has 51 values; at most 50" });
    expect(issue(priceAcross(engine, request, "duration", { by: "mode", byValues: [...modes, "RESOLUTION_720"] }))).toMatchObject({ field: "byValues" });
  });

  it("700 × 700 values are refused at once (they took 5.2 s and answered 6.1 MB)", () => {
    const values = Array.from({ length: 700 }, (_, i) => i);
    const started = performance.now();
    expect(issue(priceAcross(engine, request, "duration", { by: "mode", values, byValues: values }))).toMatchObject({ field: "values" });
    expect(performance.now() - started).toBeLessThan(50);
  });

  it("each value is a short scalar; parameter names are bounded and echoed cut", () => {
    expect(issue(priceAcross(engine, request, "duration", { values: [{ deep: [1, 2, 3] } as never] }))).toMatchObject({ field: "values[0]" });
    expect(issue(priceAcross(engine, request, "prompt", { values: ["y".repeat(101)] }))).toMatchObject({ field: "values[0]" });
    expect(issue(priceAcross(engine, request, "prompt", { values: ["a\u0000"] }))).toMatchObject({ field: "values[0]" });
    expect(issue(priceAcross(engine, request, "d".repeat(101)))).toMatchObject({ field: "across" });
    expect(issue(priceAcross(engine, request, "duration", { by: "m".repeat(1_000_000) }))).toMatchObject({ field: "by" });
    const unknown = issue(priceAcross(engine, request, "z".repeat(100)));
    expect(unknown && "reason" in unknown && unknown.reason.length).toBeLessThan(250);
  });

  it("cells × the request's params stay under 4 MiB: a large inline value cannot be repeated 2,500 times", () => {
    const big = { model: "seedance-2.0", params: { prompt: "x", negative_prompt: "n".repeat(900), seed: 1, extra: "e".repeat(100_000) } };
    const values = Array.from({ length: 50 }, (_, i) => 4 + (i % 12));
    expect(issue(priceAcross(engine, big, "duration", { values }))).toMatchObject({ field: "params" });
    // Two cells are within the bound: what is wrong with the request itself (an unknown `extra`,
    // a negative prompt over its length) is then refused once, for the table.
    const small = priceAcross(engine, big, "duration", { values: [4, 8] });
    expect(!small.ok && small.error.code === "INVALID_PARAMS" && small.error.issues.map((i) => i.field).sort()).toEqual(["extra", "negative_prompt"]);
  });
});
