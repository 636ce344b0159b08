import type { ServerResponse } from "node:http";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { GatewayServices } from "../../services/gateway-services.ts";
import { essence } from "../../services/media-type.ts";
import type { ServedFile } from "../../services/ports/file-store.ts";
import { sendNotFound } from "../failures.ts";
import { pathSegments } from "../path.ts";
import type { Handler } from "../route.ts";
import { byteRange, matchesIfNoneMatch } from "../../http/byte-range.ts";

/**
 * A served file's response that moves no byte for this long is ended, and the blob's stream with
 * it. Backpressure pauses the read while a client does not read, it never fails it: without this a
 * client that stops reading would hold its stream (an S3 connection, a file descriptor) forever.
 */
export const SERVED_IDLE_MS = 30_000;

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
 * GATEAI_S3_SIGNED_URL_SECONDS, a 302 to a presigned GET of the object instead (S3 serves ranges),
 * valid at most until the file expires. HEAD is always answered here, from the row: a presigned
 * URL is signed for GET, and S3 refuses any other method on it.
 *
 * GET /files/uploads/{token}: an upload, through a signed, expiring link the gateway gives a
 * vendor for a reference (src/services/upload-links.ts); served the same way, never cached (the
 * link, not the URL's secrecy, is the credential, and it expires). Its redirect is as private as
 * the link and no longer valid than it. A task id is a uuid, so no result's owner is named `uploads`.
 *
 * A streamed response that moves no byte for `idleMs` (SERVED_IDLE_MS) is ended.
 */
export function filesRoute(services: GatewayServices, options: { readonly idleMs?: number } = {}): Handler {
  const idleMs = options.idleMs ?? SERVED_IDLE_MS;
  return async ({ req, res, tail }) => {
    const segments = pathSegments(tail, 2);
    const link = segments?.[0] === "uploads";
    let file: ServedFile | null = null;
    let linkExpiresAt: number | undefined;
    if (segments && link) {
      const linked = await services.files.linked(segments[1]!);
      file = linked?.file ?? null;
      linkExpiresAt = linked?.expiresAt;
    } else if (segments) {
      file = await services.files.get(segments[0]!, segments[1]!);
    }
    if (!file) return sendNotFound(res, "File not found");
    const etag = `"${file.sha256}"`;
    const cache = { etag, "cache-control": link ? "private, no-store" : "public, max-age=31536000, immutable", "accept-ranges": "bytes" };
    if (matchesIfNoneMatch(req.headers["if-none-match"], etag)) {
      res.writeHead(304, cache);
      return void res.end();
    }
    // S3 with signed URLs: the client fetches the object from the bucket, with the same type and disposition.
    const served = servingHeaders(file.mediaType, link ? "upload" : segments![1]!);
    const redirect =
      req.method === "HEAD"
        ? null
        : await services.files.redirectFor(
            file,
            { contentType: served["content-type"]!, ...(served["content-disposition"] ? { contentDisposition: served["content-disposition"] } : {}) },
            linkExpiresAt,
          );
    if (redirect !== null) {
      // A link's redirect is never cached (the link's own rule); a result's may be, privately, for half its validity.
      const cacheControl = link ? "private, no-store" : `private, max-age=${Math.floor(redirect.expiresInSeconds / 2)}`;
      res.writeHead(302, { location: redirect.url, "cache-control": cacheControl, "content-length": "0" });
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
    await stream(body, res, idleMs);
  };
}

/**
 * Pipes `body` into `res`: backpressure from the client paces the read, and a client that goes
 * away ends both streams. When no byte has moved for `idleMs` (a client that stopped reading, a
 * blob store that stopped sending), both are destroyed, which frees what the body holds.
 */
async function stream(body: Readable, res: ServerResponse, idleMs: number): Promise<void> {
  let lastMoved = Date.now();
  const check = () => {
    const idle = Date.now() - lastMoved;
    if (idle < idleMs) {
      timer = setTimeout(check, idleMs - idle);
      return;
    }
    body.destroy();
    res.destroy();
  };
  let timer = setTimeout(check, idleMs);
  const done = pipeline(body, res);
  body.on("data", () => (lastMoved = Date.now()));
  try {
    await done;
  } catch {
    res.destroy();
  } finally {
    clearTimeout(timer);
  }
}
