import type { FaceSettings } from "../services/gateway-services.ts";

/** Request headers as node parses them (a graphql-ws connection keeps only these). */
export type OriginHeaders = Readonly<{
  host?: string | undefined;
  "x-forwarded-host"?: string | string[] | undefined;
  "x-forwarded-proto"?: string | string[] | undefined;
  "x-forwarded-for"?: string | string[] | undefined;
}>;

/** What the origin rule reads of the configuration. */
export type OriginSettings = Pick<FaceSettings, "publicUrl" | "trustProxy">;

const firstValue = (header: string | string[] | undefined): string | undefined => {
  const value = Array.isArray(header) ? header[0] : header;
  const first = value?.split(",")[0]?.trim();
  return first ? first : undefined;
};

const lastValue = (header: string | string[] | undefined): string | undefined => {
  const value = Array.isArray(header) ? header.at(-1) : header;
  const last = value?.split(",").at(-1)?.trim();
  return last ? last : undefined;
};

/** A host as URLs carry it: a name or IPv4 address, or a bracketed IPv6 address, and an optional port. */
const HOST = /^(?:[\w](?:[\w-]{0,61}[\w])?(?:\.[\w](?:[\w-]{0,61}[\w])?)*\.?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;
const validHost = (host: string | undefined): string | undefined => (host !== undefined && host.length <= 255 && HOST.test(host) ? host : undefined);
const validProto = (proto: string | undefined): string | undefined => {
  const lower = proto?.toLowerCase();
  return lower === "http" || lower === "https" ? lower : undefined;
};

/**
 * The origin ("https://host") of absolute URLs in answers, the one rule of both faces (REST
 * bodies, GraphQL over HTTP, SSE and graphql-ws): GATEAI_PUBLIC_URL when set (the only
 * trustworthy source behind a proxy), else what the request says about itself.
 */
export function originOf(req: { readonly headers: OriginHeaders }, config: OriginSettings): string {
  return config.publicUrl ?? requestOrigin(req.headers, config.trustProxy === true);
}

/**
 * What a request says its origin is. With `trustProxy` (GATEAI_TRUST_PROXY=1: a proxy in front
 * sets these headers) the first X-Forwarded-Proto (else http) and the first X-Forwarded-Host
 * (else Host); without, only Host over http, since any client can send X-Forwarded-*. A host or
 * proto that is not one (`evil/path?`, `javascript`) is ignored; no usable host is `localhost`.
 */
export function requestOrigin(headers: OriginHeaders, trustProxy = false): string {
  const forwardedProto = trustProxy ? validProto(firstValue(headers["x-forwarded-proto"])) : undefined;
  const forwardedHost = trustProxy ? validHost(firstValue(headers["x-forwarded-host"])) : undefined;
  const host = forwardedHost ?? validHost(headers.host) ?? "localhost";
  return `${forwardedProto ?? "http"}://${host}`;
}

/**
 * The client's address, for per-client limits (failed authentications): the connection's peer,
 * or with `trustProxy` the address the proxy in front appended last to X-Forwarded-For (earlier
 * entries are the client's to write). IPv6 addresses count per /64 (one client usually holds a
 * whole /64), IPv4-mapped ones as IPv4.
 */
export function clientAddress(headers: OriginHeaders, peer: string | undefined, trustProxy: boolean): string {
  const forwarded = trustProxy ? lastValue(headers["x-forwarded-for"]) : undefined;
  const address = (forwarded ?? peer ?? "unknown").toLowerCase();
  if (address.startsWith("::ffff:") && address.includes(".")) return address.slice(7);
  if (!address.includes(":")) return address;
  return ipv6Prefix64(address) ?? address;
}

/** The first four groups of an IPv6 address ("2001:db8:1:2::/64"), undefined when it is not one. */
function ipv6Prefix64(address: string): string | undefined {
  const bare = address.replace(/^\[|\](?::\d+)?$/g, "").split("%")[0]!;
  const halves = bare.split("::");
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const groups = halves.length === 2 ? [...head, ...Array<string>(Math.max(0, 8 - head.length - tail.length)).fill("0"), ...tail] : head;
  if (groups.length < 4 || groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g) && !g.includes("."))) return undefined;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}

/** Result and file paths are stored relative (/files/...): prefix them with the origin. */
export const absoluteUrl = (origin: string, path: string): string => (path.startsWith("/") ? origin + path : path);
