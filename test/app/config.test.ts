import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/app/config.ts";

const errorsOf = (env: Record<string, string>) => {
  const loaded = loadConfig(env);
  return loaded.ok ? [] : loaded.errors;
};

describe("configuration bounds", () => {
  it("GATEAI_API_KEYS: each key is sk- and at least 32 characters (a generated key's length); sk- + 8 is refused", () => {
    const long = `sk-${"a".repeat(32)}`;
    expect(errorsOf({ GATEAI_API_KEYS: long })).toEqual([]);
    const errors = errorsOf({ GATEAI_API_KEYS: `${long},sk-abcdefgh,sk-${"b".repeat(31)}` });
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/sk-<32 to 200 letters/);
    // The key itself is never printed, only its start.
    expect(errors.join(" ")).not.toContain("abcdefgh");
  });

  it("GATEAI_UPLOAD_MAX_BYTES: a whole number of bytes up to 1 GiB (a stored file's size is a 32-bit integer)", () => {
    for (const ok of ["1", "10485760", "1073741824"]) expect(errorsOf({ GATEAI_UPLOAD_MAX_BYTES: ok }), ok).toEqual([]);
    for (const bad of ["0", "1073741825", "3221225472", "1.5"]) expect(errorsOf({ GATEAI_UPLOAD_MAX_BYTES: bad }), bad).toHaveLength(1);
  });

  it("GATEAI_DAILY_LIMIT: $0.000001 to $1,000,000,000 with at most 6 decimals, the rule of setDailyLimit", () => {
    for (const ok of ["0.000001", "100", "1000000000", "12.345678"]) expect(errorsOf({ GATEAI_DAILY_LIMIT: ok }), ok).toEqual([]);
    for (const bad of ["0", "1e-9", "1e300", "1000000000.5", "0.0000001", "-1", "abc"]) expect(errorsOf({ GATEAI_DAILY_LIMIT: bad }), bad).toHaveLength(1);
  });

  it("GATEAI_TRUST_PROXY is off unless set to 1 (or true); GATEAI_AUTH_FAILURES_PER_MINUTE defaults to 60, 0 turns it off", () => {
    const defaults = loadConfig({});
    expect(defaults.ok && [defaults.config.trustProxy, defaults.config.authFailuresPerMinute]).toEqual([false, 60]);
    const set = loadConfig({ GATEAI_TRUST_PROXY: "1", GATEAI_AUTH_FAILURES_PER_MINUTE: "0" });
    expect(set.ok && [set.config.trustProxy, set.config.authFailuresPerMinute]).toEqual([true, 0]);
    expect(errorsOf({ GATEAI_TRUST_PROXY: "yes" })).toHaveLength(1);
    expect(errorsOf({ GATEAI_AUTH_FAILURES_PER_MINUTE: "-1" })).toHaveLength(1);
    expect(errorsOf({ GATEAI_AUTH_FAILURES_PER_MINUTE: "1.5" })).toHaveLength(1);
  });

  it("GATEAI_LARGE_BODY_BYTES_PER_SECOND: 16 MiB by default, 0 unpaced, else whole bytes of at least 64 KiB a second", () => {
    const paceOf = (value?: string) => {
      const loaded = loadConfig(value === undefined ? {} : { GATEAI_LARGE_BODY_BYTES_PER_SECOND: value });
      return loaded.ok ? loaded.config.largeBodyBytesPerSecond : undefined;
    };
    expect(paceOf()).toBe(16 * 1024 * 1024);
    expect(paceOf("0")).toBe(Number.POSITIVE_INFINITY);
    expect(paceOf("65536")).toBe(65_536);
    for (const bad of ["-1", "1.5", "65535", "5", "abc"]) expect(errorsOf({ GATEAI_LARGE_BODY_BYTES_PER_SECOND: bad }), bad).toHaveLength(1);
  });

  it("GATEAI_LEASE_MS: 100 ms to 10 minutes (a dead process's tasks are taken over well before their refund); GATEAI_SHUTDOWN_GRACE_MS up to 2 minutes", () => {
    for (const ok of ["100", "5000", "600000"]) expect(errorsOf({ GATEAI_LEASE_MS: ok }), ok).toEqual([]);
    for (const bad of ["99", "600001", "1e300", "1.5"]) expect(errorsOf({ GATEAI_LEASE_MS: bad }), bad).toHaveLength(1);
    const defaults = loadConfig({});
    expect(defaults.ok && defaults.config.shutdownGraceMs).toBe(10_000);
    for (const ok of ["0", "120000"]) expect(errorsOf({ GATEAI_SHUTDOWN_GRACE_MS: ok }), ok).toEqual([]);
    for (const bad of ["-1", "120001", "1.5"]) expect(errorsOf({ GATEAI_SHUTDOWN_GRACE_MS: bad }), bad).toHaveLength(1);
  });

  it("GATEAI_DRIVER_YIELD_MS: the driver yields above 2 ms of delay by default, 0 never, else whole milliseconds up to 10 s", () => {
    const yieldOf = (value?: string) => {
      const loaded = loadConfig(value === undefined ? {} : { GATEAI_DRIVER_YIELD_MS: value });
      return loaded.ok ? loaded.config.driverYieldMs : undefined;
    };
    expect(yieldOf()).toBe(2);
    expect(yieldOf("0")).toBe(0);
    expect(yieldOf("25")).toBe(25);
    for (const bad of ["-1", "1.5", "10001", "abc"]) expect(errorsOf({ GATEAI_DRIVER_YIELD_MS: bad }), bad).toHaveLength(1);
  });

  it("refuses an upstream with vendor keys (two ways to generate), upstream keys without an upstream, and a fal JWKS address that is no URL", () => {
    const upstream = { GATEAI_UPSTREAM_URL: "https://upstream.example", GATEAI_UPSTREAM_KEYS: "k1,k2" };
    expect(errorsOf(upstream)).toEqual([]);
    expect(errorsOf(Object.assign({ OPENAI_KEYS: "sk-x" }, upstream))).toEqual([expect.stringMatching(/two ways to generate/)]);
    expect(errorsOf({ GATEAI_UPSTREAM_KEYS: "k1" })).toEqual([expect.stringMatching(/without GATEAI_UPSTREAM_URL/)]);
    expect(errorsOf({ FAL_KEYS: "fal-a", GATEAI_FAL_JWKS_URL: "not a url" })).toEqual([expect.stringMatching(/GATEAI_FAL_JWKS_URL is invalid/)]);
    expect(errorsOf({ FAL_KEYS: "fal-a", GATEAI_FAL_JWKS_URL: "https://keys.example/jwks.json" })).toEqual([]);
  });

  it("LOG_LEVEL: one of pino's levels or silent", () => {
    expect(errorsOf({ LOG_LEVEL: "debug" })).toEqual([]);
    expect(errorsOf({ LOG_LEVEL: "silent" })).toEqual([]);
    expect(errorsOf({ LOG_LEVEL: "verbose" })).toEqual(['LOG_LEVEL="verbose" is invalid: one of fatal, error, warn, info, debug, trace, silent']);
  });

  it("refuses more than 1000 vendor keys (one pool account each) rather than leave the rest unused", () => {
    const keys = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`).join(",");
    expect(errorsOf({ FAL_KEYS: keys(600, "fal"), OPENAI_KEYS: keys(400, "sk") })).toEqual([]);
    expect(errorsOf({ FAL_KEYS: keys(600, "fal"), OPENAI_KEYS: keys(401, "sk") })).toEqual([expect.stringMatching(/1001 in all, at most 1000/)]);
  });
});
