import type { GatewayServices } from "../../services/gateway-services.ts";
import { essence } from "../../services/media-type.ts";
import { sendNotFound } from "../failures.ts";
import { pathSegments } from "../path.ts";
import type { Handler } from "../route.ts";

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
 * change, so they may be cached forever.
 */
export function filesRoute(services: GatewayServices): Handler {
  return async ({ res, tail }) => {
    const segments = pathSegments(tail, 2);
    const file = segments ? await services.files.get(segments[0]!, segments[1]!) : null;
    if (!file) return sendNotFound(res, "File not found");
    res.writeHead(
      200,
      Object.assign(servingHeaders(file.mediaType, segments![1]!), {
        "content-length": String(file.data.byteLength),
        "cache-control": "public, max-age=31536000, immutable",
      }),
    );
    res.end(file.data);
  };
}
