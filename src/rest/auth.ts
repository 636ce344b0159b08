import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticateKey, bearerToken, type Authentication } from "../http/auth.ts";
import { authThrottledMessage, type AuthThrottle } from "../http/auth-throttle.ts";
import { clientAddress } from "../http/origin.ts";
import { unauthorized } from "../services/errors.ts";
import type { FaceSettings } from "../services/gateway-services.ts";
import type { KeyService, ApiKeyRecord } from "../services/keys.ts";
import { errorBody, sendError, sendJson, statusOf } from "./respond.ts";
import type { AuthenticatedExchange, AuthenticatedHandler, Handler, RestExchange } from "./route.ts";

/** The key of `Authorization: Bearer sk-...` (the rule both faces share: src/http/auth.ts). */
export const bearerKey = (req: IncomingMessage): string | undefined => bearerToken(req.headers.authorization);

const send401 = (res: ServerResponse): void =>
  sendJson(res, statusOf("UNAUTHORIZED"), errorBody(unauthorized()), { "www-authenticate": 'Bearer realm="gateai"' });

/** What REST authentication needs besides the key service: the shared throttle and how to read the client's address. */
export interface RestAuth {
  readonly keys: KeyService;
  readonly throttle: AuthThrottle;
  readonly config: Pick<FaceSettings, "trustProxy">;
}

/** The address failed authentication too often: 429 RATE_LIMITED (reason AUTH_FAILURES) with Retry-After. */
const send429 = (res: ServerResponse, retryAfterMs: number): void =>
  sendError(res, undefined, { code: "RATE_LIMITED", message: authThrottledMessage(retryAfterMs), reason: "AUTH_FAILURES", retryAfterMs });

const addressOf = (auth: RestAuth, req: IncomingMessage): string => clientAddress(req.headers, req.socket.remoteAddress, auth.config.trustProxy === true);

/** The key, or null after answering 401 (no key, a wrong one) or 429 (throttled) itself. */
const keyOrAnswer = (outcome: Authentication, res: ServerResponse): ApiKeyRecord | null => {
  if (outcome.kind === "key") return outcome.key;
  if (outcome.kind === "throttled") send429(res, outcome.retryAfterMs);
  else send401(res);
  return null;
};

/**
 * The key's record, or null after answering 401 (or 429 when the client's address failed
 * authentication too often, src/http/auth-throttle.ts) itself. The key is never echoed or logged.
 */
export async function authenticateOr401(auth: RestAuth, req: IncomingMessage, rawKey: string | undefined, res: ServerResponse): Promise<ApiKeyRecord | null> {
  return keyOrAnswer(await authenticateKey(auth.keys, auth.throttle, rawKey, addressOf(auth, req)), res);
}

// Spelled out rather than `{ ...exchange, key }`: V8 (Node 20) gives each object built that way a
// hidden class of its own (test/source/object-literals.test.ts), and handlers read this one.
const withKey = ({ req, res, path, tail }: RestExchange, key: ApiKeyRecord): AuthenticatedExchange => ({ req, res, path, tail, key });

/**
 * Wraps a handler that needs the caller's key from the Authorization header. A key the cache
 * knows is answered without waiting: this runs on every authenticated request.
 */
export const withBearerKey =
  (auth: RestAuth, handler: AuthenticatedHandler): Handler =>
  (exchange) => {
    const rawKey = bearerKey(exchange.req);
    // A cached valid key: no address to read, no promise.
    const known = rawKey !== undefined ? auth.keys.authenticateCached(rawKey) : undefined;
    if (known) return handler(withKey(exchange, known));
    const outcome = authenticateKey(auth.keys, auth.throttle, rawKey, addressOf(auth, exchange.req));
    if (!(outcome instanceof Promise)) {
      const key = keyOrAnswer(outcome, exchange.res);
      return key ? handler(withKey(exchange, key)) : Promise.resolve();
    }
    return outcome.then((settled) => {
      const key = keyOrAnswer(settled, exchange.res);
      return key ? handler(withKey(exchange, key)) : undefined;
    });
  };
