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
 * else the key is looked up, counted among the address's lookups under way: an address may have
 * no more out at once than its tokens plus LOOKUPS_BEYOND_TOKENS, so wrong keys sent at once
 * cannot each be looked up on a bucket that only their answers would empty, and a wrong key found
 * spends its token when the answer comes (into debt if need be).
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
  if (wait > 0 && !keys.validLately(rawKey)) return { kind: "throttled", retryAfterMs: wait };
  if (known === null) {
    if (wait === 0) throttle.failed(address);
    return REFUSED;
  }
  // Counted among the address's lookups under way; else held back (no token left, or as many
  // lookups out as the address may have): a key valid lately is still looked up, outside the
  // count, so a legitimate client behind an address another client fails from keeps working; any
  // other waits for the address.
  const counted = wait === 0 && throttle.take(address);
  if (!counted && wait === 0 && !keys.validLately(rawKey)) return { kind: "throttled", retryAfterMs: LOOKUP_WAIT_MS };
  // Called inside the promise: a lookup that throws at once still has its answer counted.
  return Promise.resolve(rawKey)
    .then((raw) => keys.authenticate(raw))
    .then(
      (key) => {
        if (counted) throttle.settled(address, key !== null);
        else if (!key) throttle.failed(address);
        return key ? ({ kind: "key", key } as const) : REFUSED;
      },
      (error: unknown) => {
        // No answer counts as a wrong key: a store that fails must not make lookups free.
        if (counted) throttle.settled(address, false);
        throw error;
      },
    );
}

/** The Retry-After of a lookup refused for the address's lookups under way: about when they have their answers. */
const LOOKUP_WAIT_MS = 1_000;
