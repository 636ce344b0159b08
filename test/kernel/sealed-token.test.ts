import { describe, expect, it } from "vitest";
import { createTokenSealer } from "../../src/kernel/sealed-token.ts";

describe("sealed tokens", () => {
  const sealer = createTokenSealer("test purpose", "a secret");

  it("opens what it sealed, as a URL-safe string that shows nothing of it", () => {
    const token = sealer.seal({ k: "sk-secret-key", e: 42 });
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(token).not.toContain("sk-secret");
    expect(sealer.open(token, 1_000)).toEqual({ k: "sk-secret-key", e: 42 });
  });

  it("opens nothing changed, too long, of another purpose or of another secret", () => {
    const token = sealer.seal({ k: "x" });
    const flipped = `${token.slice(0, 20)}${token[20] === "A" ? "B" : "A"}${token.slice(21)}`;
    expect(sealer.open(flipped, 1_000)).toBeUndefined();
    expect(sealer.open(token, token.length - 1)).toBeUndefined();
    expect(createTokenSealer("other purpose", "a secret").open(token, 1_000)).toBeUndefined();
    expect(createTokenSealer("test purpose", "another secret").open(token, 1_000)).toBeUndefined();
    expect(sealer.open("not a token!", 1_000)).toBeUndefined();
    expect(sealer.open("", 1_000)).toBeUndefined();
  });

  it("without a secret, opens only its own tokens", () => {
    const one = createTokenSealer("p", undefined);
    const two = createTokenSealer("p", undefined);
    expect(two.open(one.seal({ a: 1 }), 1_000)).toBeUndefined();
    expect(one.open(one.seal({ a: 1 }), 1_000)).toEqual({ a: 1 });
  });
});
