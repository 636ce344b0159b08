import { timingSafeEqual } from "node:crypto";
import { authenticateKey, bearerToken, type Authentication } from "../http/auth.ts";
import type { AuthThrottle } from "../http/auth-throttle.ts";
import { clientAddress, originOf, type OriginHeaders } from "../http/origin.ts";
import type { GatewayServices } from "../services/gateway-services.ts";
import type { ApiKeyRecord } from "../services/keys.ts";
import type { SubscriptionSharing } from "./plugins/shared-subscriptions.ts";
import { authThrottledError } from "./transports/auth-throttled.ts";

/**
 * What resolvers below a subscription field may read of the context: subscription results are
 * computed once per audience (these three fields) and shared by its subscribers
 * (src/graphql/plugins/shared-subscriptions.ts), which execute with a context of these alone.
 */
export interface CallerContext {
  /** The caller's API key, when one was presented and is valid. */
  readonly key: ApiKeyRecord | null;
  /** True when the request carried GATEAI_ADMIN_TOKEN. */
  readonly isAdmin: boolean;
  /** Origin for absolute result URLs (GATEAI_PUBLIC_URL, else the request's). */
  readonly baseUrl: string;
}

export interface GraphQLContext extends CallerContext {
  readonly services: GatewayServices;
  /** This server's shared subscription state: what a subscription's source streams share. */
  readonly sharing: SubscriptionSharing;
}

/** What a request says about its caller, whatever carried it (HTTP headers, connectionParams). */
export interface CallerHeaders {
  /** `Bearer <key>` (src/http/auth.ts), or the admin token as a bearer. */
  readonly authorization?: unknown;
  readonly adminToken?: unknown;
  /** The headers the origin of result URLs (and, behind a trusted proxy, the client's address) is read from (src/http/origin.ts). */
  readonly headers: OriginHeaders;
  /** The connection's peer address, for the failed-authentication throttle. */
  readonly peer?: string | undefined;
  /** Set by graphql-ws: a caller held back by the throttle is anonymous there, not an HTTP 429. */
  readonly overWebSocket?: boolean;
}

const sameSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

const firstString = (value: unknown): string | undefined => {
  const first = Array.isArray(value) ? (value as unknown[])[0] : value;
  return typeof first === "string" ? first : undefined;
};

/** The client address of a caller, for the failed-authentication throttle (src/http/origin.ts). */
export const callerAddress = (source: CallerHeaders, config: GatewayServices["config"]): string =>
  clientAddress(source.headers, source.peer, config.trustProxy === true);

/**
 * Whether a caller presents credentials the throttle must look at before anything runs: a bearer
 * or admin token that is not a key the cache knows to be valid. The GraphQL HTTP face answers 429
 * at once when such a caller's address is throttled (src/graphql/server.ts).
 */
export function presentsUnknownCredentials(source: CallerHeaders, keys: GatewayServices["keys"]): boolean {
  if (firstString(source.adminToken) !== undefined) return true;
  const token = bearerToken(source.authorization);
  return token !== undefined && !keys.authenticateCached(token) && !keys.validLately(token);
}

/** Builds the context of each GraphQL request of one server. */
export function contextFactory(services: GatewayServices, sharing: SubscriptionSharing, throttle: AuthThrottle) {
  const adminToken = services.config.adminToken;
  /**
   * The caller, from an Authorization header (HTTP, SSE) or graphql-ws
   * `connectionParams.authorization`, by the rule REST uses (src/http/auth.ts). The admin token
   * may come as `x-admin-token` or as the bearer itself. A wrong key or admin token counts against
   * the client's address (src/http/auth-throttle.ts); once it is throttled, credentials other than
   * a key the cache knows (or one valid lately) are not looked at: over HTTP the answer is 429
   * (the edge's, or the one thrown here for a key held back past it), over graphql-ws the caller is
   * anonymous (Unauthorized, Forbidden).
   */
  return function buildContext(source: CallerHeaders): GraphQLContext | Promise<GraphQLContext> {
    const token = bearerToken(source.authorization);
    const adminHeader = firstString(source.adminToken);
    const baseUrl = originOf(source, services.config);
    const anonymous = (): GraphQLContext => ({ services, sharing, key: null, isAdmin: false, baseUrl });
    if (token === undefined && adminHeader === undefined) return anonymous();
    // A key the cache knows needs no promise (Yoga takes a context that is not one) and no address.
    const known = token !== undefined && adminHeader === undefined ? services.keys.authenticateCached(token) : undefined;
    if (known) return { services, sharing, key: known, isAdmin: false, baseUrl };

    const address = callerAddress(source, services.config);
    // A throttled address's admin token is not compared; its key is left to authenticateKey, the
    // one rule of which keys a throttled address may still have looked up.
    const throttled = throttle.retryAfterMs(address) > 0;
    if (throttled && adminHeader !== undefined) return anonymous();
    const presentedAdmin = adminHeader ?? token;
    const isAdmin = !throttled && adminToken !== undefined && presentedAdmin !== undefined && sameSecret(presentedAdmin, adminToken);
    if (isAdmin) return { services, sharing, key: null, isAdmin, baseUrl };
    // A wrong x-admin-token is a failed authentication (when admin operations are enabled).
    if (adminHeader !== undefined && adminToken !== undefined) throttle.failed(address);
    if (token === undefined) return anonymous();
    const withKey = (outcome: Authentication): GraphQLContext => {
      // Held back after the edge's check (its lookups under way at their bound, say): over HTTP the
      // same 429 the edge answers, not a valid key taken for a wrong one.
      if (outcome.kind === "throttled" && source.overWebSocket !== true) throw authThrottledError(outcome.retryAfterMs);
      return { services, sharing, key: outcome.kind === "key" ? outcome.key : null, isAdmin: false, baseUrl };
    };
    const outcome = authenticateKey(services.keys, throttle, token, address);
    return outcome instanceof Promise ? outcome.then(withKey) : withKey(outcome);
  };
}
