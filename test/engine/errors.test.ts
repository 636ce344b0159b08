/**
 * Each error code the engine answers with, and the details it carries.
 */
import { describe, expect, it } from "vitest";
import { createEngine, type GenerationRequest, type Quote } from "../../src/engine/engine.ts";
import type { EngineError, ParamIssue } from "../../src/engine/errors.ts";
import { usdToMicros } from "../../src/kernel/money.ts";
import type { Result } from "../../src/kernel/result.ts";

const engine = createEngine();
const BUDGET = usdToMicros(100);

const quote = (model: string, params: unknown, remaining = BUDGET) => engine.quote({ model, params } as GenerationRequest, remaining);

function errorOf(result: Result<Quote, EngineError>): EngineError {
  if (result.ok) throw new Error(`expected an error, got a quote of ${result.value.cost} micros`);
  return result.error;
}

function issuesOf(result: Result<Quote, EngineError>): readonly ParamIssue[] {
  const error = errorOf(result);
  if (error.code !== "INVALID_PARAMS") throw new Error(`expected INVALID_PARAMS, got ${error.code}`);
  expect(error.message).toBe(error.issues.map((i) => `${i.field}: ${i.reason}`).join("; "));
  return error.issues;
}

describe("MODEL_NOT_FOUND", () => {
  it("suggests exactly seedance-2.0 for 'seedance'", () => {
    expect(errorOf(quote("seedance", { prompt: "x" }))).toEqual({
      code: "MODEL_NOT_FOUND",
      message: "Model not found: seedance",
      model: "seedance",
      suggestions: ["seedance-2.0"],
    });
  });

  it("suggests the nearest ids first for a near miss ('gpt-image-3')", () => {
    const error = errorOf(quote("gpt-image-3", {}));
    if (error.code !== "MODEL_NOT_FOUND") throw new Error(error.code);
    expect(error.suggestions.slice(0, 3)).toEqual(["gpt-image-1", "gpt-image-2", "gpt-image-1.5"]);
    expect(error.suggestions.length).toBeLessThanOrEqual(5);
  });

  it("suggests ids containing the query when punctuation is ignored ('veo3' → the Veo 3 models)", () => {
    const error = errorOf(quote("veo3", {}));
    if (error.code !== "MODEL_NOT_FOUND") throw new Error(error.code);
    expect(error.suggestions.length).toBeGreaterThan(0);
    expect(error.suggestions.every((id) => id.startsWith("veo-3"))).toBe(true);
  });

  it("suggests nothing for a name nothing resembles, and is case-sensitive about ids", () => {
    const error = errorOf(quote("zzzzzzzzzzzzzzzz", {}));
    expect(error).toMatchObject({ code: "MODEL_NOT_FOUND", suggestions: [] });
    expect(errorOf(quote("SORA-2", { prompt: "x" }))).toMatchObject({ code: "MODEL_NOT_FOUND", suggestions: ["sora-2"] });
  });

  it("answers a non-string model id with MODEL_NOT_FOUND instead of throwing", () => {
    expect(errorOf(engine.quote({ model: 42 as unknown as string, params: {} }, BUDGET))).toMatchObject({ code: "MODEL_NOT_FOUND", model: "42" });
  });
});

describe("PROMPT_TOO_LONG", () => {
  it("rejects a 1,501-character prompt with its length and the maximum", () => {
    expect(errorOf(quote("gpt-image-2", { prompt: "a".repeat(1501) }))).toEqual({
      code: "PROMPT_TOO_LONG",
      message: "Prompt is 1501 characters; the maximum is 1500",
      length: 1501,
      max: 1500,
    });
  });

  it("accepts a prompt of exactly 1,500 characters", () => {
    expect(quote("gpt-image-2", { prompt: "a".repeat(1500) }).ok).toBe(true);
  });

  it("counts code points, not UTF-16 units: 1,500 emoji pass, 1,501 fail", () => {
    const emoji = "\u{1F3D4}"; // 🏔, two UTF-16 units
    expect(emoji.repeat(1500).length).toBe(3000);
    expect(quote("gpt-image-2", { prompt: emoji.repeat(1500) }).ok).toBe(true);
    expect(errorOf(quote("gpt-image-2", { prompt: emoji.repeat(1501) }))).toMatchObject({ code: "PROMPT_TOO_LONG", length: 1501, max: 1500 });
  });

  it("applies to models whose own prompt limit is higher (flux-dev allows 2,000; the gateway 1,500)", () => {
    expect(errorOf(quote("flux-dev", { prompt: "a".repeat(1600) }))).toMatchObject({ code: "PROMPT_TOO_LONG", length: 1600 });
  });
});

describe("QUANTITY_TOO_HIGH", () => {
  it("rejects quantity 9 on an image model (the gateway's max is 8)", () => {
    expect(errorOf(quote("gpt-image-2", { prompt: "x", quantity: 9 }))).toEqual({
      code: "QUANTITY_TOO_HIGH",
      message: "quantity 9 is over the maximum of 8 for gpt-image-2",
      quantity: 9,
      max: 8,
    });
  });

  it("accepts quantity 8 on an image model", () => {
    expect(quote("gpt-image-2", { prompt: "x", quantity: 8 }).ok).toBe(true);
  });

  it("rejects quantity 2 on a video model whose own max is 1", () => {
    expect(errorOf(quote("sora-2", { prompt: "x", quantity: 2 }))).toMatchObject({ code: "QUANTITY_TOO_HIGH", quantity: 2, max: 1 });
    expect(errorOf(quote("veo-3.1-lite", { prompt: "x", quantity: 2 }))).toMatchObject({ code: "QUANTITY_TOO_HIGH", quantity: 2, max: 1 });
  });
});

describe("INVALID_PARAMS", () => {
  it("names a missing required param", () => {
    expect(issuesOf(quote("flux-dev", {}))).toEqual([{ field: "prompt", reason: "is required" }]);
  });

  it("names a param of the wrong type", () => {
    expect(issuesOf(quote("flux-dev", { prompt: "x", guidance_scale: "3.5" }))).toEqual([{ field: "guidance_scale", reason: "must be a number" }]);
    expect(issuesOf(quote("seedance-2.0", { prompt: "x", generate_audio: "yes" }))).toEqual([
      { field: "generate_audio", reason: "must be true or false" },
    ]);
    expect(issuesOf(quote("seedance-2.0", { prompt: "x", duration: "8" }))).toEqual([
      { field: "duration", reason: expect.stringContaining("must be one of 4, 5, 6") as unknown as string },
    ]);
  });

  it("names a string-enum violation, listing the allowed values and what was sent", () => {
    expect(issuesOf(quote("gpt-image-2", { prompt: "x", quality: "ultra" }))).toEqual([
      { field: "quality", reason: 'must be one of "high", "medium", "low" (got "ultra")' },
    ]);
  });

  it("names an unknown param with a 'did you mean'", () => {
    expect(issuesOf(quote("seedance-2.0", { prompt: "x", durration: 5 }))).toEqual([
      { field: "durration", reason: 'unknown parameter for seedance-2.0 (did you mean "duration"?)' },
    ]);
  });

  it("points another model's name for a parameter to this model's: motion_has_audio on Seedance means generate_audio", () => {
    expect(issuesOf(quote("seedance-2.0", { prompt: "x", motion_has_audio: true }))).toEqual([
      { field: "motion_has_audio", reason: 'unknown parameter for seedance-2.0 (did you mean "generate_audio"?)' },
    ]);
  });

  it("answers a parameter named like an Object.prototype property as any unknown one", () => {
    for (const name of ["constructor", "toString", "__proto__"]) {
      const issues = issuesOf(quote("seedance-2.0", JSON.parse(`{"prompt":"x",${JSON.stringify(name)}:1}`)));
      expect(issues.map((i) => i.field)).toEqual([name]);
    }
  });

  it("names an out-of-range integer with the bound it broke", () => {
    expect(issuesOf(quote("seedance-2.0", { prompt: "x", seed: -2 }))).toEqual([{ field: "seed", reason: "must be at least -1" }]);
    expect(issuesOf(quote("flux-dev", { prompt: "x", num_inference_steps: 41 }))).toEqual([
      { field: "num_inference_steps", reason: "must be at most 40" },
    ]);
    expect(issuesOf(quote("seedance-2.0", { prompt: "x", seed: 1.5 }))).toEqual([{ field: "seed", reason: "must be an integer" }]);
  });

  it("rejects a non-https reference (http URL) in a model param and in an inline reference field", () => {
    const reason = "must be an https URL, a data: URI or an upload id";
    expect(issuesOf(quote("seedance-2.0", { prompt: "x", start_frame: "http://example.com/cat.jpg" }))).toEqual([{ field: "start_frame", reason }]);
    expect(issuesOf(quote("seedance-2.0", { prompt: "x", image: "http://example.com/cat.jpg" }))).toEqual([{ field: "image", reason }]);
    expect(issuesOf(quote("seedance-2.0", { prompt: "x", image: "ftp://example.com/cat.jpg" }))).toEqual([{ field: "image", reason }]);
  });

  it("accepts https URLs, data: URIs and upload ids as references", () => {
    for (const reference of [
      "https://example.com/cat.jpg",
      "data:image/png;base64,iVBORw0KGgo=",
      "f578692c-6475-4d85-b4c2-32a97af506ff",
    ]) {
      expect(quote("seedance-2.0", { prompt: "x", start_frame: reference }).ok, reference).toBe(true);
    }
  });

  it("reports every bad field at once", () => {
    const issues = issuesOf(quote("gpt-image-2", { quality: "ultra", colour: "red" }));
    expect(issues.map((i) => i.field).sort()).toEqual(["colour", "prompt", "quality"]);
  });

  it("rejects params that are not an object", () => {
    expect(issuesOf(quote("flux-dev", "a prompt"))).toEqual([{ field: "params", reason: "must be an object" }]);
    expect(issuesOf(quote("flux-dev", ["a prompt"]))).toEqual([{ field: "params", reason: "must be an object" }]);
  });

  it("rejects an end_frame without a start frame where the spec requires one (LTXV 2.3)", () => {
    const issues = issuesOf(quote("ltxv-2.3-pro", { prompt: "x", end_frame: "https://example.com/end.jpg" }));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.field).toBe("end_frame");
    expect(issues[0]!.reason).toMatch(/^requires start_frame/);
  });
});

describe("INSUFFICIENT_BUDGET", () => {
  it("reports the cheapest downgrade's cost (Seedance 2.0 at 720p 4 s, $0.4932) when even that does not fit", () => {
    const remaining = usdToMicros(0.4);
    expect(errorOf(quote("seedance-2.0", { prompt: "x", mode: "RESOLUTION_1080", duration: 15 }, remaining))).toEqual({
      code: "INSUFFICIENT_BUDGET",
      message: "Not enough budget: the cheapest version of this request costs $0.4932, $0.4 remains today",
      cheapestCost: usdToMicros(0.4932),
      remaining,
    });
  });

  it("reports the request's own cost when nothing can be lowered (Rodin V2 has no resolution or duration)", () => {
    expect(errorOf(quote("rodin-v2", {}, usdToMicros(0.1)))).toMatchObject({
      code: "INSUFFICIENT_BUDGET",
      cheapestCost: usdToMicros(0.16),
      remaining: usdToMicros(0.1),
    });
  });

  it("reports a spent budget as zero remaining", () => {
    expect(errorOf(quote("sora-2", { prompt: "x" }, 0))).toMatchObject({ code: "INSUFFICIENT_BUDGET", cheapestCost: usdToMicros(0.04), remaining: 0 });
  });

  it("is not raised when a downgrade fits: 1080p 15 s within $2 becomes the dearest candidate that fits", () => {
    const result = quote("seedance-2.0", { prompt: "x", mode: "RESOLUTION_1080", duration: 15 }, usdToMicros(2));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    // 1080p 7 s costs $1.94; 720p 15 s costs $1.85.
    expect(result.value.params).toMatchObject({ mode: "RESOLUTION_1080", width: 1920, height: 1080, duration: 7 });
    expect(result.value.cost).toBe(1_941_975);
    expect(result.value.fitsInBudget).toBe(false);
    expect(result.value.requestedCost).toBe(usdToMicros(11.25));
    expect(result.value.adjustments).toEqual([{ param: "duration", from: 15, to: 7, reason: "BUDGET_DOWNGRADE" }]);
  });
});

describe("precedence between errors", () => {
  it("checks the model before anything in params", () => {
    expect(errorOf(quote("seedanse-2.0", { prompt: "a".repeat(2000), quantity: 99 })).code).toBe("MODEL_NOT_FOUND");
  });

  it("checks the prompt length and quantity before the params' own rules", () => {
    expect(errorOf(quote("gpt-image-2", { prompt: "a".repeat(1501), quality: "ultra" })).code).toBe("PROMPT_TOO_LONG");
    expect(errorOf(quote("gpt-image-2", { prompt: "x", quantity: 9, quality: "ultra" })).code).toBe("QUANTITY_TOO_HIGH");
  });

  it("checks params before the budget", () => {
    expect(errorOf(quote("gpt-image-2", { prompt: "x", quality: "ultra" }, 0)).code).toBe("INVALID_PARAMS");
  });
});
