import type { ServerResponse } from "node:http";
import { authThrottledMessage } from "../../http/auth-throttle.ts";

/**
 * A throttled address's answer on the GraphQL face (src/http/auth-throttle.ts): 429 with
 * Retry-After and an error whose `extensions` say RATE_LIMITED, AUTH_FAILURES and the seconds.
 */
export function sendAuthThrottled(res: ServerResponse, retryAfterMs: number): void {
  const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const body = JSON.stringify({
    errors: [{ message: authThrottledMessage(retryAfterMs), extensions: { code: "RATE_LIMITED", reason: "AUTH_FAILURES", retryAfterSeconds } }],
  });
  res.writeHead(429, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body), "retry-after": String(retryAfterSeconds) });
  res.end(body);
}
