import type { FileStore } from "./ports/file-store.ts";
import { BlockList, isIP } from "node:net";
import type { ParamIssue } from "../engine/errors.ts";
import type { Params } from "../engine/normalize.ts";
import { INLINE_REFERENCE_ARRAYS, INLINE_REFERENCE_FIELDS, UPLOAD_ID_ARRAYS } from "../engine/profile.ts";
import type { ModelProfile } from "../engine/profile.ts";
import { isUploadId, parseDataUri } from "../engine/references.ts";

import type { HostResolver } from "./ports/host-resolver.ts";

export type { HostResolver };

export interface ReferencePolicy {
  /** Largest accepted inline (data: URI) reference, decoded. */
  readonly maxBytes: number;
  readonly resolve: HostResolver;
  /** How long a DNS lookup may take. */
  readonly resolveTimeoutMs?: number;
}

type MediaKind = "image" | "video" | "audio";

/** A plain boolean (not a type guard), so the other branch keeps `string`. */
const isUpload = (value: string): boolean => isUploadId(value);

/** Addresses a reference must never point at: loopback, private, link-local, and the like. */
const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const)
  blocked.addSubnet(net, prefix, "ipv6");

/** True for loopback, private, link-local, unspecified, multicast (IPv4-mapped IPv6 included). */
export function isBlockedAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1]!, "ipv4");
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family === 6) return blocked.check(address, "ipv6");
  return true;
}

const kindOfField = (field: string): MediaKind => (/video/i.test(field) ? "video" : /audio/i.test(field) ? "audio" : "image");

function decodedLength(base64: string): number {
  const padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}

async function checkUrl(value: string, policy: ReferencePolicy): Promise<string | undefined> {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "is not a valid URL";
  }
  if (url.protocol !== "https:") return "must be an https URL (or a data: URI or an upload id)";
  if (url.username || url.password) return "must not carry credentials";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (host === "localhost" || host.endsWith(".localhost")) return "points at this machine (localhost)";
  let addresses: readonly string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = await Promise.race([
        policy.resolve(host),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), policy.resolveTimeoutMs ?? 3_000).unref()),
      ]);
    } catch {
      return `host ${host} could not be resolved`;
    }
  }
  if (!addresses.length) return `host ${host} could not be resolved`;
  if (addresses.some(isBlockedAddress)) return `host ${host} resolves to a loopback, private or link-local address, which is never fetched`;
  return undefined;
}

function checkDataUri(field: string, value: string, policy: ReferencePolicy): string | undefined {
  const parsed = parseDataUri(value);
  if (!parsed) return "is not a valid base64 data: URI";
  const kind = kindOfField(field);
  if (parsed.type !== kind) return `must be ${kind === "image" ? "an" : "a"} ${kind}/* file, got ${parsed.type}/${parsed.subtype}`;
  const size = decodedLength(parsed.base64);
  if (size > policy.maxBytes) return `is ${size} bytes, over the ${policy.maxBytes}-byte limit for inline references`;
  if (size === 0) return "is empty";
  return undefined;
}

/** Every (field, string) that names a reference in the params. */
function referenceValues(profile: ModelProfile, params: Params): { field: string; value: string; kind: MediaKind }[] {
  const found: { field: string; value: string; kind: MediaKind }[] = [];
  const referenceFields = new Set<string>([...INLINE_REFERENCE_FIELDS, ...INLINE_REFERENCE_ARRAYS]);
  for (const spec of profile.params.values()) if (spec.type === "reference") referenceFields.add(spec.name);
  for (const [field, value] of Object.entries(params)) {
    const strings = Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : typeof value === "string" ? [value] : [];
    const isReferenceField = referenceFields.has(field) || (profile.params.get(field)?.type === "array" && /url|image|video|audio|frame/i.test(field));
    if (!isReferenceField) continue;
    for (const s of strings) if (/^(https?:|data:)/i.test(s) || isUploadId(s)) found.push({ field, value: s, kind: kindOfField(field) });
  }
  return found;
}

/**
 * Checks every media reference of a request before it is accepted: https URLs whose host
 * resolves only to public addresses, data: URIs of the right media kind within the size limit,
 * and upload ids that exist, belong to the key and hold the right kind of media.
 */
export async function checkReferences(
  deps: { files: Pick<FileStore, "uploadTypes">; policy: ReferencePolicy },
  keyId: string,
  profile: ModelProfile,
  params: Params,
): Promise<ParamIssue[]> {
  const issues: ParamIssue[] = [];
  const uploads: { field: string; id: string; kind: MediaKind }[] = [];
  await Promise.all(
    referenceValues(profile, params).map(async ({ field, value, kind }) => {
      if (isUpload(value)) {
        uploads.push({ field, id: value, kind });
        return;
      }
      const reason = value.startsWith("data:") ? checkDataUri(field, value, deps.policy) : await checkUrl(value, deps.policy);
      if (reason) issues.push({ field, reason });
    }),
  );
  for (const name of UPLOAD_ID_ARRAYS) {
    const ids = params[name];
    if (Array.isArray(ids)) for (const id of ids) uploads.push({ field: name, id: String(id), kind: name === "videos" ? "video" : "image" });
  }
  if (uploads.length) {
    const byId = await deps.files.uploadTypes(keyId, uploads.map((u) => u.id));
    for (const upload of uploads) {
      const mediaType = byId.get(upload.id);
      if (!mediaType) issues.push({ field: upload.field, reason: `upload ${upload.id} does not exist for this key` });
      else if (!mediaType.startsWith(`${upload.kind}/`)) issues.push({ field: upload.field, reason: `upload ${upload.id} is ${mediaType}, not ${upload.kind}` });
    }
  }
  return issues.sort((a, b) => a.field.localeCompare(b.field));
}
