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

  it("refuses a vendor setting that means something only with keys when they are missing, instead of simulating every model", () => {
    const errorsOf = (env: Record<string, string>) => {
      const loaded = loadConfig(env);
      return loaded.ok ? [] : loaded.errors;
    };
    expect(errorsOf({ GATEAI_FAL_URL: "http://127.0.0.1:9" })).toEqual(["GATEAI_FAL_URL is set without FAL_KEYS: name the accounts (comma-separated keys), or remove GATEAI_FAL_URL"]);
    expect(errorsOf({ OPENAI_KEYS: "sk-x", GATEAI_REPLICATE_URL: "http://127.0.0.1:9" })).toEqual([expect.stringMatching(/^GATEAI_REPLICATE_URL is set without REPLICATE_TOKENS/)]);
    expect(errorsOf({ GATEAI_SIMULATE_UNROUTED: "false" })).toEqual([expect.stringMatching(/^GATEAI_SIMULATE_UNROUTED is set without vendor keys/)]);
    expect(errorsOf({ GATEAI_SIMULATE_UNROUTED: "maybe" })).toEqual(["GATEAI_SIMULATE_UNROUTED is invalid: true or false", expect.stringMatching(/without vendor keys/)]);
    expect(errorsOf({ GATEAI_FAL_JWKS_URL: "https://keys.example/jwks.json" })).toEqual([expect.stringMatching(/^GATEAI_FAL_JWKS_URL is set without vendor keys/)]);
  });

  it("warns, without refusing, of a vendor client's own key variable set where this gateway's is not (FAL_KEY, REPLICATE_API_TOKEN, OPENAI_API_KEY)", () => {
    const loaded = loadConfig({ FAL_KEY: "fal-secret", OPENAI_API_KEY: "sk-secret", OPENAI_KEYS: "sk-x", REPLICATE_API_TOKEN: "r8-secret" });
    if (!loaded.ok) throw new Error(loaded.errors.join("; "));
    expect(loaded.warnings).toEqual([
      "FAL_KEY is set, and this gateway reads FAL_KEYS (comma-separated, one pool account per key): fal is not configured",
      "REPLICATE_API_TOKEN is set, and this gateway reads REPLICATE_TOKENS (comma-separated, one pool account per key): replicate is not configured",
    ]);
    expect(loaded.warnings.join()).not.toMatch(/secret/);
  });
});
