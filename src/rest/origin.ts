import type { IncomingMessage } from "node:http";
import type { Config } from "../config/config.ts";

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
  if (config.publicUrl) return config.publicUrl;
  const proto = firstValue(req.headers["x-forwarded-proto"]) ?? "http";
  const host = firstValue(req.headers["x-forwarded-host"]) ?? req.headers.host ?? "localhost";
  return `${proto}://${host}`;
}

/** Result and file paths are stored relative (/files/...): prefix them with the origin. */
export const absoluteUrl = (origin: string, path: string): string => (path.startsWith("/") ? origin + path : path);
