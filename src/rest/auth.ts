import type { IncomingMessage, ServerResponse } from "node:http";
import { bearerToken } from "../http/auth.ts";
import { unauthorized } from "../services/errors.ts";
import type { KeyService, ApiKeyRecord } from "../services/keys.ts";
import { errorBody, sendJson, statusOf } from "./respond.ts";
import type { AuthenticatedExchange, AuthenticatedHandler, Handler, RestExchange } from "./route.ts";

/** The key of `Authorization: Bearer sk-...` (the rule both faces share: src/http/auth.ts). */
export const bearerKey = (req: IncomingMessage): string | undefined => bearerToken(req.headers.authorization);

const send401 = (res: ServerResponse): void =>
  sendJson(res, statusOf("UNAUTHORIZED"), errorBody(unauthorized()), { "www-authenticate": 'Bearer realm="gateai"' });

/** The key's record, or null after answering 401 itself. The key is never echoed or logged. */
export async function authenticateOr401(keys: KeyService, rawKey: string | undefined, res: ServerResponse): Promise<ApiKeyRecord | null> {
  const record = rawKey ? await keys.authenticate(rawKey) : null;
  if (!record) send401(res);
  return record;
}

// Spelled out rather than `{ ...exchange, key }`: V8 (Node 20) gives each object built that way a
// hidden class of its own (test/source/object-literals.test.ts), and handlers read this one.
const withKey = ({ req, res, path, tail }: RestExchange, key: ApiKeyRecord): AuthenticatedExchange => ({ req, res, path, tail, key });

/**
 * Wraps a handler that needs the caller's key from the Authorization header. A key the cache
 * knows is answered without waiting: this runs on every authenticated request.
 */
export const withBearerKey =
  (keys: KeyService, handler: AuthenticatedHandler): Handler =>
  (exchange) => {
    const rawKey = bearerKey(exchange.req);
    const known = rawKey ? keys.authenticateCached(rawKey) : null;
    if (known === undefined)
      return authenticateOr401(keys, rawKey, exchange.res).then((key) => (key ? handler(withKey(exchange, key)) : undefined));
    if (known === null) {
      send401(exchange.res);
      return Promise.resolve();
    }
    return handler(withKey(exchange, known));
  };
