import type { GatewayServices } from "../../services/gateway-services.ts";
import { readBody } from "../../http/body.ts";
import { sendBadRequest } from "../failures.ts";
import { checkUploadMediaType } from "../../services/media-type.ts";
import { errorBody, sendError, sendJson, statusOf } from "../respond.ts";
import type { AuthenticatedHandler } from "../route.ts";

/** Boundaries, part headers and small extra fields around the file itself. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/**
 * POST /api/upload: multipart/form-data with a `file` field → `{id, media_type, size_bytes}`.
 * The id goes into `images` / `videos` of a generate request.
 */
export function uploadRoute(services: GatewayServices): AuthenticatedHandler {
  const maxBytes = services.config.uploadMaxBytes;
  const tooLarge = errorBody({ code: "UPLOAD_REJECTED", message: `The file is larger than the limit of ${maxBytes} bytes`, maxBytes });

  return async ({ req, res, key }) => {
    const contentType = req.headers["content-type"] ?? "";
    if (!/^multipart\/form-data\s*;/i.test(contentType))
      return sendError(res, statusOf("UNSUPPORTED_MEDIA_TYPE"), {
        code: "UPLOAD_REJECTED",
        message: "Send the file as multipart/form-data in a field named `file`",
      });

    const read = await readBody(req, maxBytes + MULTIPART_OVERHEAD_BYTES);
    if (read.kind === "aborted") return void res.destroy();
    // The rest of the body is not read: close the connection instead of draining it.
    if (read.kind === "too-large") return sendJson(res, statusOf("UPLOAD_REJECTED"), tooLarge, { connection: "close" });

    let form: FormData;
    try {
      // The WHATWG multipart parser built into Node (undici), over bytes already capped above.
      form = await new Request("http://upload.invalid/", { method: "POST", headers: { "content-type": contentType }, body: read.bytes as Uint8Array<ArrayBuffer> }).formData();
    } catch {
      return sendBadRequest(res, "The multipart/form-data body is malformed");
    }
    const file = form.get("file");
    if (file === null || typeof file === "string") return sendBadRequest(res, "The multipart body needs a file part named `file`");
    const data = new Uint8Array(await file.arrayBuffer());
    if (data.byteLength === 0) return sendBadRequest(res, "The uploaded file is empty");

    const media = checkUploadMediaType(file.type, data);
    if (!media.ok) return sendError(res, statusOf("UNSUPPORTED_MEDIA_TYPE"), { code: "UPLOAD_REJECTED", message: media.message });

    const stored = await services.files.upload(key.id, { mediaType: media.mediaType, data });
    if (!stored.ok) return sendError(res, undefined, stored.error);
    sendJson(res, 200, { id: stored.value.id, media_type: stored.value.mediaType, size_bytes: stored.value.sizeBytes });
  };
}
