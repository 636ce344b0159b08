// Range and If-None-Match as RFC 9110 reads them, on a file of 1,000 bytes with ETag "e".
import { describe, expect, it } from "vitest";
import { byteRange, matchesIfNoneMatch } from "../../src/http/byte-range.ts";

const ETAG = '"e"';

describe("byteRange", () => {
  it.each([
    ["bytes=0-0", { kind: "partial", start: 0, end: 0 }],
    ["bytes=0-1", { kind: "partial", start: 0, end: 1 }],
    ["bytes=500-", { kind: "partial", start: 500, end: 999 }],
    ["bytes=-100", { kind: "partial", start: 900, end: 999 }],
    ["bytes=-5000", { kind: "partial", start: 0, end: 999 }],
    ["bytes=990-5000", { kind: "partial", start: 990, end: 999 }],
    ["BYTES = 1 - 2", { kind: "partial", start: 1, end: 2 }],
    ["bytes=1000-", { kind: "unsatisfiable" }],
    ["bytes=-0", { kind: "unsatisfiable" }],
    ["bytes=5-2", { kind: "whole" }],
    ["bytes=0-1,3-4", { kind: "whole" }],
    ["items=0-1", { kind: "whole" }],
    ["bytes=-", { kind: "whole" }],
    [`bytes=${"1".repeat(300)}-`, { kind: "whole" }],
  ])("%s", (range, answer) => {
    expect(byteRange(range, 1000, ETAG)).toEqual(answer);
  });

  it("serves the whole file without a Range, or when If-Range is not the current ETag", () => {
    expect(byteRange(undefined, 1000, ETAG)).toEqual({ kind: "whole" });
    expect(byteRange("bytes=0-1", 1000, ETAG, '"old"')).toEqual({ kind: "whole" });
    expect(byteRange("bytes=0-1", 1000, ETAG, ETAG)).toEqual({ kind: "partial", start: 0, end: 1 });
  });
});

describe("matchesIfNoneMatch", () => {
  it("matches the ETag, weakly, in a list, or *; nothing else", () => {
    for (const header of [ETAG, `W/${ETAG}`, `"a", ${ETAG}`, "*"]) expect(matchesIfNoneMatch(header, ETAG), header).toBe(true);
    for (const header of [undefined, '"a"', "e", ""]) expect(matchesIfNoneMatch(header, ETAG), String(header)).toBe(false);
  });
});
