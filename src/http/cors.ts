/**
 * CORS, the one rule of every path the gateway serves (REST, GraphQL over HTTP, /files), applied at
 * the request edge (src/http/request-edge.ts) before a face sees the request; Yoga's own CORS is
 * off so that GraphQL answers the same way.
 *
 * The API authenticates with a bearer key (or admin token) that a browser never attaches on its
 * own, so credentialed CORS is never offered: without `Access-Control-Allow-Credentials` a
 * browser sends no cookies, and a page can only call the API with a key it was given.
 *
 * Fetch standard, CORS protocol: https://fetch.spec.whatwg.org/#http-cors-protocol
 * MDN: https://developer.mozilla.org/en-US/docs/Web/HTTP/CORS
 */

/** GATEAI_CORS_ORIGINS as configuration reads it: "*" any origin, else the listed ones (none: CORS off). */
export type CorsOrigins = "*" | readonly string[];

/** Request headers a browser may send (besides the CORS-safelisted ones). */
export const CORS_ALLOWED_HEADERS = "authorization, content-type, accept, idempotency-key, x-admin-token, x-request-id";
/** Response headers a page may read (besides the safelisted ones): each header the API answers with, Idempotent-Replayed included (a replay is no new charge). */
export const CORS_EXPOSED_HEADERS = "x-request-id, retry-after, content-length, content-range, accept-ranges, location, idempotent-replayed";
const ALLOWED_METHODS = "GET, HEAD, POST, OPTIONS";
/** Seconds a browser may cache a preflight answer. */
const MAX_AGE_SECONDS = "600";

export interface CorsRequest {
  readonly method: string | undefined;
  readonly origin: string | undefined;
  /** Access-Control-Request-Method: present only on a preflight. */
  readonly requestMethod: string | undefined;
}

export interface CorsAnswer {
  /** Headers to add to the answer (empty: the origin is not allowed or no origin was sent). */
  readonly headers: Readonly<Record<string, string>>;
  /** A preflight: answer 204 with the headers, no face sees it. */
  readonly preflight: boolean;
}

const NONE: CorsAnswer = { headers: {}, preflight: false };
const NONE_PREFLIGHT: CorsAnswer = { headers: {}, preflight: true };

/** The CORS headers for one request under `allowed`. */
export function corsAnswer(request: CorsRequest, allowed: CorsOrigins): CorsAnswer {
  const preflight = request.method === "OPTIONS" && request.origin !== undefined && request.requestMethod !== undefined;
  const origin = request.origin;
  const any = allowed === "*";
  if (origin === undefined || (!any && !allowed.includes(origin))) {
    // A listed set answers differently per origin: caches must key on it.
    if (!any && allowed.length > 0) return { headers: { vary: "Origin" }, preflight };
    return preflight ? NONE_PREFLIGHT : NONE;
  }
  const base: Record<string, string> = any
    ? { "access-control-allow-origin": "*" }
    : { "access-control-allow-origin": origin, vary: "Origin" };
  if (!preflight) return { headers: Object.assign({}, base, { "access-control-expose-headers": CORS_EXPOSED_HEADERS }), preflight };
  return {
    headers: Object.assign({}, base, { "access-control-allow-methods": ALLOWED_METHODS, "access-control-allow-headers": CORS_ALLOWED_HEADERS, "access-control-max-age": MAX_AGE_SECONDS }),
    preflight,
  };
}
