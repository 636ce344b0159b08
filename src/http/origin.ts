import type { FaceSettings } from "../services/gateway-services.ts";

/** Request headers as node parses them (a graphql-ws connection keeps only these three). */
export type OriginHeaders = Readonly<{
  host?: string | undefined;
  "x-forwarded-host"?: string | string[] | undefined;
  "x-forwarded-proto"?: string | string[] | undefined;
}>;

const firstValue = (header: string | string[] | undefined): string | undefined => {
  const value = Array.isArray(header) ? header[0] : header;
  const first = value?.split(",")[0]?.trim();
  return first ? first : undefined;
};

/**
 * The origin ("https://host") of absolute URLs in answers, the one rule of both faces (REST
 * bodies, GraphQL over HTTP, SSE and graphql-ws): GATEAI_PUBLIC_URL when set (the only
 * trustworthy source behind a proxy), else what the request says about itself.
 */
export function originOf(req: { readonly headers: OriginHeaders }, config: Pick<FaceSettings, "publicUrl">): string {
  return config.publicUrl ?? requestOrigin(req.headers);
}

/**
 * What a request says its origin is: the first X-Forwarded-Proto (else http) and the first
 * X-Forwarded-Host (else Host, else localhost).
 */
export function requestOrigin(headers: OriginHeaders): string {
  const proto = firstValue(headers["x-forwarded-proto"]) ?? "http";
  const host = firstValue(headers["x-forwarded-host"]) ?? headers.host ?? "localhost";
  return `${proto}://${host}`;
}

/** Result and file paths are stored relative (/files/...): prefix them with the origin. */
export const absoluteUrl = (origin: string, path: string): string => (path.startsWith("/") ? origin + path : path);
