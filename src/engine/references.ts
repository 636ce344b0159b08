/**
 * What a media reference may be, as pure functions: an https URL (parsed once, and forwarded in
 * its WHATWG serialization), a `data:<type>;base64,` URI, or an upload id (returned by
 * POST /api/upload); which addresses a URL may point at; and where in a request's params the
 * references are (the catalog's `ParamSpec.media` marks, see `ModelProfile.media`).
 * Resolving hosts and looking up uploads is the services' part (src/services/references.ts).
 */
import ipaddr from "ipaddr.js";
import type { MediaKind, ParamMedia } from "../catalog/types.ts";
import type { ParamIssue } from "./errors.ts";

const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATA_URI = /^data:([a-z]+)\/([a-z0-9.+-]+)(?:;[a-z0-9-]+=[^;,]+)*;base64,([a-z0-9+/]*=*)$/i;

/** Longest header of a data: URI (`data:<type>/<subtype>[;<parameter>=<value>]*;base64`), before its comma. */
export const MAX_DATA_URI_HEADER = 512;
/** Longest accepted reference URL. */
export const MAX_URL_LENGTH = 4096;
/** Most references one request may carry (each URL's host is resolved before acceptance). */
export const MAX_REFERENCES = 64;
/** Deepest nesting of arrays and objects walked inside one param. */
export const MAX_REFERENCE_DEPTH = 8;

export const isUploadId = (value: unknown): value is string => typeof value === "string" && UPLOAD_ID.test(value);

export type ParsedUrl = { readonly ok: true; readonly url: URL; readonly href: string } | { readonly ok: false; readonly reason: string };

/**
 * An https reference URL, parsed once; `href` (the WHATWG serialization) is what is stored and
 * forwarded, never the string as sent. Refused: anything but `https://` at the very start,
 * whitespace or control characters anywhere (parsers disagree on stripping them), backslashes
 * (WHATWG reads `\` as `/` in https URLs, other parsers do not: `https://8.8.8.8\@127.0.0.1/`),
 * credentials or any `@` in the authority, and URLs over MAX_URL_LENGTH.
 */
export function parseReferenceUrl(value: string): ParsedUrl {
  const fail = (reason: string): ParsedUrl => ({ ok: false, reason });
  if (value.length > MAX_URL_LENGTH) return fail(`is longer than ${MAX_URL_LENGTH} characters`);
  if (/[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/.test(value))
    return fail("must not contain spaces or control characters (an https URL, a data: URI or an upload id)");
  if (value.includes("\\")) return fail("must not contain a backslash");
  if (!/^https:\/\//i.test(value)) return fail("must be an https URL (https://host/path), a data: URI or an upload id");
  const authority = value.slice("https://".length).split(/[/?#]/, 1)[0]!;
  if (authority.includes("@")) return fail("must not carry credentials (user:password@)");
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail("is not a valid URL");
  }
  if (url.protocol !== "https:" || url.username || url.password || !url.hostname) return fail("is not a valid https URL");
  return { ok: true, url, href: url.href };
}

/** An https URL a reference may name (syntax only: `parseReferenceUrl`). */
export function isHttpsUrl(value: unknown): value is string {
  return typeof value === "string" && parseReferenceUrl(value).ok;
}

/** The parts of a base64 `data:` URI (type and subtype in lower case), or null when it is not one. */
export function parseDataUri(value: string): { readonly type: string; readonly subtype: string; readonly base64: string } | null {
  const comma = value.indexOf(",");
  if (comma < 0 || comma > MAX_DATA_URI_HEADER) return null;
  const match = DATA_URI.exec(value);
  return match ? { type: match[1]!.toLowerCase(), subtype: match[2]!.toLowerCase(), base64: match[3]! } : null;
}

/** A base64 `data:` URI with a payload. */
export const isDataUri = (value: unknown): value is string => typeof value === "string" && (parseDataUri(value)?.base64.length ?? 0) > 0;

export const isReference = (value: unknown): value is string => isHttpsUrl(value) || isDataUri(value) || isUploadId(value);

// ---------------------------------------------------------------------------------------------
// Addresses

const isGlobalIPv4 = (ip: ipaddr.IPv4): boolean => ip.range() === "unicast";

/** The IPv4 address in the last (or given) 32 bits of an IPv6 address. */
const embeddedIPv4 = (high: number, low: number): ipaddr.IPv4 => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);

function isGlobalIPv6(ip: ipaddr.IPv6): boolean {
  const p = ip.parts;
  switch (ip.range() as string) {
    // ::ffff:a.b.c.d (IPv4-mapped) and ::ffff:0:a.b.c.d (IPv4-translated): the IPv4 address decides.
    case "ipv4Mapped":
      return isGlobalIPv4(ip.toIPv4Address());
    case "rfc6145":
      return isGlobalIPv4(embeddedIPv4(p[6]!, p[7]!));
    // NAT64: the well-known prefix 64:ff9b::/96 embeds the IPv4 address; 64:ff9b:1::/48 is local use.
    case "rfc6052":
      return p[1] === 0xff9b && p[2] === 0 && p[3] === 0 && p[4] === 0 && p[5] === 0 && isGlobalIPv4(embeddedIPv4(p[6]!, p[7]!));
    // 6to4 (2002:AABB:CCDD::/48) routes to the IPv4 address AA.BB.CC.DD.
    case "6to4":
      return isGlobalIPv4(embeddedIPv4(p[1]!, p[2]!));
    // Global unicast is 2000::/3; what ipaddr.js calls unicast outside it (::a.b.c.d IPv4-compatible,
    // the rest of ::/8, unassigned space) is not.
    case "unicast":
      return (p[0]! & 0xe000) === 0x2000;
    // Loopback, unspecified, link-local, unique-local, site-local (fec0::/10), multicast, Teredo,
    // documentation, benchmarking, ORCHID, discard, segment routing...
    default:
      return false;
  }
}

/**
 * True for every address a reference or a download must never reach: anything but global
 * unicast (ipaddr.js `range()`), IPv4 and IPv6; IPv6 forms that embed an IPv4 address
 * (IPv4-mapped, IPv4-translated, NAT64, 6to4) are judged by that address; IPv4-compatible
 * (`::a.b.c.d`), Teredo and zoned addresses, and anything that is not an address, are refused.
 * Brackets around an IPv6 literal are allowed. IPv4 must be dotted decimal (URL hosts and
 * resolver answers always are).
 */
export function isBlockedAddress(address: string): boolean {
  const host = address.startsWith("[") && address.endsWith("]") ? address.slice(1, -1) : address;
  if (ipaddr.IPv4.isValidFourPartDecimal(host)) return !isGlobalIPv4(ipaddr.IPv4.parse(host));
  if (host.includes("%") || !host.includes(":")) return true;
  // ipaddr.js reads any dotted tail as IPv4-mapped (`::8.8.8.8` as `::ffff:8.8.8.8`): spell the
  // tail in hex first, so that `::a.b.c.d` stays the IPv4-compatible address it is.
  const dotted = /^(.*:)(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  let text = host;
  if (dotted) {
    const [a, b, c, d] = dotted.slice(2).map(Number) as [number, number, number, number];
    if (a > 255 || b > 255 || c > 255 || d > 255) return true;
    text = `${dotted[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  if (!ipaddr.IPv6.isValid(text)) return true;
  return !isGlobalIPv6(ipaddr.IPv6.parse(text));
}

// ---------------------------------------------------------------------------------------------
// Where the references of a request are

/** A reference's kind, or "media" where the catalog names none (any image, video or audio). */
export type ReferenceKind = MediaKind | "media";

export interface FoundReference {
  /** Where it is, for messages: `image_guidances[0].image_url`. */
  readonly field: string;
  /** The same as keys, for rewriting it. */
  readonly path: readonly (string | number)[];
  readonly value: string;
  readonly kind: ReferenceKind;
}

/** A string that reads as a link: a scheme (`x:`), a slash or a backslash, ignoring leading blanks. */
const LOOKS_LIKE_LINK = /^[\s\u0000-\u001f]*[a-z][a-z0-9+.-]*:|[/\\]/i;

const fieldName = (parent: string, key: string | number): string =>
  typeof key === "number" ? `${parent}[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;

/**
 * Every reference in `params`, by the profile's media marks: each string at a marked place (the
 * value, an array's strings, a named field of an object), and every other string inside a
 * marked param that reads as a link. Params without a mark are not looked into. At most
 * MAX_REFERENCES references and MAX_REFERENCE_DEPTH levels, else an issue naming the bound.
 */
export function findReferences(
  media: ReadonlyMap<string, ParamMedia>,
  params: Readonly<Record<string, unknown>>,
): { readonly references: readonly FoundReference[]; readonly issues: readonly ParamIssue[] } {
  const references: FoundReference[] = [];
  const issues: ParamIssue[] = [];
  for (const [name, mark] of media) {
    if (!Object.prototype.hasOwnProperty.call(params, name)) continue;
    const fallback: ReferenceKind = mark.value ?? "media";
    const visit = (value: unknown, field: string, path: (string | number)[], depth: number, kind: MediaKind | undefined): boolean => {
      if (typeof value === "string") {
        if (kind === undefined && !LOOKS_LIKE_LINK.test(value)) return true;
        if (references.length === MAX_REFERENCES) {
          issues.push({ field, reason: `is one reference too many: at most ${MAX_REFERENCES} references per request` });
          return false;
        }
        references.push({ field, path, value, kind: kind ?? fallback });
        return true;
      }
      if (typeof value !== "object" || value === null) return true;
      if (depth === MAX_REFERENCE_DEPTH) {
        issues.push({ field, reason: `is nested deeper than ${MAX_REFERENCE_DEPTH} levels` });
        return false;
      }
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!visit(value[i], fieldName(field, i), [...path, i], depth + 1, kind)) return false;
        return true;
      }
      for (const key of Object.keys(value)) {
        const fieldKind = mark.fields && Object.prototype.hasOwnProperty.call(mark.fields, key) ? mark.fields[key] : undefined;
        if (!visit((value as Record<string, unknown>)[key], fieldName(field, key), [...path, key], depth + 1, fieldKind)) return false;
      }
      return true;
    };
    if (!visit(params[name], name, [name], 0, mark.value)) break;
  }
  return { references, issues };
}

const setOwn = (target: Record<string | number, unknown>, key: string | number, value: unknown): void => {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
};

/**
 * `params` with the strings at these paths replaced (the containers on each path copied, the
 * rest shared); `params` itself when there is nothing to replace.
 */
export function replaceAt<T extends Readonly<Record<string, unknown>>>(params: T, changes: readonly { readonly path: readonly (string | number)[]; readonly value: string }[]): T {
  if (!changes.length) return params;
  const root: Record<string | number, unknown> = { ...params };
  const copies = new WeakSet<object>([root]);
  for (const { path, value } of changes) {
    let node = root;
    for (let i = 0; i < path.length - 1; i++) {
      const key = path[i]!;
      let child = node[key] as Record<string | number, unknown>;
      if (!copies.has(child)) {
        child = Array.isArray(child) ? ([...child] as unknown as Record<number, unknown>) : { ...child };
        copies.add(child);
        setOwn(node, key, child);
      }
      node = child;
    }
    setOwn(node, path[path.length - 1]!, value);
  }
  return root as T;
}
