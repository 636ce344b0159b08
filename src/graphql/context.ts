import { timingSafeEqual } from "node:crypto";
import type { GatewayServices } from "../services/gateway-services.ts";
import type { ApiKeyRecord } from "../services/keys.ts";

export interface GraphQLContext {
  readonly services: GatewayServices;
  /** The caller's API key, when one was presented and is valid. */
  readonly key: ApiKeyRecord | null;
  /** True when the request carried GATEAI_ADMIN_TOKEN. */
  readonly isAdmin: boolean;
  /** Origin for absolute result URLs (GATEAI_PUBLIC_URL, else the request's). */
  readonly baseUrl: string;
}

/** What a request says about its caller, whatever carried it (HTTP headers, connectionParams). */
export interface CallerHeaders {
  readonly authorization?: string | null;
  readonly adminToken?: string | null;
  readonly origin: string;
}

const bearer = (value: string | null | undefined): string | undefined => {
  if (!value) return undefined;
  const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(value);
  return match ? match[1] : value.trim() || undefined;
};

const sameSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * The caller, from an Authorization header (HTTP, SSE) or graphql-ws `connectionParams.authorization`.
 * The admin token may come as `x-admin-token` or as the bearer itself.
 */
export function buildContext(services: GatewayServices, source: CallerHeaders): GraphQLContext | Promise<GraphQLContext> {
  const token = bearer(source.authorization);
  const adminToken = services.config.adminToken;
  const presentedAdmin = source.adminToken ?? token;
  const isAdmin = adminToken !== undefined && presentedAdmin !== undefined && presentedAdmin !== null && sameSecret(presentedAdmin, adminToken);
  const baseUrl = services.config.publicUrl ?? source.origin;
  if (!token || isAdmin) return { services, key: null, isAdmin, baseUrl };
  // A key the cache knows needs no promise (Yoga takes a context that is not one).
  const known = services.keys.authenticateCached(token);
  if (known !== undefined) return { services, key: known, isAdmin, baseUrl };
  return services.keys.authenticate(token).then((key) => ({ services, key, isAdmin, baseUrl }));
}

/** "https://host" from a request's URL and forwarding headers. */
export function originOf(url: string, headers: { get(name: string): string | null }): string {
  const parsed = new URL(url);
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || parsed.protocol.replace(":", "");
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host") || parsed.host;
  return `${proto}://${host}`;
}
