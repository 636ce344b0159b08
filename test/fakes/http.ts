/** What every fake vendor shares: a local HTTP server, JSON in and out, result files it serves itself. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { encodePng } from "../../src/adapters/providers/media/png.ts";

export type Handler = (req: IncomingMessage, res: ServerResponse, body: Buffer, url: URL) => void | Promise<void>;

export interface FakeServer {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

export async function startServer(handler: Handler): Promise<FakeServer> {
  const sockets = new Set<import("node:net").Socket>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://fake");
      Promise.resolve(handler(req, res, Buffer.concat(chunks), url)).catch((error: unknown) => {
        if (!res.headersSent) json(res, 500, { detail: String(error) });
      });
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/** A real 8×8 PNG (decoders accept it). */
export const PNG = Buffer.from(await encodePng({ width: 8, height: 8, color: "rgb", fillRow: (_y, row) => row.fill(200) }));
/** The 12-byte glTF binary header of an empty model (magic, version 2, length 12). */
export const GLB = Buffer.from([0x67, 0x6c, 0x54, 0x46, 2, 0, 0, 0, 12, 0, 0, 0]);
/** An MP4 `ftyp` box. */
export const MP4 = Buffer.from([0, 0, 0, 16, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d, 0, 0, 2, 0]);

/** What a fake can be told to do wrong, for the bad-vendor tests. */
export interface Faults {
  /** Status of the next submits (e.g. 429, 500, 422), consumed one per submit. */
  submitStatuses: number[];
  /** Status of the next status polls of a submitted job (e.g. 429, 503, 401), consumed one per poll. */
  pollStatuses: number[];
  /** Answer submits with something that is not JSON. */
  garbage: boolean;
  /** Never answer (the connection stays open). */
  hang: boolean;
  /** Result URLs to report instead of the fake's own files. */
  resultUrls?: string[];
  /** Serve result files as a stream of this many bytes (no Content-Length). */
  hugeFileBytes?: number;
  /** Answer result file requests with a redirect here. */
  redirectFilesTo?: string;
  /** Status of the next result file requests (e.g. 503), consumed one per request. */
  fileStatuses: number[];
  /**
   * The next results of completed requests answered as a failed request instead (fal: a 5xx with
   * `{detail, error_type}` and X-Fal-Error-Type once its retries gave up; no `errorType`: a bare 5xx), one per result read.
   */
  requestErrors?: { readonly status: number; readonly errorType?: string }[];
  /** Serve result files as `first`, then `rest` once `release` resolves (no Content-Length). */
  heldFile?: { readonly first: Buffer; readonly rest: Buffer; readonly release: Promise<void> };
  /**
   * How the next submits break, one per submit (`breakAnswer`): the submit is counted, nothing is
   * queued. Unlike `hang`, which stops every route, only the request it is taken by breaks.
   */
  submitBreaks: AnswerBreak[];
  /** How the next status reads of a submitted job break, one per read: counted, the job not advanced. */
  pollBreaks: AnswerBreak[];
}

export const noFaults = (): Faults => ({ submitStatuses: [], pollStatuses: [], garbage: false, hang: false, fileStatuses: [], submitBreaks: [], pollBreaks: [] });

/**
 * An answer that never comes whole: "hang", never answered (the connection stays open until the
 * client gives up or the fake closes); "drop-after-status-line", the status line sent, then the
 * connection destroyed; "drop-mid-body", the headers (with the full Content-Length) and the first
 * half of `body` sent, then the connection destroyed.
 */
export type AnswerBreak = "hang" | "drop-after-status-line" | "drop-mid-body";

export function breakAnswer(res: ServerResponse, how: AnswerBreak, status: number, body: unknown): void {
  if (how === "hang") return;
  const socket = res.socket;
  if (!socket) return;
  if (how === "drop-after-status-line") {
    socket.write(`HTTP/1.1 ${status} OK\r\n`, () => socket.destroy());
    return;
  }
  const text = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { "content-type": "application/json", "content-length": text.byteLength });
  res.write(text.subarray(0, Math.floor(text.byteLength / 2)), () => socket.destroy());
}

/** Serves /files/<id>/<name>, honouring the file faults. */
export function serveFile(res: ServerResponse, name: string, faults: Faults): void {
  const injected = faults.fileStatuses.shift();
  if (injected) return json(res, injected, { detail: "injected" });
  const held = faults.heldFile;
  if (held) {
    res.writeHead(200, { "content-type": "video/mp4" });
    res.write(held.first);
    void held.release.then(() => res.end(held.rest));
    return;
  }
  if (faults.redirectFilesTo) {
    res.writeHead(302, { location: faults.redirectFilesTo });
    res.end();
    return;
  }
  if (faults.hugeFileBytes) {
    let left = faults.hugeFileBytes;
    const chunk = Buffer.alloc(1024 * 1024, 7);
    res.writeHead(200, { "content-type": "video/mp4" });
    const pump = () => {
      while (left > 0) {
        left -= chunk.byteLength;
        if (!res.write(chunk)) return void res.once("drain", pump);
      }
      res.end();
    };
    res.on("close", () => (left = 0));
    pump();
    return;
  }
  const data = name.endsWith(".glb") ? GLB : name.endsWith(".mp4") ? MP4 : PNG;
  const type = name.endsWith(".glb") ? "model/gltf-binary" : name.endsWith(".mp4") ? "video/mp4" : "image/png";
  res.writeHead(200, { "content-type": type, "content-length": data.byteLength });
  res.end(data);
}
