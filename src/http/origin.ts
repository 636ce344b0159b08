import type { IncomingMessage } from "node:http";
import type { Config } from "../app/config.ts";

const firstValue = (header: string | string[] | undefined): string | undefined => {
  const value = Array.isArray(header) ? header[0] : header;
  const first = value?.split(",")[0]?.trim();
  return first ? first : undefined;
};

/**
 * The origin ("https://host") for absolute URLs in answers: GATEAI_PUBLIC_URL when set (the
 * only trustworthy source behind a proxy), else what the request says about itself.
 */
export function originOf(req: IncomingMessage, config: Config): string {
  return config.publicUrl ?? requestOrigin(req.headers);
}

/** What a node request says its origin is: forwarding headers first, else its Host. */
export function requestOrigin(headers: Readonly<Record<string, string | string[] | undefined>>): string {
  const proto = firstValue(headers["x-forwarded-proto"]) ?? "http";
  const host = firstValue(headers["x-forwarded-host"]) ?? headers.host ?? "localhost";
  return `${proto}://${host}`;
}

/** Result and file paths are stored relative (/files/...): prefix them with the origin. */
export const absoluteUrl = (origin: string, path: string): string => (path.startsWith("/") ? origin + path : path);
