import type { GatewayServices } from "../../services/gateway-services.ts";
import { essence } from "../../services/media-type.ts";
import { sendNotFound } from "../failures.ts";
import { pathSegments } from "../path.ts";
import type { Handler } from "../route.ts";
import { pipeline } from "node:stream/promises";
import { byteRange, matchesIfNoneMatch } from "../../http/byte-range.ts";

/**
 * Media types served as what they are: raster images, audio, video and glTF binaries, which a
 * browser renders (or plays) without running anything. Everything else (HTML, SVG, XML, PDF,
 * scripts, unknown types) is served as application/octet-stream, as a download.
 */
const SERVED_AS_IS = new Set([
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "image/avif",
  "video/mp4",
  "video/webm",
  "video/quicktime",
  "audio/mpeg",
  "audio/mp4",
  "audio/wav",
  "audio/webm",
  "audio/ogg",
  "model/gltf-binary",
]);

/**
 * The headers a stored file is served with. Whatever a result or an upload holds, it is never a
 * document of the gateway's origin: an allow-listed type as itself, anything else as an
 * attachment of type application/octet-stream; always `Content-Security-Policy: sandbox` (no
 * script, no same-origin access even if a browser renders it) and `nosniff`.
 */
export function servingHeaders(mediaType: string, name: string): Record<string, string> {
  const type = essence(mediaType);
  const asIs = SERVED_AS_IS.has(type);
  const headers: Record<string, string> = {
    "content-type": asIs ? type : "application/octet-stream",
    "content-security-policy": "sandbox",
    "x-content-type-options": "nosniff",
  };
  if (!asIs) headers["content-disposition"] = `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, "_")}"`;
  return headers;
}

/**
 * GET /files/{ownerId}/{name} (no auth: the names are unguessable uuids). Stored files never
 * change, so they may be cached forever; their ETag is their sha256. `If-None-Match` answers 304,
 * and one `Range` answers 206 (416 past the end), so a browser can seek in a video. With S3 and
 * GATEAI_S3_SIGNED_URL_SECONDS, a 302 to a presigned GET of the object instead (S3 serves ranges).
 *
 * GET /files/uploads/{token}: an upload, through a signed, expiring link the gateway gives a
 * vendor for a reference (src/services/upload-links.ts); served the same way, never cached by a
 * shared cache (the link, not the URL's secrecy, is the credential, and it expires). A task id is
 * a uuid, so no result's owner is named `uploads`.
 */
export function filesRoute(services: GatewayServices): Handler {
  return async ({ req, res, tail }) => {
    const segments = pathSegments(tail, 2);
    const link = segments?.[0] === "uploads";
    const file = segments ? await (link ? services.files.linked(segments[1]!) : services.files.get(segments[0]!, segments[1]!)) : null;
    if (!file) return sendNotFound(res, "File not found");
    const etag = `"${file.sha256}"`;
    const cache = { etag, "cache-control": link ? "private, no-store" : "public, max-age=31536000, immutable", "accept-ranges": "bytes" };
    if (matchesIfNoneMatch(req.headers["if-none-match"], etag)) {
      res.writeHead(304, cache);
      return void res.end();
    }
    // S3 with signed URLs: the client fetches the object from the bucket, with the same type and disposition.
    const served = servingHeaders(file.mediaType, link ? "upload" : segments![1]!);
    const location = await services.files.redirectFor(file, {
      contentType: served["content-type"]!,
      ...(served["content-disposition"] ? { contentDisposition: served["content-disposition"] } : {}),
    });
    if (location !== null) {
      res.writeHead(302, { location, "cache-control": `private, max-age=${Math.floor(services.files.redirectSeconds / 2)}`, "content-length": "0" });
      return void res.end();
    }
    const ifRange = req.headers["if-range"];
    const range = byteRange(req.headers.range, file.sizeBytes, etag, typeof ifRange === "string" ? ifRange : undefined);
    if (range.kind === "unsatisfiable") {
      res.writeHead(416, Object.assign({}, cache, { "content-range": `bytes */${file.sizeBytes}`, "content-length": "0" }));
      return void res.end();
    }
    // HEAD answers the headers GET would, from the row: the blob is not read (Node would read the
    // whole of it only to drop every byte written to a HEAD response).
    const body = req.method === "HEAD" ? undefined : await file.open(range.kind === "partial" ? range : undefined);
    // A row whose blob is gone (deleted by a sweep that has not reached the row yet).
    if (body === null) return sendNotFound(res, "File not found");
    const headers: Record<string, string> = Object.assign(served, cache);
    if (range.kind === "partial") {
      headers["content-range"] = `bytes ${range.start}-${range.end}/${file.sizeBytes}`;
      headers["content-length"] = String(range.end - range.start + 1);
    } else {
      headers["content-length"] = String(file.sizeBytes);
    }
    res.writeHead(range.kind === "partial" ? 206 : 200, headers);
    if (body === undefined) return void res.end();
    // Backpressure from the client paces the read; a client that goes away ends both streams.
    await pipeline(body, res).catch(() => res.destroy());
  };
}
