import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Logger } from "pino";
import { BACKGROUND_CLIENT, forClient } from "../http/request-client.ts";
import { requestPath } from "../http/request-path.ts";
import { isServiceUnavailable, UNAVAILABLE_MESSAGE, UNAVAILABLE_RETRY_AFTER_SECONDS } from "../http/unavailable.ts";
import { sendError, sendJson } from "../rest/respond.ts";

export interface Face {
  /** Answers the request if the path is its own; false when it is not. */
  (req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean>;
}

/**
 * The one HTTP server: each request goes to the first face that knows its path, else 404. An
 * error a face did not answer becomes a 500 without internals, logged with its context.
 */
export function createHttpServer(faces: readonly Face[], logger: Logger, clientOf: (req: IncomingMessage) => string = () => BACKGROUND_CLIENT): Server {
  // Each request's work runs for its client (src/http/request-client.ts), so shared resources can serve clients in rotation.
  return createServer((req: IncomingMessage, res: ServerResponse) => forClient(() => clientOf(req), () => answer(req, res)));

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const path = requestPath(req.url ?? "/");
      for (const face of faces) if (await face(req, res, path)) return;
      sendError(res, 404, { code: "NOT_FOUND", message: `No route for ${req.method} ${path}` });
    } catch (error) {
      // A backing service that is down is the client's cue to retry, not a bug (src/http/unavailable.ts).
      if (isServiceUnavailable(error)) {
        logger.warn({ err: error, method: req.method, url: req.url }, "request failed: a backing service is unavailable");
        if (!res.headersSent) sendJson(res, 503, { error: UNAVAILABLE_MESSAGE, code: "SERVICE_UNAVAILABLE" }, { "retry-after": String(UNAVAILABLE_RETRY_AFTER_SECONDS) });
        else res.destroy();
        return;
      }
      logger.error({ err: error, method: req.method, url: req.url }, "unhandled request error");
      if (!res.headersSent) sendJson(res, 500, { error: "Internal server error", code: "INTERNAL_ERROR" });
      else res.destroy();
    }
  }
}

/** Starts listening; the URL to reach it (a wildcard host is reached on the loopback address). */
export function listen(server: Server, port: number, host: string): Promise<{ port: number; url: string }> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      const bound = typeof address === "object" && address ? address.port : port;
      resolve({ port: bound, url: `http://${host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host}:${bound}` });
    });
  });
}

/** Stops accepting connections and closes the open ones. */
export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
