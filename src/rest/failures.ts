import type { ServerResponse } from "node:http";
import type { JsonBodyRead } from "../http/body.ts";
import { errorBody, sendJson, statusOf } from "./respond.ts";

/**
 * Failures the REST face detects itself (malformed requests, wrong methods), before any
 * service is called. Same `{error, code, ...details}` body as the services' errors.
 */

export function sendBadRequest(res: ServerResponse, message: string): void {
  sendJson(res, statusOf("BAD_REQUEST"), errorBody({ code: "BAD_REQUEST", message }));
}

export function sendPayloadTooLarge(res: ServerResponse, maxBytes: number): void {
  // The rest of the body is not read: close the connection instead of draining it.
  sendJson(
    res,
    statusOf("PAYLOAD_TOO_LARGE"),
    Object.assign(errorBody({ code: "PAYLOAD_TOO_LARGE", message: `The request body is larger than the limit of ${maxBytes} bytes` }), { max_bytes: maxBytes }),
    { connection: "close" },
  );
}

/**
 * The JSON body of a request (src/http/body.ts), or undefined once the request has been dealt
 * with: answered 400 (empty or not JSON) or 413 (too large), or dropped because the client is gone.
 */
export function jsonBodyOr4xx(read: JsonBodyRead, res: ServerResponse): { readonly value: unknown } | undefined {
  switch (read.kind) {
    case "json":
      return read;
    case "not-json":
      sendBadRequest(res, read.message);
      return undefined;
    case "too-large":
      sendPayloadTooLarge(res, read.maxBytes);
      return undefined;
    case "aborted":
      res.destroy();
      return undefined;
  }
}

export function sendMethodNotAllowed(res: ServerResponse, method: string, allowed: readonly string[]): void {
  sendJson(
    res,
    statusOf("METHOD_NOT_ALLOWED"),
    Object.assign(errorBody({ code: "METHOD_NOT_ALLOWED", message: `${method} is not allowed here; use ${allowed.join(" or ")}` }), { allowed }),
    { allow: allowed.join(", ") },
  );
}

export function sendNotFound(res: ServerResponse, message: string): void {
  sendJson(res, statusOf("NOT_FOUND"), errorBody({ code: "NOT_FOUND", message }));
}
