/**
 * HTTP range requests on a file of known size (RFC 9110 §14): one byte range of a `Range: bytes=…`
 * header, `If-Range` and `If-None-Match` against a strong ETag. Only single ranges are served as
 * 206; a header with several ranges is answered with the whole file (200), which §14.2 allows and
 * every player that seeks asks for one range at a time anyway.
 * https://www.rfc-editor.org/rfc/rfc9110#section-14.2, #section-13.1.2 (If-None-Match), #section-13.1.5 (If-Range)
 */

/** What to send: the whole file, an inclusive byte range of it, or 416. */
export type RangeAnswer =
  | { readonly kind: "whole" }
  | { readonly kind: "partial"; readonly start: number; readonly end: number }
  | { readonly kind: "unsatisfiable" };

const WHOLE: RangeAnswer = { kind: "whole" };
/** Longer headers are not ranges anyone sends: ignored (whole file). */
const MAX_RANGE_HEADER = 200;

/**
 * The answer to `range` (a Range header) on a file of `size` bytes whose ETag is `etag`;
 * `ifRange` (an If-Range header) that is not this ETag turns the range off.
 */
export function byteRange(range: string | undefined, size: number, etag: string, ifRange?: string): RangeAnswer {
  if (range === undefined || range.length > MAX_RANGE_HEADER) return WHOLE;
  if (ifRange !== undefined && ifRange.trim() !== etag) return WHOLE;
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(range);
  // Another unit, several ranges, or garbage: a server may ignore the header.
  if (!match) return WHOLE;
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return WHOLE;
  if (first === "") {
    // bytes=-N: the last N bytes.
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: "unsatisfiable" };
    return { kind: "partial", start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (start >= size) return { kind: "unsatisfiable" };
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  if (end < start) return WHOLE;
  return { kind: "partial", start, end };
}

/** True when an If-None-Match header names `etag` (or is `*`): the client's copy is current. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined || header.length > 8192) return false;
  if (header.trim() === "*") return true;
  // Weak comparison (§13.1.2): W/"x" matches "x".
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}
