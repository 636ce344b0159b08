import { describe, expect, it } from "vitest";
import { bearerToken } from "../../src/http/auth.ts";

// The one Authorization rule of both faces (REST headers, GraphQL headers, graphql-ws
// connectionParams): `Bearer <key>`, the scheme in any case.
describe("bearerToken", () => {
  it.each([
    ["Bearer sk-abc", "sk-abc"],
    ["bearer sk-abc", "sk-abc"],
    ["BEARER sk-abc", "sk-abc"],
    ["Bearer   sk-abc  ", "sk-abc"],
    ["Bearer\tsk-abc", "sk-abc"],
  ])("reads %j as the key", (header, key) => {
    expect(bearerToken(header)).toBe(key);
  });

  it.each([
    ["no header", undefined],
    ["an empty header", ""],
    ["a bare key", "sk-abc"],
    ["another scheme", "Basic c2stYWJj"],
    ["the scheme alone", "Bearer"],
    ["the scheme and spaces", "Bearer   "],
    ["two words after the scheme", "Bearer sk-abc extra"],
    ["a scheme glued to the key", "Bearersk-abc"],
    ["a value that is not a string (connectionParams)", 42],
    ["null (connectionParams)", null],
  ])("presents no key for %s", (_name, header) => {
    expect(bearerToken(header)).toBeUndefined();
  });

  it("reads the first of repeated values", () => {
    expect(bearerToken(["Bearer sk-first", "Bearer sk-second"])).toBe("sk-first");
  });
});
