import type { FileStore } from "./ports/file-store.ts";
import type { ParamIssue } from "../engine/errors.ts";
import type { Params } from "../engine/normalize.ts";
import type { ModelProfile } from "../engine/profile.ts";
import { findReferences, isUploadId, parseDataUri, parseReferenceUrl, replaceAt, type FoundReference, type ReferenceKind } from "../engine/references.ts";
import { checkUploadMediaType } from "./media-type.ts";
import { isBlockedAddress, refuseHost } from "./url-guard.ts";
import type { HostResolver } from "./ports/host-resolver.ts";

export type { HostResolver };
export { isBlockedAddress };

export interface ReferencePolicy {
  /** Largest accepted inline (data: URI) reference, decoded. */
  readonly maxBytes: number;
  readonly resolve: HostResolver;
  /** How long a DNS lookup may take. */
  readonly resolveTimeoutMs?: number;
}

export interface CheckedReferences {
  /** What is wrong, by field path (`image_guidances[0].image_url`); empty when every reference holds. */
  readonly issues: readonly ParamIssue[];
  /**
   * The params with every reference in its normalized form (URLs as WHATWG serializes them,
   * `data:` URIs as `data:<type>;base64,…`): what is stored and forwarded. The params given
   * when nothing changed (or when there are issues).
   */
  readonly params: Params;
}

const article = (kind: string) => (kind === "image" || kind === "audio" ? "an" : "a");

function decodedLength(base64: string): number {
  const padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}

type Checked = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly reason: string };

/**
 * A `data:` URI: base64, of the place's media kind, within the size limit, and its declared type
 * consistent with its first bytes (the same check as uploads: `checkUploadMediaType`, which also
 * refuses SVG). Normalized to `data:<type>;base64,<payload>`.
 */
function checkDataUri(value: string, kind: ReferenceKind, maxBytes: number): Checked {
  const parsed = parseDataUri(value);
  if (!parsed || parsed.base64.length % 4 === 1) return { ok: false, reason: "is not a valid base64 data: URI (data:<type>;base64,<data>)" };
  if (kind === "weights") return { ok: false, reason: "must be an https URL" };
  const declared = `${parsed.type}/${parsed.subtype}`;
  if (kind !== "media" && parsed.type !== kind) return { ok: false, reason: `must be ${article(kind)} ${kind}/* file, got ${declared}` };
  const size = decodedLength(parsed.base64);
  if (size > maxBytes) return { ok: false, reason: `is ${size} bytes, over the ${maxBytes}-byte limit for inline references` };
  if (size === 0) return { ok: false, reason: "is empty" };
  // The signatures are in the first 12 bytes: decode only a prefix.
  const head = Buffer.from(parsed.base64.slice(0, 64), "base64");
  const media = checkUploadMediaType(declared, head);
  if (!media.ok) return { ok: false, reason: `is refused: ${media.message}` };
  const canonical = `data:${media.mediaType};base64,`;
  return { ok: true, value: value.startsWith(canonical) && value.length === canonical.length + parsed.base64.length ? value : canonical + parsed.base64 };
}

/**
 * Checks every media reference of a request before it is accepted — every place the catalog
 * marks (`ModelProfile.media`: scalars, arrays, object fields, the spec's `?` params) — and
 * returns the params with the references normalized:
 * - https URLs, parsed once (`parseReferenceUrl`), whose host is a public address or resolves
 *   only to public addresses (`refuseHost`); the WHATWG serialization replaces what was sent;
 * - data: URIs of the place's media kind, sniffed like uploads, within the size limit;
 * - upload ids that exist, belong to the key and hold the place's kind of media.
 */
export async function checkAndNormalizeReferences(
  deps: {
    files: Pick<FileStore, "uploadTypes">;
    policy: ReferencePolicy;
    /** An upload referred to must be kept until then (the task's hard deadline: its vendor may fetch it until then). */
    uploadsKeptUntil?: number;
  },
  keyId: string,
  profile: ModelProfile,
  params: Params,
): Promise<CheckedReferences> {
  const found = findReferences(profile.media, params);
  if (found.issues.length) return { issues: found.issues, params };
  const issues: ParamIssue[] = [];
  const changes: { path: readonly (string | number)[]; value: string }[] = [];
  const uploads: FoundReference[] = [];
  // One lookup per host, however many references name it.
  const hosts = new Map<string, Promise<string | undefined>>();
  const hostVerdict = (hostname: string) => {
    let verdict = hosts.get(hostname);
    if (!verdict) hosts.set(hostname, (verdict = refuseHost(hostname, { resolve: deps.policy.resolve, ...(deps.policy.resolveTimeoutMs !== undefined ? { resolveTimeoutMs: deps.policy.resolveTimeoutMs } : {}) })));
    return verdict;
  };

  await Promise.all(
    found.references.map(async (reference) => {
      const { field, value, kind } = reference;
      if (isUploadId(value)) {
        if (kind === "weights") issues.push({ field, reason: "must be an https URL" });
        else uploads.push(reference);
        return;
      }
      if (/^data:/i.test(value)) {
        const checked = checkDataUri(value, kind, deps.policy.maxBytes);
        if (!checked.ok) issues.push({ field, reason: checked.reason });
        else if (checked.value !== value) changes.push({ path: reference.path, value: checked.value });
        return;
      }
      const parsed = parseReferenceUrl(value);
      if (!parsed.ok) {
        issues.push({ field, reason: kind === "weights" ? parsed.reason.replace(/, a data: URI or an upload id$/, "") : parsed.reason });
        return;
      }
      const refused = await hostVerdict(parsed.url.hostname);
      if (refused) issues.push({ field, reason: refused });
      else if (parsed.href !== value) changes.push({ path: reference.path, value: parsed.href });
    }),
  );

  if (uploads.length) {
    const byId = await deps.files.uploadTypes(keyId, uploads.map((u) => u.value), deps.uploadsKeptUntil);
    for (const { field, value: id, kind } of uploads) {
      const mediaType = byId.get(id);
      if (!mediaType)
        issues.push({ field, reason: deps.uploadsKeptUntil === undefined ? `upload ${id} does not exist for this key` : `upload ${id} does not exist for this key, or expires before the generation could end: upload it again` });
      else if (kind === "media" ? !/^(image|video|audio)\//.test(mediaType) : !mediaType.startsWith(`${kind}/`))
        issues.push({ field, reason: `upload ${id} is ${mediaType}, not ${kind === "media" ? "image, video or audio" : kind}` });
    }
  }
  if (issues.length) return { issues: issues.sort((a, b) => a.field.localeCompare(b.field)), params };
  return { issues, params: replaceAt(params, changes) };
}

/** The issues `checkAndNormalizeReferences` finds (empty when every reference holds). */
export async function checkReferences(
  deps: { files: Pick<FileStore, "uploadTypes">; policy: ReferencePolicy },
  keyId: string,
  profile: ModelProfile,
  params: Params,
): Promise<readonly ParamIssue[]> {
  return (await checkAndNormalizeReferences(deps, keyId, profile, params)).issues;
}
