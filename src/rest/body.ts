import type { IncomingMessage, ServerResponse } from "node:http";
import { sendBadRequest, sendPayloadTooLarge } from "./failures.ts";

/**
 * The raw body, or null as soon as it is known to exceed `maxBytes` (a Content-Length over the
 * cap, or more bytes streamed than it). Never buffers more than `maxBytes`.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  const declared = req.headers["content-length"];
  if (declared !== undefined && Number(declared) > maxBytes) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        cleanup();
        // Stop reading; the caller answers 413 with `connection: close`.
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}

/** The parsed JSON body, or undefined after answering 400 (not JSON) or 413 (too large) itself. */
export async function readJsonBody(req: IncomingMessage, res: ServerResponse, maxBytes: number): Promise<{ readonly value: unknown } | undefined> {
  const raw = await readBody(req, maxBytes);
  if (raw === null) {
    sendPayloadTooLarge(res, maxBytes);
    return undefined;
  }
  if (raw.length === 0) {
    sendBadRequest(res, "The request body must be JSON");
    return undefined;
  }
  try {
    return { value: JSON.parse(raw.toString("utf8")) as unknown };
  } catch (error) {
    sendBadRequest(res, `The request body is not valid JSON: ${(error as Error).message}`);
    return undefined;
  }
}
