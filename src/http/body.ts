import type { IncomingMessage } from "node:http";

/**
 * The JSON body cap of both faces (REST /api/generate and /api/estimate, GraphQL POSTs): room for
 * one inline `data:` reference as large as an upload (base64 grows it by 4/3) plus the rest of the
 * request. Larger media go through POST /api/upload.
 */
export const jsonBodyLimit = (uploadMaxBytes: number): number => Math.ceil((uploadMaxBytes * 4) / 3) + 1024 * 1024;

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

export type JsonBodyRead =
  | { readonly kind: "json"; readonly value: unknown }
  /** Empty, or not JSON: `message` says which, for the client. */
  | { readonly kind: "not-json"; readonly message: string }
  /** Over `maxBytes`: the rest of the body is not read, so the answer should close the connection. */
  | { readonly kind: "too-large"; readonly maxBytes: number }
  /** The client went away mid-body: there is no one to answer. */
  | { readonly kind: "aborted" };

/** Reads and parses a JSON body of at most `maxBytes`; each face answers the outcome in its own format. */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<JsonBodyRead> {
  const read = await readBody(req, maxBytes);
  if (read.kind === "aborted") return read;
  if (read.kind === "too-large") return { kind: "too-large", maxBytes };
  if (read.bytes.length === 0) return { kind: "not-json", message: "The request body must be JSON" };
  try {
    return { kind: "json", value: JSON.parse(read.bytes.toString("utf8")) as unknown };
  } catch (error) {
    return { kind: "not-json", message: `The request body is not valid JSON: ${(error as Error).message}` };
  }
}
