import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import { corsAnswer, type CorsOrigins } from "./cors.ts";
import { hasLargeBody, type LargeBodyLanes } from "./large-body-lanes.ts";
import { pathForLog } from "./request-path.ts";

/**
 * What every request goes through before a face sees it, whichever face answers it (REST,
 * GraphQL over HTTP, /files, /metrics, a 404): a request id, CORS (preflights answered here), and,
 * once the answer is sent, one access-log line and the request-duration metric.
 */
export interface RequestEdgeOptions {
  readonly cors: CorsOrigins;
  /** The access log; one `info` line per answered request. */
  readonly logger: Logger;
  /**
   * The id of the API key a request authenticated with, read after the answer is sent (the key is
   * known by then); never the key itself.
   */
  readonly keyIdOf: (req: IncomingMessage) => string | undefined;
  /** Reports each answered request: its route (a template, never a raw path), status and duration. */
  readonly observe?: (route: string, status: number, seconds: number) => void;
  /**
   * One large body at a time per client address (src/http/large-body-lanes.ts): a request with a
   * large body waits here, unread, for its address's lane, and holds it until its answer is sent.
   */
  readonly largeBodies?: { readonly lanes: LargeBodyLanes; readonly addressOf: (req: IncomingMessage) => string };
}

/** A request id a client may choose: short, printable, no spaces (it is echoed and logged). */
const CLIENT_REQUEST_ID = /^[\w.:@/+=-]{1,128}$/;

/** The request's id: the client's `x-request-id` when it is a sane one, else a new uuid. */
export function requestIdOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && CLIENT_REQUEST_ID.test(value) ? value : randomUUID();
}

/**
 * The route of a path as metrics label it: a fixed set (path parameters folded), so no client can
 * grow the number of series.
 */
export function routeOf(path: string): string {
  if (path.startsWith("/get/")) return "/get/{id}";
  if (path.startsWith("/files/")) return "/files/{path}";
  if (path === "/v1/models/schema") return path;
  if (path.startsWith("/v1/models/")) return "/v1/models/{id}";
  if (path.startsWith("/graphql/graphiql/")) return "/graphql/graphiql/{asset}";
  return KNOWN_ROUTES.has(path) ? path : "other";
}

const KNOWN_ROUTES = new Set([
  "/graphql", "/graphql/schema.graphql", "/graphql/stream-token", "/graphql/stream", "/api/generate", "/api/estimate", "/api/upload", "/api/me", "/credits", "/v1/models",
  "/docs.txt", "/healthz", "/readyz", "/metrics", "/", "/console",
]);

/**
 * The edge as the first face of the server (src/app/http-server.ts): it never answers a request
 * itself except a CORS preflight, so it returns false and the faces go on.
 */
export function createRequestEdge(options: RequestEdgeOptions) {
  const { cors, logger, keyIdOf, observe, largeBodies } = options;
  return async function requestEdge(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    const started = process.hrtime.bigint();
    const requestId = requestIdOf(req.headers["x-request-id"]);
    res.setHeader("x-request-id", requestId);
    const origin = req.headers.origin;
    const requestMethod = req.headers["access-control-request-method"];
    const answer = corsAnswer({ method: req.method, origin, requestMethod: Array.isArray(requestMethod) ? requestMethod[0] : requestMethod }, cors);
    for (const name in answer.headers) res.setHeader(name, answer.headers[name]!);

    res.once("close", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // A connection that closed before an answer was sent is logged as 499 (client closed).
      const status = res.headersSent ? res.statusCode : 499;
      const route = routeOf(path);
      observe?.(route, status, seconds);
      logger.info(
        {
          requestId, method: req.method, path: pathForLog(path), route, status,
          ms: Math.round(seconds * 1e6) / 1e3, keyId: keyIdOf(req),
        },
        `${req.method} ${route} ${status}`,
      );
    });

    if (answer.preflight) {
      res.writeHead(204, { "content-length": "0" });
      res.end();
      return true;
    }
    // A Host no URL can carry (`a b`, `x:99999`) is a malformed request: refused here, for every
    // path, rather than left to whatever builds a URL from it later (Yoga's Fetch layer would 500).
    if (!hostParses(req.headers.host)) {
      const body = JSON.stringify({ error: "The Host header is not a valid host", code: "BAD_REQUEST" });
      res.writeHead(400, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body), connection: "close" });
      res.end(body);
      return true;
    }
    return largeBodies && hasLargeBody(req) ? !(await enteredLane(largeBodies, req, res, path)) : false;
  };
}

/** Whether `http://<host>/` is a URL (an absent or empty Host is: the request's URL is built with localhost). */
function hostParses(host: string | undefined): boolean {
  if (host === undefined || host === "") return true;
  if (host.length > 255 || /[\s/?#@\\]/.test(host)) return false;
  try {
    return new URL(`http://${host}/`).host !== "";
  } catch {
    return false;
  }
}

/** The most a socket reads at once: body bytes that may have arrived with a request's headers. */
const PRE_READ_BYTES = 64 * 1024;

/**
 * Waits for the request's lane. True when it may go on: the lane is released, with the body's
 * bytes to pay for, once the answer is sent (or the connection closed) and the body is over. An
 * answer sent before the body was read (a 401, a 404) leaves Node reading the rest of it on a
 * kept-alive connection: that reading is the request's, and the lane is held until it ends (an
 * answer that closes the connection reads no more). False when it was answered here (its client
 * has too many large requests waiting: 429) or needs no answer (the client left while it waited).
 */
async function enteredLane(largeBodies: NonNullable<RequestEdgeOptions["largeBodies"]>, req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
  // Listened before waiting: a client that leaves while its request waits must give the lane back.
  let closed = false;
  let bodyOver = req.readableEnded || req.destroyed;
  let release: ((bytesRead: number) => void) | undefined;
  // The bytes paid for: what the socket received from the request's arrival on (a connection
  // carries one request at a time; a client pipelining requests pays for the next one's bytes
  // too), and, up to its declared length, what it had already read with the headers (at most one
  // socket read, PRE_READ_BYTES); a body never read is not paid for.
  const declared = Number(req.headers["content-length"]);
  const bytesAtArrival = req.socket.bytesRead;
  const settle = () => {
    if (!closed || !bodyOver || !release) return;
    const received = req.socket.bytesRead - bytesAtArrival;
    const pay = release;
    release = undefined;
    pay(Number.isFinite(declared) ? Math.max(received, Math.min(declared, received + PRE_READ_BYTES)) : received);
  };
  res.once("close", () => {
    closed = true;
    // An answer that closes the connection ends the reading of its body too.
    if (!res.shouldKeepAlive || String(res.getHeader("connection")).toLowerCase() === "close") bodyOver = true;
    settle();
  });
  const ended = () => {
    bodyOver = true;
    settle();
  };
  req.once("end", ended);
  req.once("close", ended);
  const entry = await largeBodies.lanes.enter(largeBodies.addressOf(req));
  if (entry.kind === "refused") {
    const message = "Too many large requests from this address at once: send the next when one is answered";
    const body = JSON.stringify(
      path === "/graphql"
        ? { errors: [{ message, extensions: { code: "RATE_LIMITED", reason: "LARGE_BODIES", retryAfterSeconds: 1 } }] }
        : { error: message, code: "RATE_LIMITED", reason: "LARGE_BODIES" },
    );
    // The body is not read: the connection closes after the answer.
    res.writeHead(429, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body), "retry-after": "1", connection: "close" });
    res.end(body);
    return false;
  }
  if (closed) {
    entry.release(0);
    return false;
  }
  release = entry.release;
  settle();
  return true;
}

