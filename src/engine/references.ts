/**
 * Syntax of media references: an https URL, a `data:<type>;base64,` URI, or an upload id
 * (returned by POST /api/upload). Whether a URL may be fetched is the providers' concern.
 */
const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATA_URI = /^data:[a-z]+\/[a-z0-9.+-]+(;[a-z0-9-]+=[^;,]+)*;base64,[a-z0-9+/]+=*$/i;

export const isUploadId = (value: unknown): value is string => typeof value === "string" && UPLOAD_ID.test(value);

export function isHttpsUrl(value: unknown): value is string {
  if (typeof value !== "string" || !value.startsWith("https://")) return false;
  try {
    return new URL(value).hostname.length > 0;
  } catch {
    return false;
  }
}

export const isDataUri = (value: unknown): value is string => typeof value === "string" && DATA_URI.test(value);

export const isReference = (value: unknown): value is string => isHttpsUrl(value) || isDataUri(value) || isUploadId(value);
