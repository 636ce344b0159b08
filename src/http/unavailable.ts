/**
 * A request that failed because a backing service (PostgreSQL, embedded PGlite or Redis) is down
 * answers 503 SERVICE_UNAVAILABLE with Retry-After, on both faces, instead of a 500: the client
 * should retry, nothing was charged (the charge is a database statement, and a request the
 * limiter cannot admit is refused before it) unless the charge was sent and its answer lost
 * (`unavailableAnswer` names the task then), and the gateway recovers by itself when the service
 * is back (the pools reconnect; PGlite's worker is started again on its data directory).
 *
 * The errors are recognised by their shape, without importing the drivers: ioredis rejects a
 * command after `maxRetriesPerRequest` reconnection attempts with MaxRetriesPerRequestError, or
 * with "Connection is closed." (https://github.com/redis/ioredis#auto-reconnect); node-postgres
 * passes socket errors (ECONNREFUSED...) and PostgreSQL's class 08 (connection exception), 53
 * (insufficient resources: too many connections, out of memory, disk full, a configured limit
 * reached; PGlite answers a query its WebAssembly heap cannot hold with 53200) and 57P (operator
 * intervention: shutdown, starting up) SQLSTATEs
 * (https://www.postgresql.org/docs/15/errcodes-appendix.html): the statement did not run, and the
 * condition is the server's, not the request's. Prisma's driver adapters wrap those
 * as `meta.driverAdapterError.cause` (kind DatabaseNotReachable, or the SQLSTATE in `code`).
 * The S3-compatible file store (AWS SDK v3, whose service errors carry `$metadata` and `$fault`,
 * https://docs.aws.amazon.com/AWSJavaScriptSDK/v3/latest/Package/-aws-sdk-client-s3/): a server
 * fault (5xx, SlowDown), or a refusal of the gateway's own credentials or bucket
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html): the operator's
 * configuration or the store, never the request, so the file or upload is unavailable for now.
 */

/** Seconds a client should wait before retrying: about how long a restarting service takes. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

export const UNAVAILABLE_MESSAGE = "A backing service (database, Redis or file store) is unavailable; nothing was charged. Retry later.";

/**
 * How a request that failed for a backing service is answered: UNAVAILABLE_MESSAGE, unless a
 * generation's charge had been sent when it failed (services/errors.ts ChargeOutcomeUnknown, known
 * here by its name: http imports no service code): the task may exist, and its id says.
 */
export function unavailableAnswer(error: unknown): { readonly message: string; readonly taskId?: string } {
  for (let e: unknown = error, depth = 0; typeof e === "object" && e !== null && depth <= 5; e = (e as { cause?: unknown; originalError?: unknown }).cause ?? (e as { originalError?: unknown }).originalError, depth++) {
    const found = e as { name?: unknown; taskId?: unknown };
    if (found.name === "ChargeOutcomeUnknown" && typeof found.taskId === "string")
      return {
        message: `A backing service failed after this generation was sent to be charged: it may have been accepted. GET /get/${found.taskId} says once the database has finished the statement (it may still commit after this answer); a retry with the same Idempotency-Key gets its answer, whichever it was.`,
        taskId: found.taskId,
      };
  }
  return { message: UNAVAILABLE_MESSAGE };
}

const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
const UNREACHABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const MESSAGES =
  /Connection is closed|Reached the max retries per request limit|Stream isn't writeable|Connection terminated|Can't reach database server|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command|Client has encountered a connection error|timeout exceeded when trying to connect/;

const isSqlStateUnavailable = (code: unknown) => typeof code === "string" && /^(08|53|57P0[1-3])/.test(code);

/** Errors named for a backing service that is down: ioredis's, and embedded PGlite's while its worker is dead (adapters/postgres/pglite-thread.ts). */
const UNAVAILABLE_NAMES = new Set(["MaxRetriesPerRequestError", "PgliteUnavailableError"]);

/**
 * S3 errors that refuse the gateway's credentials, clock, region or bucket (403, 400, 301, 404
 * NoSuchBucket), and the SDK's own connection timeout (TimeoutError, with the retries' `$metadata`).
 */
const FILE_STORE_REFUSALS = new Set([
  "AccessDenied", "AllAccessDisabled", "InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken", "InvalidToken", "TokenRefreshRequired",
  "RequestTimeTooSkewed", "AuthorizationHeaderMalformed", "PermanentRedirect", "NoSuchBucket", "TimeoutError",
]);

const isFileStoreUnavailable = (error: Record<string, unknown>) =>
  typeof error.$metadata === "object" && error.$metadata !== null && (error.$fault === "server" || FILE_STORE_REFUSALS.has(String(error.name)));

function looksUnavailable(error: Record<string, unknown>): boolean {
  if (UNAVAILABLE_NAMES.has(String(error.name)) || isFileStoreUnavailable(error)) return true;
  if (SOCKET_CODES.has(String(error.code)) || isSqlStateUnavailable(error.code)) return true;
  const adapter = (error.meta as { driverAdapterError?: { cause?: Record<string, unknown> } } | undefined)?.driverAdapterError?.cause;
  if (adapter && (UNREACHABLE_KINDS.has(String(adapter.kind)) || isSqlStateUnavailable(adapter.code) || isSqlStateUnavailable(adapter.originalCode))) return true;
  return typeof error.message === "string" && MESSAGES.test(error.message);
}

/** Whether `error` (or an error it wraps: `cause`, AggregateError's `errors`) says a backing service is unreachable. */
export function isServiceUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== "object" || error === null) return false;
  const e = error as Record<string, unknown>;
  // A charge whose outcome is unknown is answered with its task id whatever failed under it.
  if (looksUnavailable(e) || e.name === "ChargeOutcomeUnknown") return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isServiceUnavailable(inner, depth + 1))) return true;
  // GraphQL wraps a resolver's error as originalError.
  return isServiceUnavailable(e.cause, depth + 1) || isServiceUnavailable(e.originalError, depth + 1);
}
