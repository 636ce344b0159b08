/**
 * Syntax of media references: an https URL, a `data:<type>;base64,` URI, or an upload id
 * (returned by POST /api/upload). Whether a URL may be fetched is the providers' concern.
 */
const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATA_URI = /^data:([a-z]+)\/([a-z0-9.+-]+)(?:;[a-z0-9-]+=[^;,]+)*;base64,([a-z0-9+/]*=*)$/i;

export const isUploadId = (value: unknown): value is string => typeof value === "string" && UPLOAD_ID.test(value);

export function isHttpsUrl(value: unknown): value is string {
  if (typeof value !== "string" || !value.startsWith("https://")) return false;
  try {
    return new URL(value).hostname.length > 0;
  } catch {
    return false;
  }
}

/** The parts of a base64 `data:` URI (type and subtype in lower case), or null when it is not one. */
export function parseDataUri(value: string): { readonly type: string; readonly subtype: string; readonly base64: string } | null {
  const match = DATA_URI.exec(value);
  return match ? { type: match[1]!.toLowerCase(), subtype: match[2]!.toLowerCase(), base64: match[3]! } : null;
}

/** A base64 `data:` URI with a payload. */
export const isDataUri = (value: unknown): value is string => typeof value === "string" && (parseDataUri(value)?.base64.length ?? 0) > 0;

export const isReference = (value: unknown): value is string => isHttpsUrl(value) || isDataUri(value) || isUploadId(value);
