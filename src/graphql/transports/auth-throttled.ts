import type { ServerResponse } from "node:http";
import type { GraphQLError } from "graphql";
import { authThrottledMessage } from "../../http/auth-throttle.ts";
import { schemaGraphql } from "../support/schema-graphql.ts";

// Yoga's error handling knows an error for an answer by `instanceof` the schema's GraphQLError.
const { GraphQLError: SchemaGraphQLError } = schemaGraphql;

/** What a throttled answer's error says beside its message (both forms below). */
const throttledExtensions = (retryAfterSeconds: number) => ({ code: "RATE_LIMITED", reason: "AUTH_FAILURES", retryAfterSeconds });

/**
 * A throttled address's answer on the GraphQL face (src/http/auth-throttle.ts): 429 with
 * Retry-After and an error whose `extensions` say RATE_LIMITED, AUTH_FAILURES and the seconds.
 */
export function sendAuthThrottled(res: ServerResponse, retryAfterMs: number): void {
  const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const body = JSON.stringify({
    errors: [{ message: authThrottledMessage(retryAfterMs), extensions: throttledExtensions(retryAfterSeconds) }],
  });
  res.writeHead(429, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body), "retry-after": String(retryAfterSeconds) });
  res.end(body);
}

/**
 * The same answer as an error thrown while the context is built (a caller held back once its
 * request was past the edge's check): Yoga's result processor, and the JSON POST path as it does,
 * answer it with the status and Retry-After of its `http` extension, then drop that extension.
 */
export function authThrottledError(retryAfterMs: number): GraphQLError {
  const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new SchemaGraphQLError(authThrottledMessage(retryAfterMs), {
    extensions: Object.assign(throttledExtensions(retryAfterSeconds), { http: { status: 429, headers: { "retry-after": String(retryAfterSeconds) } } }),
  });
}
