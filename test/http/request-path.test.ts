import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { requestPath } from "../../src/http/request-path.ts";

const byUrlParser = (target: string): string => new URL(target, "http://localhost").pathname;

describe("requestPath", () => {
  it("gives the URL parser's pathname for any path and query a client may send", () => {
    fc.assert(
      fc.property(fc.webPath(), fc.option(fc.webQueryParameters()), fc.option(fc.webFragments()), (path, query, fragment) => {
        fc.pre(!path.startsWith("//")); // a host to the URL parser, a path to HTTP (below)
        const target = `${path.startsWith("/") ? path : `/${path}`}${query === null ? "" : `?${query}`}${fragment === null ? "" : `#${fragment}`}`;
        expect(requestPath(target)).toBe(byUrlParser(target));
      }),
      { numRuns: 2_000 },
    );
  });

  it("reads a target starting with // as a path, not as a host", () => {
    expect(requestPath("//")).toBe("//");
    expect(requestPath("//api/estimate?x")).toBe("//api/estimate");
    expect(requestPath("//api/./estimate")).toBe("//api/estimate");
  });

  it.each([
    ["/api/estimate", "/api/estimate"],
    ["/api/me?key=sk-abc", "/api/me"],
    ["/get/abc#x?y", "/get/abc"],
    ["/v1/models/veo-3.1-lite", "/v1/models/veo-3.1-lite"],
    // Resolved or escaped by the URL parser, as before.
    ["/api/./estimate", "/api/estimate"],
    ["/api/x/%2E%2e/estimate", "/api/estimate"],
    ["/v1/models/a b", "/v1/models/a%20b"],
    ["/v1/models/é", "/v1/models/%C3%A9"],
    ["http://example.com/credits?x=1", "/credits"],
  ])("reads %s as %s", (target, path) => {
    expect(requestPath(target)).toBe(path);
    expect(byUrlParser(target)).toBe(path);
  });
});
