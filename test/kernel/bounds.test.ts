import { describe, expect, test } from "vitest";
import { BOUNDS, isStorableText, jsonInputIssue, storedParamsIssue, PARAMS_BOUNDS, truncateForEcho } from "../../src/kernel/bounds.ts";
import { DAILY_LIMIT_USD, dailyLimitMicros } from "../../src/kernel/money.ts";

describe("storable text", () => {
  test("refuses U+0000 and unpaired surrogates, keeps everything else (pairs included)", () => {
    for (const ok of ["", "plain", "é and 漢字", "a lighthouse 🌅", "\u0001\u001f\uffff", "\ud83c\udf05"]) expect(isStorableText(ok), JSON.stringify(ok)).toBe(true);
    for (const bad of ["\u0000", "a\u0000b", "\ud800", "a\ud800b", "\udc00", "x\udfff", "\udc00\ud800"]) expect(isStorableText(bad), JSON.stringify(bad)).toBe(false);
  });

  test("a 14 MB string is checked in a few milliseconds", () => {
    const big = "A".repeat(14_000_000);
    const started = performance.now();
    expect(isStorableText(big)).toBe(true);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe("echo of bad input", () => {
  test("cut to 100 characters with an ellipsis, never splitting a surrogate pair; unstorable text escaped", () => {
    expect(truncateForEcho("short")).toBe("short");
    expect(truncateForEcho("m".repeat(1_000_000))).toBe(`${"m".repeat(BOUNDS.echo)}…`);
    const pairAtCut = `${"a".repeat(99)}🌅tail`;
    expect(truncateForEcho(pairAtCut)).toBe(`${"a".repeat(99)}…`);
    expect(truncateForEcho("a\u0000b")).toBe("a\\u0000b");
  });
});

describe("a request's params", () => {
  const issue = (params: unknown) => jsonInputIssue(params, "params", PARAMS_BOUNDS);

  test("text, keys included, at any depth", () => {
    expect(issue({ prompt: "ok", list: ["a", { b: "c" }] })).toBeUndefined();
    expect(issue({ prompt: "a\u0000" })).toMatchObject({ field: "params.prompt" });
    expect(issue({ list: ["ok", { deep: "\ud800" }] })).toMatchObject({ field: "params.list[1].deep" });
    expect(issue({ "k\u0000": 1 })).toMatchObject({ field: "params.k\\u0000" });
  });

  test("nesting, array and object sizes, key length", () => {
    const nested = (depth: number): unknown => (depth === 0 ? 1 : [nested(depth - 1)]);
    expect(issue({ a: nested(BOUNDS.paramsDepth - 1) })).toBeUndefined();
    expect(issue({ a: nested(BOUNDS.paramsDepth) })?.reason).toMatch(/deeper than 8/);
    expect(issue({ a: Array(BOUNDS.paramsItems).fill(0) })).toBeUndefined();
    expect(issue({ a: Array(BOUNDS.paramsItems + 1).fill(0) })?.reason).toMatch(/101 elements; at most 100/);
    expect(issue(Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, i])))?.reason).toMatch(/101 keys/);
    expect(issue({ ["k".repeat(101)]: 1 })?.reason).toMatch(/longer than 100/);
  });

  test(`strings of at most ${BOUNDS.paramText} characters, a data: URI apart (its bytes go to the file store)`, () => {
    expect(issue({ negative_prompt: "n".repeat(BOUNDS.paramText) })).toBeUndefined();
    expect(issue({ list: [{ text: "n".repeat(BOUNDS.paramText + 1) }] })).toEqual({ field: "params.list[0].text", reason: `longer than ${BOUNDS.paramText} characters (only a data: URI given as a reference may be longer)` });
    expect(issue({ start_frame: `DATA:image/png;base64,${"A".repeat(1_000_000)}` })).toBeUndefined();
    // The prompt has its own bound (PROMPT_TOO_LONG, with its length): not this one; a nested "prompt" has not.
    expect(issue({ prompt: "p".repeat(BOUNDS.paramText + 1) })).toBeUndefined();
    expect(issue({ shots: [{ prompt: "p".repeat(BOUNDS.paramText + 1) }] })).toMatchObject({ field: "params.shots[0].prompt" });
  });

  test("what a task row would keep: no string longer than the bound, data: URIs included, and at most 512 KiB of JSON in all", () => {
    expect(storedParamsIssue({ a: ["short", { b: "n".repeat(BOUNDS.paramText) }] }, "params")).toBeUndefined();
    expect(storedParamsIssue({ a: ["short", { b: `data:image/png;base64,${"A".repeat(BOUNDS.paramText)}` }] }, "params")).toMatchObject({ field: "params.a[1].b" });
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, "n".repeat(BOUNDS.paramText)]));
    expect(storedParamsIssue(many, "")).toEqual({ field: "params", reason: `${JSON.stringify(many).length} characters as JSON once inline references are stored; at most ${BOUNDS.storedParams}` });
    expect(storedParamsIssue(Object.fromEntries(Object.entries(many).slice(0, 30)), "")).toBeUndefined();
  });

  test("a value nested a million levels deep is refused without exhausting the stack", () => {
    const deep = JSON.parse(`${"[".repeat(1_000_000)}${"]".repeat(1_000_000)}`);
    expect(issue({ a: deep })?.reason).toMatch(/deeper than/);
  });
});

describe("daily limits (GATEAI_DAILY_LIMIT, setDailyLimit, createApiKey)", () => {
  test("a finite number of dollars from $0.000001 to $1,000,000,000 with at most 6 decimals; nothing rounds", () => {
    expect(dailyLimitMicros(100)).toBe(100_000_000);
    expect(dailyLimitMicros(0.000001)).toBe(1);
    expect(dailyLimitMicros(0.3)).toBe(300_000);
    expect(dailyLimitMicros(DAILY_LIMIT_USD.max)).toBe(1e15);
    expect(dailyLimitMicros(123_456_789.123456)).toBe(123_456_789_123_456);
    for (const bad of [0, -1, 1e-9, 0.0000005, 1e300, 1_000_000_000.5, Number.NaN, Infinity, 0.1234567]) expect(dailyLimitMicros(bad), String(bad)).toBeUndefined();
  });
});
