import { timingSafeEqual } from "node:crypto";
import { bearerToken } from "../http/auth.ts";
import { originOf, type OriginHeaders } from "../http/origin.ts";
import type { GatewayServices } from "../services/gateway-services.ts";
import type { ApiKeyRecord } from "../services/keys.ts";
import type { SubscriptionSharing } from "./plugins/shared-subscriptions.ts";

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
  /** The headers the origin of result URLs is read from (src/http/origin.ts). */
  readonly headers: OriginHeaders;
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

/** Builds the context of each GraphQL request of one server. */
export function contextFactory(services: GatewayServices, sharing: SubscriptionSharing) {
  const adminToken = services.config.adminToken;
  /**
   * The caller, from an Authorization header (HTTP, SSE) or graphql-ws
   * `connectionParams.authorization`, by the rule REST uses (src/http/auth.ts). The admin token
   * may come as `x-admin-token` or as the bearer itself.
   */
  return function buildContext(source: CallerHeaders): GraphQLContext | Promise<GraphQLContext> {
    const token = bearerToken(source.authorization);
    const presentedAdmin = firstString(source.adminToken) ?? token;
    const isAdmin = adminToken !== undefined && presentedAdmin !== undefined && sameSecret(presentedAdmin, adminToken);
    const baseUrl = originOf(source, services.config);
    if (!token || isAdmin) return { services, sharing, key: null, isAdmin, baseUrl };
    // A key the cache knows needs no promise (Yoga takes a context that is not one).
    const known = services.keys.authenticateCached(token);
    if (known !== undefined) return { services, sharing, key: known, isAdmin, baseUrl };
    return services.keys.authenticate(token).then((key) => ({ services, sharing, key, isAdmin, baseUrl }));
  };
}
