import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/app/config.ts";
import { accountsByModel, vendorRanges } from "../../src/app/vendor-config.ts";

describe("vendor accounts from the environment", () => {
  it("makes one pool account per key, grouped by vendor, and binds each routed model to its vendor's accounts", () => {
    const loaded = loadConfig({ FAL_KEYS: "a:1, b:2", OPENAI_KEYS: "sk-x", GATEAI_POOL_SIZE: "50" });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.config.poolSize).toBe(3);
    expect(loaded.config.vendors).toEqual({ keys: { fal: ["a:1", "b:2"], openai: ["sk-x"] }, urls: {}, simulateUnrouted: true });
    expect(vendorRanges(loaded.config.vendors!)).toEqual([
      { vendor: "fal", first: 1, count: 2 },
      { vendor: "openai", first: 3, count: 1 },
    ]);
    const bound = accountsByModel(loaded.config.vendors!);
    expect(bound["flux-schnell"]).toEqual({ first: 1, count: 2 });
    expect(bound["gpt-image-1"]).toEqual({ first: 3, count: 1 });
    expect(bound["kino-xl"]).toBeUndefined();
  });

  it("keeps the simulation's pool when no vendor has keys, and reports bad values without echoing keys", () => {
    const plain = loadConfig({ GATEAI_POOL_SIZE: "7" });
    expect(plain.ok && plain.config.poolSize).toBe(7);
    expect(plain.ok && plain.config.vendors).toBeUndefined();
    const bad = loadConfig({ REPLICATE_TOKENS: "r8 secret-with-space", GATEAI_REPLICATE_URL: "ftp://x", GATEAI_SIMULATE_UNROUTED: "maybe" });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.join("\n")).toMatch(/REPLICATE_TOKENS/);
    expect(bad.errors.join("\n")).toMatch(/GATEAI_REPLICATE_URL/);
    expect(bad.errors.join("\n")).toMatch(/GATEAI_SIMULATE_UNROUTED/);
    expect(bad.errors.join("\n")).not.toContain("secret-with-space");
  });
});
