import type { IncomingMessage, ServerResponse } from "node:http";
import { sendBadRequest, sendPayloadTooLarge } from "../rest/failures.ts";

export type BodyRead =
  | { readonly kind: "complete"; readonly bytes: Buffer }
  /** Over the cap: a Content-Length above it, or more bytes streamed than it. */
  | { readonly kind: "too-large" }
  /** The client went away mid-body: there is no one to answer. */
  | { readonly kind: "aborted" };

const TOO_LARGE: BodyRead = { kind: "too-large" };
const ABORTED: BodyRead = { kind: "aborted" };

/** The state of one body being read, kept on the request so the listeners can be shared. */
interface PendingBody {
  readonly maxBytes: number;
  readonly resolve: (outcome: BodyRead) => void;
  readonly chunks: Buffer[];
  size: number;
}

const pendingBody = Symbol("gateai.pendingBody");
type ReadingRequest = IncomingMessage & { [pendingBody]?: PendingBody };

// Module-level listeners (EventEmitter calls them with `this` = the request): a request then
// allocates no closures, each of which tsx's keepNames would also wrap in a `__name` call.
function finish(req: ReadingRequest, outcome: BodyRead): void {
  const pending = req[pendingBody]!;
  req[pendingBody] = undefined;
  req.off("data", onData);
  req.off("end", onEnd);
  req.off("error", onError);
  pending.resolve(outcome);
}

function onData(this: ReadingRequest, chunk: Buffer): void {
  const pending = this[pendingBody]!;
  pending.size += chunk.length;
  if (pending.size > pending.maxBytes) {
    // Stop reading; the caller answers 413 with `connection: close`.
    this.pause();
    finish(this, TOO_LARGE);
    return;
  }
  pending.chunks.push(chunk);
}

function onEnd(this: ReadingRequest): void {
  const { chunks, size } = this[pendingBody]!;
  finish(this, { kind: "complete", bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size) });
}

function onError(this: ReadingRequest): void {
  finish(this, ABORTED);
}

/** Reads the raw body, never buffering more than `maxBytes`. */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyRead> {
  const declared = req.headers["content-length"];
  if (declared !== undefined && Number(declared) > maxBytes) return Promise.resolve(TOO_LARGE);
  return new Promise((resolve) => {
    (req as ReadingRequest)[pendingBody] = { maxBytes, resolve, chunks: [], size: 0 };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}

/**
 * The parsed JSON body, or undefined once the request has been dealt with: answered 400 (not
 * JSON) or 413 (too large), or dropped because the client is gone.
 */
export async function readJsonBody(req: IncomingMessage, res: ServerResponse, maxBytes: number): Promise<{ readonly value: unknown } | undefined> {
  const read = await readBody(req, maxBytes);
  if (read.kind === "aborted") {
    res.destroy();
    return undefined;
  }
  if (read.kind === "too-large") {
    sendPayloadTooLarge(res, maxBytes);
    return undefined;
  }
  if (read.bytes.length === 0) {
    sendBadRequest(res, "The request body must be JSON");
    return undefined;
  }
  try {
    return { value: JSON.parse(read.bytes.toString("utf8")) as unknown };
  } catch (error) {
    sendBadRequest(res, `The request body is not valid JSON: ${(error as Error).message}`);
    return undefined;
  }
}
