import type { GatewayServices } from "../../services/gateway-services.ts";
import { sendNotFound } from "../failures.ts";
import { pathSegments } from "../path.ts";
import type { Handler } from "../route.ts";

/**
 * GET /files/{ownerId}/{name} (no auth: the names are unguessable uuids). Stored files never
 * change, so they may be cached forever.
 */
export function filesRoute(services: GatewayServices): Handler {
  return async ({ res, tail }) => {
    const segments = pathSegments(tail, 2);
    const file = segments ? await services.files.get(segments[0]!, segments[1]!) : null;
    if (!file) return sendNotFound(res, "File not found");
    res.writeHead(200, {
      "content-type": file.mediaType,
      "content-length": file.data.byteLength,
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
    });
    res.end(file.data);
  };
}
