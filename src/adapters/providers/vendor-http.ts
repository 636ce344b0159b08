/**
 * One JSON call to a vendor's API, and what its answer means for the attempt. The rules every
 * vendor adapter keeps:
 * - The account's key goes only to the vendor's configured API origin (the caller builds URLs
 *   from its base; `callVendor` refuses any other origin).
 * - An answer's body is read up to `MAX_ANSWER_BYTES`: a vendor cannot make us buffer a huge or
 *   endless answer; what is not JSON is "garbage" (a failed attempt another account may retry).
 * - On a submit, 429 and 401/403: this account cannot run it now, another may (retryable failure:
 *   the driver requeues it on another account and locks an account that keeps failing);
 *   400/404/409/422: the request itself is refused (final failure with the vendor's message,
 *   refunded); 5xx, timeouts and lost connections: not an answer, the next poll asks again (the
 *   spec's hard deadline bounds how long).
 * - On a poll of a job the vendor holds (`pollFailureOf`), 429 is not an answer either: the job
 *   runs on and is asked about again (not before its Retry-After), never submitted a second time
 *   because its status could not be read.
 */
import { request, type Dispatcher } from "undici";
import type { ProviderStatus } from "../../services/ports/provider.ts";
import { callDeadline } from "./call-deadline.ts";

export const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

/**
 * The least time between two status reads of one attempt a vendor holds (Provider
 * `statusReadGapMs`): the pace of the vendors' own clients, fal-js (`DEFAULT_POLL_INTERVAL = 500`,
 * https://github.com/fal-ai/fal-js/blob/main/libs/client/src/queue.ts) and replicate-javascript
 * (`wait` polls every 500 ms, https://github.com/replicate/replicate-javascript/pull/114). The
 * driver's pass comes every 100 ms: reading every running attempt at each would ask a vendor
 * 600 times a minute per attempt, against rate limits it sets per account.
 */
export const STATUS_READ_GAP_MS = 500;

export interface VendorAnswer {
  readonly status: number;
  /** The parsed JSON body, or undefined when it is not JSON (or too large). */
  readonly json: unknown;
  readonly text: string;
  /** A 429's Retry-After (seconds or an HTTP date), in ms from the answer; absent when it has none or it is unreadable. */
  readonly retryAfterMs?: number;
}

/** A 429 answer's `rateLimited` (ProviderStatus): the vendor's Retry-After when it gave one. */
export const rateLimitOf = (answer: VendorAnswer): { retryAfterMs?: number } => (answer.retryAfterMs !== undefined ? { retryAfterMs: answer.retryAfterMs } : {});

/** Retry-After as seconds (`120`) or an HTTP date, in ms from `now`; undefined when unreadable. */
export function retryAfterMsOf(value: string | string[] | undefined, now: number): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(text)) return Number(text) * 1000;
  // An HTTP date names its day and month ("Sun, 06 Nov 1994 08:49:37 GMT"); no other text is one.
  if (!/[a-z]{3}/i.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export interface VendorCall {
  readonly dispatcher: Dispatcher;
  readonly origin: string;
  readonly timeoutMs: number;
  /** Largest answer read (default MAX_ANSWER_BYTES): an answer that carries the images themselves needs more. */
  readonly maxAnswerBytes?: number;
}

/** A network failure, a timeout or an unreadable answer: nothing was learned. */
export class VendorUnreachable extends Error {}

export async function callVendor(
  call: VendorCall,
  method: "GET" | "POST" | "PUT",
  url: string,
  headers: Readonly<Record<string, string>>,
  body?: unknown,
  /** Ends the call early (the caller gave it up). */
  cancelled?: AbortSignal,
): Promise<VendorAnswer> {
  if (new URL(url).origin !== call.origin) throw new Error(`refusing to send a vendor key to ${new URL(url).origin}`);
  // The whole call, its answer read to the end, within timeoutMs: not only each wait for a chunk.
  const deadline = callDeadline(call.timeoutMs, cancelled);
  try {
    return await answerOf(call, method, url, headers, body, deadline.signal);
  } finally {
    deadline.done();
  }
}

async function answerOf(
  call: VendorCall,
  method: "GET" | "POST" | "PUT",
  url: string,
  headers: Readonly<Record<string, string>>,
  body: unknown,
  signal: AbortSignal,
): Promise<VendorAnswer> {
  let response: Dispatcher.ResponseData;
  try {
    response = await request(url, {
      method,
      dispatcher: call.dispatcher,
      headersTimeout: call.timeoutMs,
      bodyTimeout: call.timeoutMs,
      signal,
      headers: { accept: "application/json", ...headers, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch (error) {
    throw new VendorUnreachable(`${method} ${url}: ${(error as Error).message}`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const max = call.maxAnswerBytes ?? MAX_ANSWER_BYTES;
  try {
    for await (const chunk of response.body as AsyncIterable<Buffer>) {
      size += chunk.byteLength;
      if (size > max) break;
      chunks.push(chunk);
    }
  } catch (error) {
    throw new VendorUnreachable(`${method} ${url}: ${(error as Error).message}`);
  }
  const retryAfterMs = response.statusCode === 429 ? retryAfterMsOf(response.headers["retry-after"], Date.now()) : undefined;
  const rest = retryAfterMs !== undefined ? { retryAfterMs } : {};
  if (size > max) return { status: response.statusCode, json: undefined, text: `(an answer over ${max} bytes)`, ...rest };
  const text = Buffer.concat(chunks).toString("utf8");
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.statusCode, json, text, ...rest };
}

/** The vendor's own words for an error answer, bounded. */
export function vendorMessage(answer: VendorAnswer): string {
  const body = answer.json as { detail?: unknown; error?: unknown; message?: unknown; title?: unknown } | undefined;
  const pick = (value: unknown): string | undefined => {
    if (typeof value === "string") return value;
    if (Array.isArray(value)) return value.map((v) => (typeof v === "object" && v && "msg" in v ? String((v as { msg: unknown }).msg) : JSON.stringify(v))).join("; ");
    if (value && typeof value === "object" && "message" in value) return String((value as { message: unknown }).message);
    return undefined;
  };
  const message = pick(body?.detail) ?? pick(body?.error) ?? pick(body?.message) ?? pick(body?.title) ?? (answer.text.slice(0, 200) || `HTTP ${answer.status}`);
  return message.slice(0, 500);
}

/**
 * What a non-2xx answer means for the attempt: `undefined` for "ask again later" (5xx), else a
 * failed status (retryable on another account, or final with the vendor's message).
 */
export function failureOf(vendor: string, answer: VendorAnswer): ProviderStatus | undefined {
  const status = answer.status;
  if (status >= 500) return undefined;
  if (status === 429) return { state: "failed", error: `${vendor} is rate limiting this account (429): ${vendorMessage(answer)}`, retryable: true, rateLimited: rateLimitOf(answer) };
  // The vendor's words about the account (OpenAI's name part of the key) stay out of the task's error, which its client reads.
  if (status === 401 || status === 403 || status === 402) return { state: "failed", error: `${vendor} refused this account (${status})`, retryable: true };
  return { state: "failed", error: `${vendor} refused the request (${status}): ${vendorMessage(answer)}`, retryable: false };
}

/** The longest a 429's Retry-After holds back the next status read of a job (its task's clocks go on meanwhile). */
export const READ_AFTER_MAX_MS = 60_000;

/**
 * What a non-2xx answer to a status or result request of a job the vendor holds means: 5xx, ask
 * again at the next poll (the job goes on); 429, the same, not before its Retry-After (at most
 * READ_AFTER_MAX_MS); 401/402/403, this account can no longer reach its job (retryable: the
 * driver asks the vendor to cancel it and requeues the task elsewhere); any other, the vendor's
 * final word on the job.
 */
export function pollFailureOf(vendor: string, answer: VendorAnswer): ProviderStatus | undefined {
  if (answer.status !== 429) return failureOf(vendor, answer);
  return answer.retryAfterMs !== undefined ? { state: "running", progress: 0, readAfterMs: Math.min(READ_AFTER_MAX_MS, answer.retryAfterMs) } : undefined;
}

/** A 2xx answer that is not what the protocol says: the attempt fails, another account may retry. */
export const garbage = (vendor: string, what: string): ProviderStatus => ({ state: "failed", error: `${vendor} answered something that is not ${what}`, retryable: true });

/** The key of pool account `account` (1-based) among a vendor's keys. */
export const keyFor = (keys: readonly string[], account: number): string => keys[(Math.max(1, account) - 1) % keys.length]!;
