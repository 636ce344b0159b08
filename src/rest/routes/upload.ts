import type { GatewayServices } from "../../services/gateway-services.ts";
import { MalformedMultipartError, multipartBoundary, MultipartTooLargeError, readMultipartFile } from "../../http/multipart-file.ts";
import { checkUploadMediaType } from "../../services/media-type.ts";
import type { ServiceError } from "../../services/errors.ts";
import { errorBody, sendError, sendJson, statusOf } from "../respond.ts";
import type { AuthenticatedHandler } from "../route.ts";

/** Boundaries, part headers and small extra fields around the file itself. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;
/** The media signatures are in the first bytes: this many are read before the type is decided. */
const SNIFF_BYTES = 64;

/** The first `SNIFF_BYTES` of `body` (fewer if it is shorter), and `body` again from its start. */
async function peek(body: AsyncIterable<Buffer>): Promise<{ head: Buffer; body: AsyncIterable<Buffer> }> {
  const iterator = body[Symbol.asyncIterator]();
  const seen: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    seen.push(next.value);
    size += next.value.length;
  }
  async function* again(): AsyncGenerator<Buffer> {
    yield* seen;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head: Buffer.concat(seen).subarray(0, SNIFF_BYTES), body: again() };
}

/**
 * POST /api/upload: multipart/form-data with a `file` field → `{id, media_type, size_bytes}`.
 * The id goes into `images` / `videos` of a generate request. The file streams from the request
 * to the blob store as it arrives: its type is decided from its first bytes, the key's quotas are
 * checked (and its size reserved) before any byte is stored, and the size limit holds while it
 * streams. A refusal before the body is read closes the connection instead of draining it.
 */
export function uploadRoute(services: GatewayServices): AuthenticatedHandler {
  const maxBytes = services.config.uploadMaxBytes;
  const maxBodyBytes = maxBytes + MULTIPART_OVERHEAD_BYTES;
  const tooLarge = errorBody({ code: "UPLOAD_REJECTED", message: `The file is larger than the limit of ${maxBytes} bytes`, maxBytes });
  // Every refusal once the body is being read closes the connection: the rest is not drained.
  const refuse = (res: Parameters<AuthenticatedHandler>[0]["res"], status: number, error: ServiceError | { code: string; message: string }) => {
    const headers: Record<string, string> = { connection: "close" };
    if (error.code === "UPLOAD_QUOTA_EXCEEDED" && "retryAfterMs" in error && error.retryAfterMs !== undefined) headers["retry-after"] = String(Math.max(1, Math.ceil(error.retryAfterMs / 1000)));
    sendJson(res, status, errorBody(error), headers);
  };
  const badRequest = (message: string) => ({ code: "BAD_REQUEST", message });

  return async ({ req, res, key }) => {
    const contentType = req.headers["content-type"] ?? "";
    const boundary = multipartBoundary(contentType);
    if (boundary === undefined)
      return sendError(res, statusOf("UNSUPPORTED_MEDIA_TYPE"), {
        code: "UPLOAD_REJECTED",
        message: "Send the file as multipart/form-data in a field named `file`",
      });
    const length = req.headers["content-length"] === undefined ? undefined : Number(req.headers["content-length"]);
    if (length !== undefined && length > maxBodyBytes) return sendJson(res, statusOf("UPLOAD_REJECTED"), tooLarge, { connection: "close" });

    try {
      const part = await readMultipartFile(req, boundary, "file", maxBodyBytes);
      if (!part || part.filename === undefined) return refuse(res, statusOf("BAD_REQUEST"), badRequest("The multipart body needs a file part named `file`"));
      const { head, body } = await peek(part.body);
      if (head.length === 0) return refuse(res, statusOf("BAD_REQUEST"), badRequest("The uploaded file is empty"));
      const media = checkUploadMediaType(part.contentType, head);
      if (!media.ok) return refuse(res, statusOf("UNSUPPORTED_MEDIA_TYPE"), { code: "UPLOAD_REJECTED", message: media.message });

      const stored = await services.files.upload(key.id, {
        mediaType: media.mediaType,
        body,
        ...(length !== undefined && Number.isSafeInteger(length) ? { declaredBytes: length } : {}),
      });
      if (!stored.ok) return refuse(res, statusOf(stored.error.code), stored.error);
      sendJson(res, 200, { id: stored.value.id, media_type: stored.value.mediaType, size_bytes: stored.value.sizeBytes });
    } catch (error) {
      if (error instanceof MultipartTooLargeError) return sendJson(res, statusOf("UPLOAD_REJECTED"), tooLarge, { connection: "close" });
      if (error instanceof MalformedMultipartError) return refuse(res, statusOf("BAD_REQUEST"), badRequest(`The multipart/form-data body is malformed: ${error.message}`));
      // The client went away mid-body: there is no one to answer. (Not `req.destroyed`: a body
      // read to its end is destroyed too, and its failure, the store's, is answered below.)
      if (req.readableAborted) return void res.destroy();
      throw error;
    }
  };
}
