import { BOUNDS } from "../kernel/bounds.ts";

/** The longest Idempotency-Key either face accepts (src/kernel/bounds.ts). */
export const MAX_IDEMPOTENCY_KEY_LENGTH = BOUNDS.idempotencyKey;

/** Visible ASCII characters (`!` to `~`), with spaces allowed between them. */
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

export type IdempotencyKeyCheck =
  /** `key` undefined: none was sent. */
  | { readonly ok: true; readonly key: string | undefined }
  /** `reason` says what a key must be; `message` is the same, naming the header. */
  | { readonly ok: false; readonly reason: string; readonly message: string };

const isSpace = (code: number) => code === 0x20 || code === 0x09;

const NONE: IdempotencyKeyCheck = { ok: true, key: undefined };

const REASON = `must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} visible ASCII characters`;
const REFUSED: IdempotencyKeyCheck = Object.freeze({ ok: false, reason: REASON, message: `Idempotency-Key ${REASON}` });

/**
 * The rule of both faces for an idempotency key (REST's `Idempotency-Key` header, GraphQL's
 * `idempotencyKey` argument): absent (undefined or null) is none; otherwise, without surrounding
 * spaces, 1 to 255 visible ASCII characters (spaces allowed between them), or the request is
 * refused (REST 400 BAD_REQUEST, GraphQL `InvalidParams`) before anything is charged. A key that
 * could not travel in a header (control characters, non-ASCII) is refused on GraphQL too, so a
 * key either face accepts means the same request to both.
 */
export function checkIdempotencyKey(value: string | null | undefined): IdempotencyKeyCheck {
  if (value === undefined || value === null) return NONE;
  // Trimmed by a scan from each end, not a pattern: a pattern anchored at the end is retried from
  // every space of a long run, and a string of megabytes would hold the event loop for minutes.
  let start = 0;
  let end = value.length;
  while (start < end && isSpace(value.charCodeAt(start))) start++;
  while (end > start && isSpace(value.charCodeAt(end - 1))) end--;
  if (end === start || end - start > MAX_IDEMPOTENCY_KEY_LENGTH) return REFUSED;
  const key = value.slice(start, end);
  if (!PRINTABLE_ASCII.test(key)) return REFUSED;
  return { ok: true, key };
}
