/**
 * "Did you mean": the names suggested for a misspelt model id or parameter, and what the
 * suggestions cost a request that sends many names nothing resembles.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";

const compared = vi.hoisted(() => ({ count: 0 }));
vi.mock("fastest-levenshtein", async (importOriginal) => {
  const original = await importOriginal<typeof import("fastest-levenshtein")>();
  return Object.assign({}, original, { distance: (a: string, b: string) => (compared.count++, original.distance(a, b)) });
});

const { suggestParam, suggestModelIds } = await import("../../src/engine/suggest.ts");
const { createEngine } = await import("../../src/engine/engine.ts");
const { SUGGESTED_UNKNOWN_PARAMS } = await import("../../src/engine/normalize.ts");

beforeEach(() => {
  compared.count = 0;
});

describe("suggestions", () => {
  it("suggests a near name, and compares a name only with names whose length is within the distance allowed", () => {
    expect(suggestParam("durtion", ["duration", "mode", "prompt"])).toBe("duration");
    expect(compared.count).toBe(3);
    compared.count = 0;
    // 100 characters against names of at most 8: no distance can be within 50, none is computed.
    expect(suggestParam("x".repeat(100), ["duration", "mode", "prompt"])).toBeUndefined();
    expect(compared.count).toBe(0);
    expect(suggestModelIds("q".repeat(100), ["seedance-2.0", "sora-2"])).toEqual([]);
    expect(compared.count).toBe(0);
  });

  it("still finds a name that contains a short query once punctuation is ignored ('veo3')", () => {
    expect(suggestModelIds("veo3", ["veo-3.0-generate-001", "sora-2"]).length).toBe(1);
  });

  it(`gives a "did you mean" to the first ${SUGGESTED_UNKNOWN_PARAMS} unknown parameters of a request, and lists the rest without one`, () => {
    const params: Record<string, unknown> = { prompt: "x" };
    for (let i = 0; i < SUGGESTED_UNKNOWN_PARAMS + 2; i++) params[`duratio${String.fromCharCode(97 + i)}`] = 4;
    const quoted = createEngine().quote({ model: "sora-2", params }, 100_000_000);
    if (quoted.ok || quoted.error.code !== "INVALID_PARAMS") throw new Error("expected INVALID_PARAMS");
    const reasons = quoted.error.issues.map((i) => i.reason);
    expect(reasons).toHaveLength(SUGGESTED_UNKNOWN_PARAMS + 2);
    expect(reasons.slice(0, SUGGESTED_UNKNOWN_PARAMS).every((r) => r === 'unknown parameter for sora-2 (did you mean "duration"?)')).toBe(true);
    expect(reasons.slice(SUGGESTED_UNKNOWN_PARAMS)).toEqual(["unknown parameter for sora-2", "unknown parameter for sora-2"]);
  });
});
