// A vendor's Retry-After, as an account that answered 429 rests for it: seconds or an HTTP date.
import { describe, expect, it } from "vitest";
import { pollFailureOf, READ_AFTER_MAX_MS, retryAfterMsOf } from "../../../src/adapters/providers/vendor-http.ts";

describe("retryAfterMsOf", () => {
  const now = Date.UTC(2026, 11, 6, 12, 0, 0);
  it("reads seconds, and an HTTP date as the time left until it", () => {
    expect(retryAfterMsOf("30", now)).toBe(30_000);
    expect(retryAfterMsOf(" 1.5 ", now)).toBe(1_500);
    expect(retryAfterMsOf(new Date(now + 90_000).toUTCString(), now)).toBe(90_000);
    expect(retryAfterMsOf(["12", "40"], now)).toBe(12_000);
  });

  it("gives nothing for an absent or unreadable value, and 0 for a date past", () => {
    expect(retryAfterMsOf(undefined, now)).toBeUndefined();
    expect(retryAfterMsOf("soon", now)).toBeUndefined();
    expect(retryAfterMsOf("-5", now)).toBeUndefined();
    expect(retryAfterMsOf(new Date(now - 5_000).toUTCString(), now)).toBe(0);
  });
});

describe("pollFailureOf: a 429 on a status read", () => {
  const answer = (retryAfterMs?: number) => Object.assign({ status: 429, json: undefined, text: "slow down" }, retryAfterMs !== undefined ? { retryAfterMs } : {});

  it("leaves the job running, not read again before its Retry-After, at most READ_AFTER_MAX_MS", () => {
    expect(pollFailureOf("fal", answer(7_000))).toEqual({ state: "running", progress: 0, readAfterMs: 7_000 });
    expect(pollFailureOf("fal", answer(3_600_000))).toEqual({ state: "running", progress: 0, readAfterMs: READ_AFTER_MAX_MS });
  });

  it("without a Retry-After, is no answer at all: asked again at the read pace", () => {
    expect(pollFailureOf("replicate", answer())).toBeUndefined();
  });
});
