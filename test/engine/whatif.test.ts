/**
 * The what-if questions: one request priced across a parameter, several requests planned against
 * a budget, and the cheapest models for a need.
 */
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine/engine.ts";
import { usdToMicros } from "../../src/kernel/money.ts";
import type { Params } from "../../src/engine/normalize.ts";
import { cheapestModels, planBudget, priceAcross, type ModelOption, type Need } from "../../src/engine/whatif.ts";
import { modelById, violations, type Model } from "./oracle.ts";

const engine = createEngine();

describe("priceAcross", () => {
  const series = priceAcross(engine, { model: "seedance-2.0", params: { prompt: "A lighthouse in a storm" } }, "duration", { by: "mode" });

  it("prices every duration of seedance-2.0 at both modes", () => {
    if (!series.ok) throw new Error(JSON.stringify(series.error));
    expect(series.value.map((s) => s.by)).toEqual(["RESOLUTION_720", "RESOLUTION_1080"]);
    for (const s of series.value) {
      expect(s.points.map((p) => p.value)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
      for (const p of s.points) {
        if (!p.result.ok) throw new Error(JSON.stringify(p.result.error));
        expect(p.result.value.params).toMatchObject({ mode: s.by, duration: p.value });
        expect(p.result.value.adjustments).toEqual([]);
      }
    }
  });

  it("costs rise with duration within each mode", () => {
    if (!series.ok) throw new Error(JSON.stringify(series.error));
    for (const s of series.value) {
      const costs = s.points.map((p) => (p.result.ok ? p.result.value.cost : NaN));
      for (let i = 1; i < costs.length; i++) expect(costs[i], `${String(s.by)} ${String(s.points[i]!.value)} s`).toBeGreaterThan(costs[i - 1]!);
    }
  });

  it("prints the spec's points: 720p 4 s ~$0.49, 720p 15 s ~$1.85, 1080p 12 s ~$3.33, 1080p 15 s $11.25", () => {
    if (!series.ok) throw new Error(JSON.stringify(series.error));
    const cost = (mode: string, seconds: number) => {
      const point = series.value.find((s) => s.by === mode)!.points.find((p) => p.value === seconds)!;
      return point.result.ok ? point.result.value.cost : NaN;
    };
    expect(Math.round(cost("RESOLUTION_720", 4) / 10_000)).toBe(49);
    expect(Math.round(cost("RESOLUTION_720", 15) / 10_000)).toBe(185);
    expect(Math.round(cost("RESOLUTION_1080", 12) / 10_000)).toBe(333);
    expect(cost("RESOLUTION_1080", 15)).toBe(usdToMicros(11.25));
  });

  it("accepts explicit values and reports each point's own normalization (a 13 s Sora 2 snaps to 12 s)", () => {
    const result = priceAcross(engine, { model: "sora-2", params: { prompt: "x" } }, "duration", { values: [4, 13] });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const [four, thirteen] = result.value[0]!.points;
    expect(four!.result.ok && four!.result.value.cost).toBe(usdToMicros(0.04));
    if (!thirteen!.result.ok) throw new Error("13 s should snap");
    expect(thirteen!.result.value.params.duration).toBe(12);
    expect(thirteen!.result.value.adjustments).toEqual([{ param: "duration", from: 13, to: 12, reason: "NEAREST_ALLOWED_VALUE" }]);
  });

  it("prices a boolean parameter at both its values, true then false, when given none", () => {
    const result = priceAcross(engine, { model: "seedance-2.0", params: { prompt: "x" } }, "generate_audio");
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value).toHaveLength(1);
    const points = result.value[0]!.points;
    expect(points.map((p) => p.value)).toEqual([true, false]);
    for (const p of points) {
      if (!p.result.ok) throw new Error(JSON.stringify(p.result.error));
      expect(p.result.value.params.generate_audio).toBe(p.value);
    }
  });

  it("answers MODEL_NOT_FOUND and INVALID_PARAMS for an unknown model or parameter", () => {
    const unknownModel = priceAcross(engine, { model: "seedance", params: {} }, "duration");
    expect(!unknownModel.ok && unknownModel.error.code).toBe("MODEL_NOT_FOUND");
    const unknownParam = priceAcross(engine, { model: "seedance-2.0", params: { prompt: "x" } }, "colour");
    expect(!unknownParam.ok && unknownParam.error.code).toBe("INVALID_PARAMS");
  });

  it("refuses once, for the table, what is wrong with the request whatever the values: 99 unknown params are 99 issues, not 99 in every cell", () => {
    const params: Record<string, unknown> = Object.fromEntries(Array.from({ length: 99 }, (_, i) => [`q${i}`, 0]));
    params.prompt = "x";
    const table = priceAcross(engine, { model: "seedance-2.0", params }, "duration", { by: "mode" });
    expect(table.ok).toBe(false);
    if (table.ok || table.error.code !== "INVALID_PARAMS") throw new Error("expected INVALID_PARAMS");
    expect(table.error.issues.map((i) => i.field)).toEqual(Array.from({ length: 99 }, (_, i) => `q${i}`));
  });

  it("refuses a by that is the across parameter, and a name the model does not have even with values given", () => {
    const same = priceAcross(engine, { model: "sora-2", params: { prompt: "x" } }, "duration", { by: "duration" });
    expect(!same.ok && same.error.code === "INVALID_PARAMS" && same.error.issues).toEqual([{ field: "by", reason: expect.stringContaining("is the across parameter") }]);
    for (const [across, by] of [["__proto__", undefined], ["colour", undefined], ["duration", "constructor"]] as const) {
      const table = priceAcross(engine, { model: "sora-2", params: { prompt: "x" } }, across, Object.assign({ values: [1, 2] }, by ? { by, byValues: [1] } : {}));
      expect(!table.ok && table.error.code === "INVALID_PARAMS" && table.error.issues, `${across} ${by}`).toEqual([{ field: by ?? across, reason: `sora-2 has no parameter ${by ?? across}` }]);
    }
  });

  it("still names, in its cell, a value of the priced parameter that is wrong", () => {
    const table = priceAcross(engine, { model: "seedance-2.0", params: { prompt: "x" } }, "duration", { values: [8, "long"] });
    if (!table.ok) throw new Error(table.error.message);
    const [fine, wrong] = table.value[0]!.points;
    expect(fine!.result.ok).toBe(true);
    expect(!wrong!.result.ok && wrong!.result.error.code).toBe("INVALID_PARAMS");
  });
});

describe("planBudget", () => {
  const requests = [
    { model: "seedance-2.0", params: { prompt: "one", mode: "RESOLUTION_1080", duration: 15 } },
    { model: "seedance-2.0", params: { prompt: "two", mode: "RESOLUTION_1080", duration: 12 } },
    { model: "seedance-2.0", params: { prompt: "three", mode: "RESOLUTION_1080", duration: 12 } },
  ];
  const budget = usdToMicros(13);
  const plan = planBudget(engine, requests, budget);

  it("runs the requests in order: each step's cost is at most what was left, and the remainder falls by exactly that cost", () => {
    expect(plan.steps.map((s) => s.index)).toEqual([0, 1, 2]);
    let left = budget;
    let total = 0;
    for (const step of plan.steps) {
      if (step.result.ok) {
        expect(step.result.value.cost).toBeLessThanOrEqual(left);
        left -= step.result.value.cost;
        total += step.result.value.cost;
      }
      expect(step.remainingAfter).toBe(left);
    }
    expect(plan.remaining).toBe(left);
    expect(plan.totalCost).toBe(total);
    expect(plan.totalCost + plan.remaining).toBe(budget);
  });

  it("runs the first request as asked ($11.25), downgrades the second to what is left, and refuses the third", () => {
    const [first, second, third] = plan.steps;
    if (!first!.result.ok || !second!.result.ok) throw new Error("the first two steps should run");
    expect(first!.result.value.cost).toBe(usdToMicros(11.25));
    expect(first!.result.value.adjustments).toEqual([]);
    // $1.75 left: 1080p 6 s ($1.66) is the dearest candidate that fits (720p 12 s is $1.48).
    expect(second!.result.value.requestedCost).toBe(3_329_100);
    expect(second!.result.value.cost).toBe(1_664_550);
    expect(second!.result.value.adjustments).toEqual([{ param: "duration", from: 12, to: 6, reason: "BUDGET_DOWNGRADE" }]);
    expect(third!.result.ok).toBe(false);
    if (third!.result.ok) return;
    expect(third!.result.error).toMatchObject({ code: "INSUFFICIENT_BUDGET", cheapestCost: 493_200, remaining: budget - 11_250_000 - 1_664_550 });
  });

  it("normalizes a request listed in many steps once, and still fits each step to what is left", () => {
    let normalized = 0;
    const counting = Object.assign({}, engine, { normalize: (r: Parameters<typeof engine.normalize>[0]) => (normalized++, engine.normalize(r)) });
    const request = { model: "sora-2", params: { prompt: "x", duration: 12 } };
    const plan = planBudget(counting, Array.from({ length: 200 }, () => request), usdToMicros(1));
    expect(normalized).toBe(1);
    // $0.12 each: eight fit in $1, the ninth is downgraded to 4 s ($0.04), the rest fit nothing.
    expect(plan.steps.map((s) => (s.result.ok ? s.result.value.cost : 0)).slice(0, 10)).toEqual([...Array(8).fill(usdToMicros(0.12)), usdToMicros(0.04), 0]);
    expect(plan.steps.filter((s) => s.result.ok).length).toBe(9);
    expect(plan.remaining).toBe(0);
  });

  it("leaves the budget untouched by a step that fails validation", () => {
    const result = planBudget(engine, [{ model: "nope", params: {} }, { model: "sora-2", params: { prompt: "x" } }], usdToMicros(1));
    expect(result.steps[0]!.result.ok).toBe(false);
    expect(result.steps[0]!.remainingAfter).toBe(usdToMicros(1));
    expect(result.steps[1]!.remainingAfter).toBe(usdToMicros(1) - usdToMicros(0.04));
  });
});

describe("cheapestModels", () => {
  const need: Need = { output: "video", aspectRatio: "16:9", minShortSide: 720, minDuration: 8 };
  const answer = cheapestModels(engine, need);
  const options: readonly ModelOption[] = answer.ok ? answer.value : [];

  const satisfies = (model: Model, params: Params, n: Need) => {
    const problems: string[] = [];
    const w = params.width;
    const h = params.height;
    if (typeof w !== "number" || typeof h !== "number" || w <= 0 || h <= 0) problems.push("no size");
    else {
      if (n.aspectRatio && Math.abs(w / h / (16 / 9) - 1) > 0.02) problems.push(`${w}×${h} is not 16:9`);
      if (n.minShortSide && Math.min(w, h) < n.minShortSide) problems.push(`${w}×${h} is under ${n.minShortSide}p`);
    }
    if (model.tier && n.minShortSide) {
      const lines = Number(/(\d+)p?$/.exec(String(params[model.tier.name]))![1]);
      if (lines < n.minShortSide) problems.push(`${model.tier.name} ${String(params[model.tier.name])} is under ${n.minShortSide}p`);
    }
    if (n.minDuration && (!model.duration || (params[model.duration.name] as number) < n.minDuration)) problems.push("too short");
    return problems;
  };

  it("finds video models for 16:9, at least 720p, at least 8 s, sorted by cost", () => {
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    expect(options.length).toBeGreaterThan(10);
    for (let i = 1; i < options.length; i++) expect(options[i]!.cost).toBeGreaterThanOrEqual(options[i - 1]!.cost);
    expect(new Set(options.map((o) => o.model)).size).toBe(options.length);
  });

  it("gives each option params that satisfy the need, that the model accepts unchanged, at the cost quoted", () => {
    for (const option of options) {
      const model = modelById.get(option.model)!;
      expect(model.spec.output, option.model).toBe("video");
      expect(satisfies(model, option.params, need), option.model).toEqual([]);
      expect(violations(model, option.params), option.model).toEqual([]);
      const again = engine.normalize({ model: option.model, params: option.params });
      if (!again.ok) throw new Error(`${option.model}: ${JSON.stringify(again.error)}`);
      expect(again.value.adjustments, option.model).toEqual([]);
      expect(engine.price(engine.profile(option.model)!, option.params), option.model).toBe(option.cost);
      expect(option.needsStartFrame, option.model).toBe(model.param("start_frame")?.required === true);
    }
  });

  it("prices each model at its cheapest sufficient resolution tier and duration", () => {
    for (const option of options) {
      const model = modelById.get(option.model)!;
      const profile = engine.profile(option.model)!;
      const tiers = model.tier ? model.tier.values : [undefined];
      const durations = model.duration!.values.filter((d) => d >= need.minDuration!);
      const sizes = model.sizes.kind === "tiered" ? undefined : [{ width: option.params.width, height: option.params.height }];
      for (const tier of tiers) {
        const pairs = sizes ?? (model.sizes.kind === "tiered" ? model.sizes.byTier.get(tier!)!.map((r) => ({ width: r.width, height: r.height })) : []);
        for (const size of pairs) {
          for (const duration of durations) {
            const params: Record<string, unknown> = { ...option.params, ...size, [model.duration!.name]: duration };
            if (tier !== undefined) params[model.tier!.name] = tier;
            if (satisfies(model, params, need).length || violations(model, params).length) continue;
            expect(engine.price(profile, params), `${option.model} ${JSON.stringify(params)}`).toBeGreaterThanOrEqual(option.cost);
          }
        }
      }
    }
  });

  it("lists every video model that has a 16:9 size of at least 720p and a duration of at least 8 s, and no other", () => {
    const has169 = (model: Model) => {
      const sizes = model.sizes;
      const ok = (w: number, h: number) => Math.abs(w / h / (16 / 9) - 1) <= 0.02 && Math.min(w, h) >= 720;
      if (sizes.kind === "table") return sizes.pairs.some((r) => ok(r.width, r.height));
      if (sizes.kind === "tiered") return [...sizes.byTier.values()].flat().some((r) => ok(r.width, r.height));
      if (sizes.kind === "range") return ok(1280, 720) && sizes.width.every((g) => g.max >= 1280) && sizes.height.every((g) => g.max >= 720);
      return false; // no size to speak of (Hailuo): nothing says its output is 16:9
    };
    const expected = [...modelById.values()]
      .filter((m) => m.spec.output === "video" && m.duration !== undefined && Math.max(...m.duration.values) >= 8 && has169(m))
      .map((m) => m.id)
      .sort();
    expect(options.map((o) => o.model).sort()).toEqual(expected);
    expect(expected).toContain("veo-3.1-lite");
    expect(expected).not.toContain("hailuo-2_3");
  });

  it("answers only options that meet the need once the model's rules have run, over every video need of a grid (Hailuo's 10 s only at 768p)", () => {
    for (const minShortSide of [undefined, 480, 720, 768, 1080, 1440]) {
      for (const minDuration of [undefined, 6, 8, 10, 12, 15]) {
        for (const aspectRatio of [undefined, "16:9", "9:16", "1:1"]) {
          const n: Need = Object.assign({ output: "video" as const }, minShortSide ? { minShortSide } : {}, minDuration ? { minDuration } : {}, aspectRatio ? { aspectRatio } : {});
          const result = cheapestModels(engine, n);
          if (!result.ok) throw new Error(JSON.stringify(result.error));
          for (const option of result.value) {
            const label = `${JSON.stringify(n)} ${option.model} ${JSON.stringify(option.params)}`;
            const model = modelById.get(option.model)!;
            const d = model.duration ? option.params[model.duration.name] : undefined;
            if (minDuration) expect(typeof d === "number" && d >= minDuration, label).toBe(true);
            const { width: w, height: h } = option.params;
            if (typeof w === "number" && typeof h === "number") {
              if (minShortSide) expect(Math.min(w, h), label).toBeGreaterThanOrEqual(minShortSide);
              if (aspectRatio) {
                const [a, b] = aspectRatio.split(":").map(Number);
                expect(Math.abs(w / h / (a! / b!) - 1), label).toBeLessThanOrEqual(0.02);
              }
            }
          }
        }
      }
    }
    const strict = cheapestModels(engine, { output: "video", minShortSide: 1080, minDuration: 10 });
    expect(strict.ok && strict.value.map((o) => o.model)).not.toContain("hailuo-2_3-fast");
  });

  it("never answers a model at a higher price for a looser need: with no size or duration asked, the smallest and shortest are priced too", () => {
    const pairs: [Need, Need][] = [[{ output: "image" }, { output: "image", aspectRatio: "1:1" }]];
    // Every video need of a grid against each need one bound tighter.
    const grid: Need[] = [];
    for (const minDuration of [undefined, 5, 8]) for (const minShortSide of [undefined, 720]) for (const aspectRatio of [undefined, "16:9"]) grid.push(Object.assign({ output: "video" as const }, minDuration ? { minDuration } : {}, minShortSide ? { minShortSide } : {}, aspectRatio ? { aspectRatio } : {}));
    for (const loose of grid) {
      if (loose.minDuration === undefined) pairs.push([loose, { ...loose, minDuration: 5 }]);
      if (loose.minShortSide === undefined) pairs.push([loose, { ...loose, minShortSide: 720 }]);
      if (loose.aspectRatio === undefined) pairs.push([loose, { ...loose, aspectRatio: "16:9" }]);
    }
    for (const [loose, tight] of pairs) {
      const a = cheapestModels(engine, loose);
      const b = cheapestModels(engine, tight);
      if (!a.ok || !b.ok) throw new Error("refused");
      const looser = new Map(a.value.map((o) => [o.model, o.cost]));
      for (const option of b.value) expect(looser.get(option.model), `${option.model}: ${JSON.stringify(loose)} vs ${JSON.stringify(tight)}`).toBeLessThanOrEqual(option.cost);
    }
  });

  it("rejects an aspect ratio that does not read as W:H", () => {
    const bad = cheapestModels(engine, { output: "video", aspectRatio: "wide" });
    expect(!bad.ok && bad.error.code).toBe("INVALID_PARAMS");
  });

  it("offers several images per request only from models that allow that many", () => {
    const result = cheapestModels(engine, { output: "image", quantity: 4 });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.length).toBeGreaterThan(0);
    for (const option of result.value) {
      expect(modelById.get(option.model)!.quantityMax, option.model).toBeGreaterThanOrEqual(4);
      expect(option.params.quantity).toBe(4);
    }
  });
});
