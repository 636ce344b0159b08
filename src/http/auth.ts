import type { ApiKeyRecord, KeyService } from "../services/keys.ts";
import type { AuthThrottle } from "./auth-throttle.ts";

/**
 * The API key of `Authorization: Bearer <key>`, the one form both faces accept: the scheme in any
 * case (`bearer`, `BEARER`), then one token. Anything else (no header, a bare key, another scheme,
 * several words) presents no key, so REST answers 401 and GraphQL `Unauthorized`. The same rule
 * reads graphql-ws `connectionParams.authorization`. Only the first value of a repeated header
 * counts.
 */
export function bearerToken(value: unknown): string | undefined {
  const header = Array.isArray(value) ? (value as unknown[])[0] : value;
  if (typeof header !== "string") return undefined;
  return BEARER.exec(header)?.[1];
}

const BEARER = /^[ \t]*bearer[ \t]+([^\s]+)[ \t]*$/i;

/** What a request's credentials come to, by the rule both faces share (`authenticateKey`). */
export type Authentication =
  | { readonly kind: "key"; readonly key: ApiKeyRecord }
  /** No key was presented. */
  | { readonly kind: "none" }
  /** A key was presented and is not a valid one (counted as a failure of the address). */
  | { readonly kind: "refused" }
  /** The address failed too often: the key was not looked up. */
  | { readonly kind: "throttled"; readonly retryAfterMs: number };

const NONE: Authentication = { kind: "none" };
const REFUSED: Authentication = { kind: "refused" };

/**
 * The caller's API key, throttled per client address (src/http/auth-throttle.ts): a key the cache
 * knows to be valid is answered at once (no promise); otherwise, when the address has failed too
 * often, `throttled` without a lookup, unless the key was valid lately (a legitimate client
 * behind an address another client fails from keeps working once its key has left the cache);
 * else the key is looked up. A lookup takes its token from the address's bucket before it starts
 * (waiting for one that lookups still out may give back) and gives it back when the key is valid:
 * requests sent at once cannot each be looked up on a bucket that only their answers would empty,
 * nor are valid keys refused for being sent at once.
 */
export function authenticateKey(
  keys: Pick<KeyService, "authenticate" | "authenticateCached" | "validLately">,
  throttle: AuthThrottle,
  rawKey: string | undefined,
  address: string,
): Authentication | Promise<Authentication> {
  if (rawKey === undefined) return NONE;
  const known = keys.authenticateCached(rawKey);
  if (known) return { kind: "key", key: known };
  const wait = throttle.retryAfterMs(address);
  // Past the throttle, a key valid lately is looked up outside the address's bucket: its lookups
  // neither wait for the bucket nor give back what another client of the address took.
  if (wait > 0) {
    if (!keys.validLately(rawKey)) return { kind: "throttled", retryAfterMs: wait };
    if (known === null) return REFUSED;
    return keys.authenticate(rawKey).then((key) => {
      if (key) return { kind: "key", key } as const;
      throttle.failed(address);
      return REFUSED;
    });
  }
  // A key the cache knows to be wrong: a failure, no lookup.
  if (known === null) {
    throttle.failed(address);
    return REFUSED;
  }
  const lookUp = (): Promise<Authentication> =>
    keys.authenticate(rawKey).then(
      (key) => {
        throttle.settled(address, key !== null);
        return key ? ({ kind: "key", key } as const) : REFUSED;
      },
      (error: unknown) => {
        // Not an answer about the key: its token goes back, as the next lookup may succeed.
        throttle.settled(address, true);
        throw error;
      },
    );
  const took = throttle.take(address);
  if (took === true) return lookUp();
  const refused = (): Authentication => ({ kind: "throttled", retryAfterMs: Math.max(1, throttle.retryAfterMs(address)) });
  if (took === false) return refused();
  return took.then((ok) => (ok ? lookUp() : refused()));
}
