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
 * often, `throttled` without a lookup; else the key is looked up and a refusal counted.
 */
export function authenticateKey(
  keys: Pick<KeyService, "authenticate" | "authenticateCached">,
  throttle: AuthThrottle,
  rawKey: string | undefined,
  address: string,
): Authentication | Promise<Authentication> {
  if (rawKey === undefined) return NONE;
  const known = keys.authenticateCached(rawKey);
  if (known) return { kind: "key", key: known };
  const wait = throttle.retryAfterMs(address);
  if (wait > 0) return { kind: "throttled", retryAfterMs: wait };
  if (known === null) {
    throttle.failed(address);
    return REFUSED;
  }
  return keys.authenticate(rawKey).then((key) => {
    if (key) return { kind: "key", key } as const;
    throttle.failed(address);
    return REFUSED;
  });
}
