import type { Params } from "../engine/normalize.ts";
import type { ModelProfile } from "../engine/profile.ts";
import { findReferences, MAX_DATA_URI_HEADER, MAX_REFERENCE_DEPTH, replaceAt } from "../engine/references.ts";
import type { FileStore } from "./ports/file-store.ts";

/**
 * The parts of a base64 data: URI found without running a pattern over its payload (which can be
 * 14 MB): the header before the first comma is checked, the payload is what follows. The checked
 * params hold canonical, validated URIs (checkAndNormalizeReferences); a raw request's URI maps
 * to the same stored file by its payload.
 */
function split(value: string): { mediaType: string; payload: string } | undefined {
  const comma = value.indexOf(",");
  // The header bound every accepted URI keeps (parseDataUri): none is left in a task row for being longer.
  if (comma < 0 || comma > MAX_DATA_URI_HEADER) return undefined;
  const header = /^data:([a-z]+\/[a-z0-9.+-]+)(?:;[a-z0-9-]+=[^;,]+)*;base64$/i.exec(value.slice(0, comma));
  return header ? { mediaType: header[1]!.toLowerCase(), payload: value.slice(comma + 1) } : undefined;
}

/** Base64 decoded a slice at a time (a multiple of 4 characters), so a large payload never holds the loop for long. */
async function* decoded(payload: string): AsyncGenerator<Uint8Array> {
  const SLICE = 1024 * 1024;
  for (let at = 0; at < payload.length; at += SLICE) yield Buffer.from(payload.slice(at, at + SLICE), "base64");
}

/** Every data: URI string in `value` (objects and arrays walked to MAX_REFERENCE_DEPTH) replaced by `replace`. */
function replaceDataUris(value: unknown, replace: (uri: string) => string | undefined, depth = 0): unknown {
  if (typeof value === "string") return /^data:/i.test(value) ? (replace(value) ?? value) : value;
  if (depth >= MAX_REFERENCE_DEPTH || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => replaceDataUris(item, replace, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceDataUris(v, replace, depth + 1)]));
}

/**
 * Moves the inline `data:` references of a checked request into the file store, as uploads of
 * the key (outside its upload quotas: the generation pays for them), and puts their upload ids in
 * their place, both in the params that run and in the request as it is kept: a task row never
 * holds a file's bytes, whatever the client inlined. Call after `checkAndNormalizeReferences`
 * (the URIs are valid, typed and within the size limit) and before the task is written; when
 * the task is not accepted after all, discard `stored` (FileStore.discardUploads).
 */
export async function storeInlineReferences(
  files: Pick<FileStore, "putInline" | "discardUploads">,
  keyId: string,
  profile: ModelProfile,
  checked: { readonly params: Params; readonly requestParams: Readonly<Record<string, unknown>> },
  now: number,
): Promise<{ params: Params; requestParams: Readonly<Record<string, unknown>>; stored: readonly string[] }> {
  const inline = findReferences(profile.media, checked.params).references.filter((r) => /^data:/i.test(r.value));
  if (!inline.length) return Object.assign({}, checked, { stored: [] });
  // One stored file per distinct media type and payload, however often the request repeats it:
  // the same bytes declared as two types are two uploads, each of the kind its param was checked for.
  const ids = new Map<string, Map<string, string>>();
  const stored: string[] = [];
  const changes: { path: readonly (string | number)[]; value: string }[] = [];
  try {
    for (const reference of inline) {
      const parts = split(reference.value);
      if (!parts) continue;
      let ofType = ids.get(parts.mediaType);
      if (!ofType) ids.set(parts.mediaType, (ofType = new Map()));
      let id = ofType.get(parts.payload);
      if (id === undefined) {
        id = (await files.putInline(keyId, { mediaType: parts.mediaType, body: decoded(parts.payload) }, now)).id;
        ofType.set(parts.payload, id);
        stored.push(id);
      }
      changes.push({ path: reference.path, value: id });
    }
  } catch (error) {
    // The request goes no further: what it stored so far goes too.
    if (stored.length) await files.discardUploads(keyId, stored).catch(() => undefined);
    throw error;
  }
  // The request as kept says the type its client wrote (`application/octet-stream`, say), which
  // the check may have read otherwise from the bytes: its URI is the file stored for its payload.
  const idOf = (uri: string) => {
    const parts = split(uri);
    if (!parts) return undefined;
    const id = ids.get(parts.mediaType)?.get(parts.payload);
    if (id !== undefined) return id;
    for (const ofType of ids.values()) {
      const same = ofType.get(parts.payload);
      if (same !== undefined) return same;
    }
    return undefined;
  };
  return {
    params: replaceAt(checked.params, changes),
    requestParams: replaceDataUris(checked.requestParams, idOf) as Readonly<Record<string, unknown>>,
    stored,
  };
}
