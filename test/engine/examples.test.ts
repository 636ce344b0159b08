/**
 * Every model's spec example request is a valid request: accepted with a $100 budget, unchanged.
 */
import { describe, expect, it } from "vitest";
import { catalog } from "../../src/catalog/index.ts";
import { createEngine } from "../../src/engine/engine.ts";
import { usdToMicros } from "../../src/kernel/money.ts";

const engine = createEngine();
const BUDGET = usdToMicros(100);

/**
 * Spec contradiction: these two mark `start_frame` required (image-to-video only) while their
 * examples send none.
 */
const START_FRAME_REQUIRED_BUT_OMITTED = ["hailuo-2_3-fast", "kling-2.5-turbo-standard"];

const regular = catalog.filter((m) => !START_FRAME_REQUIRED_BUT_OMITTED.includes(m.id));
const contradictory = catalog.filter((m) => START_FRAME_REQUIRED_BUT_OMITTED.includes(m.id));

describe("spec example requests", () => {
  it("covers every model: 51 regular examples and the 2 known contradictions", () => {
    expect(regular).toHaveLength(51);
    expect(contradictory.map((m) => m.id).sort()).toEqual([...START_FRAME_REQUIRED_BUT_OMITTED].sort());
  });

  it.each(regular.map((m) => [m.id, m] as const))("%s: its example is accepted within $100 with no adjustments", (_id, model) => {
    const quote = engine.quote({ model: model.example.model, params: model.example.params }, BUDGET);
    if (!quote.ok) throw new Error(`${model.id} rejected its own example: ${JSON.stringify(quote.error)}`);
    expect(quote.value.model.id).toBe(model.id);
    expect(quote.value.adjustments).toEqual([]);
    expect(quote.value.fitsInBudget).toBe(true);
    expect(quote.value.cost).toBe(quote.value.requestedCost);
    expect(quote.value.cost).toBeGreaterThan(0);
    expect(quote.value.cost).toBeLessThanOrEqual(BUDGET);
    // Everything the example sent runs as sent.
    for (const [name, value] of Object.entries(model.example.params)) expect(quote.value.params[name], `${model.id}.${name}`).toEqual(value);
  });

  it.each(contradictory.map((m) => [m.id, m] as const))(
    "%s: its example (no start_frame) is rejected with INVALID_PARAMS naming start_frame",
    (_id, model) => {
      const quote = engine.quote({ model: model.id, params: model.example.params }, BUDGET);
      expect(quote.ok).toBe(false);
      if (quote.ok) return;
      expect(quote.error.code).toBe("INVALID_PARAMS");
      if (quote.error.code !== "INVALID_PARAMS") return;
      expect(quote.error.issues).toEqual([{ field: "start_frame", reason: "is required" }]);
    },
  );

  it.each(contradictory.map((m) => [m.id, m] as const))(
    "%s: its example is accepted, unchanged, once an https start_frame is added",
    (_id, model) => {
      const params = { ...model.example.params, start_frame: "https://example.com/first-frame.jpg" };
      const quote = engine.quote({ model: model.id, params }, BUDGET);
      if (!quote.ok) throw new Error(JSON.stringify(quote.error));
      expect(quote.value.adjustments).toEqual([]);
      expect(quote.value.fitsInBudget).toBe(true);
      for (const [name, value] of Object.entries(params)) expect(quote.value.params[name], `${model.id}.${name}`).toEqual(value);
    },
  );
});
