import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Logger } from "pino";
import { BACKGROUND_CLIENT, forClient } from "../http/request-client.ts";
import { pathForLog, requestPath } from "../http/request-path.ts";
import { isServiceUnavailable, unavailableAnswer, UNAVAILABLE_RETRY_AFTER_SECONDS } from "../http/unavailable.ts";
import { sendError, sendJson } from "../rest/respond.ts";

export interface Face {
  /** Answers the request if the path is its own; false when it is not. */
  (req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean>;
}

/** What a server is answering while it stops: the requests in flight, and whether it drains. */
interface Drain {
  /** The responses of the requests whose handler has not ended, each with whether it asked for an event stream. */
  readonly inFlight: Map<ServerResponse, boolean>;
  draining: boolean;
  /** Called when the last request in flight has been handled while draining. */
  onIdle?: () => void;
}
const drains = new WeakMap<Server, Drain>();

/**
 * The one HTTP server: each request goes to the first face that knows its path, else 404. An
 * error a face did not answer becomes a 500 without internals, logged with its context (its
 * path, never its query, which may hold a key). While the server stops (`closeServer`), a request
 * arriving on a connection that is still open is answered 503 and the connection closed.
 */
export function createHttpServer(faces: readonly Face[], logger: Logger, clientOf: (req: IncomingMessage) => string = () => BACKGROUND_CLIENT): Server {
  const drain: Drain = { inFlight: new Map(), draining: false };
  // Each request's work runs for its client (src/http/request-client.ts), so shared resources can serve clients in rotation.
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (drain.draining) {
      sendJson(res, 503, { error: "The gateway is shutting down: send the request again", code: "SERVICE_UNAVAILABLE" }, { "retry-after": "1", connection: "close" });
      return;
    }
    // In flight until its handler ends, not until its client leaves: a generation whose client
    // went away is still being charged, and the services must outlive it.
    drain.inFlight.set(res, req.headers.accept?.includes("text/event-stream") === true);
    void forClient(() => clientOf(req), () => answer(req, res)).finally(() => {
      drain.inFlight.delete(res);
      if (drain.draining && drain.inFlight.size === 0) drain.onIdle?.();
    });
  });
  drains.set(server, drain);
  return server;

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = requestPath(req.url ?? "/");
    try {
      for (const face of faces) if (await face(req, res, path)) return;
      sendError(res, 404, { code: "NOT_FOUND", message: `No route for ${req.method} ${path}` });
    } catch (error) {
      // A body still arriving is not drained: the connection closes after the answer (left open
      // with a body the route began to read, Node would not drain it, and the next request on
      // the connection would never be parsed).
      const unread: Record<string, string> = req.complete ? {} : { connection: "close" };
      // A backing service that is down is the client's cue to retry, not a bug (src/http/unavailable.ts).
      if (isServiceUnavailable(error)) {
        logger.warn({ err: error, method: req.method, path: pathForLog(path) }, "request failed: a backing service is unavailable");
        const { message, taskId } = unavailableAnswer(error);
        if (!res.headersSent) sendJson(res, 503, Object.assign({ error: message, code: "SERVICE_UNAVAILABLE" }, taskId ? { task_id: taskId } : {}), { "retry-after": String(UNAVAILABLE_RETRY_AFTER_SECONDS), ...unread });
        else res.destroy();
        return;
      }
      logger.error({ err: error, method: req.method, path: pathForLog(path) }, "unhandled request error");
      if (!res.headersSent) sendJson(res, 500, { error: "Internal server error", code: "INTERNAL_ERROR" }, unread);
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

/**
 * Stops accepting connections; the requests in flight are answered for up to `graceMs` (a
 * generation being accepted is answered, not cut after its charge), then every connection still
 * open is closed. Idle keep-alive connections close at once, and each as its last request ends.
 */
export function closeServer(server: Server, graceMs = 0): Promise<void> {
  const drain = drains.get(server);
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  if (!drain || graceMs <= 0 || drain.inFlight.size === 0) {
    server.closeAllConnections();
    return closed;
  }
  // Closed once the connections are, and every handler has ended (a client that left closes its
  // connection while its handler may still be charging), or the grace has passed.
  return Promise.all([closed, drained(server, drain, graceMs)]).then(() => undefined);
}

function drained(server: Server, drain: Drain, graceMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    drain.draining = true;
    for (const [res, stream] of drain.inFlight) {
      // An event stream never ends by itself: it ends now (its client reconnects elsewhere).
      if (stream) res.end();
      // The answers still to come close their connections, so no client sends a next request on one about to close.
      else if (!res.headersSent) res.shouldKeepAlive = false;
    }
    server.closeIdleConnections();
    const timer = setTimeout(() => {
      server.closeAllConnections();
      resolve();
    }, graceMs);
    drain.onIdle = () => {
      clearTimeout(timer);
      // The last answers may still be leaving: their connections close once idle.
      setImmediate(() => server.closeAllConnections());
      resolve();
    };
  });
}
