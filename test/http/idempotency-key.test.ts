import { describe, expect, it } from "vitest";
import { checkIdempotencyKey, MAX_IDEMPOTENCY_KEY_LENGTH } from "../../src/http/idempotency-key.ts";

// The one Idempotency-Key rule of both faces: REST's header, GraphQL's `idempotencyKey` argument.
describe("checkIdempotencyKey", () => {
  it("takes none when none was sent", () => {
    expect(checkIdempotencyKey(undefined)).toEqual({ ok: true, key: undefined });
    expect(checkIdempotencyKey(null)).toEqual({ ok: true, key: undefined });
  });

  it.each([
    ["a uuid", "6f1c2d1e-8a0b-4c55-9d7e-0a1b2c3d4e5f", "6f1c2d1e-8a0b-4c55-9d7e-0a1b2c3d4e5f"],
    ["one character", "k", "k"],
    ["255 characters", "k".repeat(MAX_IDEMPOTENCY_KEY_LENGTH), "k".repeat(MAX_IDEMPOTENCY_KEY_LENGTH)],
    ["every visible ASCII character", "!\"#$%&'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~", "!\"#$%&'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~"],
    ["spaces between words", "order 42", "order 42"],
    ["surrounding spaces, which HTTP drops from a header", "  order-42\t", "order-42"],
  ])("accepts %s", (_name, value, key) => {
    expect(checkIdempotencyKey(value)).toEqual({ ok: true, key });
  });

  it.each([
    ["an empty key", ""],
    ["spaces only", "   "],
    ["256 characters", "k".repeat(MAX_IDEMPOTENCY_KEY_LENGTH + 1)],
    ["a non-ASCII letter", "clé-42"],
    ["an emoji", "order-🎉"],
    ["a control character", "order\u000042"],
    ["a line break", "order\n42"],
    ["DEL", "order\u007f42"],
  ])("refuses %s, saying what a key must be", (_name, value) => {
    const check = checkIdempotencyKey(value);
    expect(check).toMatchObject({ ok: false, reason: "must be 1 to 255 visible ASCII characters" });
    expect(check.ok || check.message).toBe("Idempotency-Key must be 1 to 255 visible ASCII characters");
  });

  it("refuses a megabyte of spaces between two characters (a GraphQL variable may carry one) after a scan, not a backtracking pattern", () => {
    // Trimmed by a pattern retried from every space of the run, this took minutes.
    expect(checkIdempotencyKey(`a${" ".repeat(1 << 20)}a`)).toMatchObject({ ok: false });
    expect(checkIdempotencyKey(`${" ".repeat(1 << 20)}k${"\t".repeat(1 << 20)}`)).toEqual({ ok: true, key: "k" });
  });
});
