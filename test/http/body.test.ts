import { createServer, request, type IncomingMessage, type Server } from "node:http";
import type { Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { jsonBodyLimit, readBody, readJsonBody } from "../../src/http/body.ts";

const MAX_BYTES = 64;
let server: Server;
let port = 0;

interface Answer {
  kind: string;
  text?: string;
  /** Whether the whole body had arrived when the handler called readBody. */
  arrivedBeforeRead: boolean;
}

/** Told (by the request's x-test-request id) once the handler has called readBody. */
const reading = new Map<string, (socket: Socket) => void>();
let requests = 0;

/** Polls a condition every millisecond, failing after 5 s. */
const until = (condition: () => boolean, what: string) =>
  vi.waitFor(
    () => {
      if (!condition()) throw new Error(`timed out waiting until ${what}`);
    },
    { timeout: 5_000, interval: 1 },
  );

// Echoes what readBody saw. On /buffered the handler first waits until the parser has the whole
// body (`req.complete`); on /streamed it reads at once, and the client sends the body afterwards.
beforeAll(async () => {
  server = createServer(async (req: IncomingMessage, res) => {
    if (req.url === "/buffered") await until(() => req.complete, "the whole body has arrived");
    const arrivedBeforeRead = req.complete;
    const reply = readBody(req, MAX_BYTES);
    reading.get(String(req.headers["x-test-request"]))?.(req.socket);
    const read = await reply;
    const answer: Answer = read.kind === "complete" ? { kind: read.kind, text: read.bytes.toString("utf8"), arrivedBeforeRead } : { kind: read.kind, arrivedBeforeRead };
    res.writeHead(200, { "content-type": "application/json", ...(read.kind === "too-large" ? { connection: "close" } : {}) });
    res.end(JSON.stringify(answer));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/**
 * Sends `parts` as the body, chunked unless `length` is given. "buffered": all at once, read when
 * it has all arrived. "streamed": the headers alone first; once the handler is reading, one part at
 * a time, each when the server has received the one before (its socket read more bytes).
 */
async function send(mode: "buffered" | "streamed", parts: readonly string[], options: { length?: number } = {}): Promise<Answer> {
  const id = String(++requests);
  const handlerReading = new Promise<Socket>((resolve) => reading.set(id, resolve));
  const headers: Record<string, string> = { "content-type": "application/json", "x-test-request": id };
  if (options.length !== undefined) headers["content-length"] = String(options.length);
  const req = request({ host: "127.0.0.1", port, path: `/${mode}`, method: "POST", headers });
  const answer = new Promise<Answer>((resolve, reject) => {
    let responded = false;
    req.on("response", (res) => {
      responded = true;
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve(JSON.parse(text) as Answer));
    });
    // Writing the rest of a body the server refused may fail once it has answered: not an error.
    req.on("error", (error) => responded || reject(error));
  });
  try {
    if (mode === "buffered") {
      for (const part of parts) req.write(part);
      req.end();
    } else {
      req.flushHeaders();
      const socket = await handlerReading;
      for (const part of parts) {
        const before = socket.bytesRead;
        req.write(part);
        await until(() => socket.bytesRead > before, "the server has received the part");
      }
      req.end();
    }
    return await answer;
  } finally {
    reading.delete(id);
  }
}

describe("readBody", () => {
  it("reads a body that arrived whole before the handler asked", async () => {
    expect(await send("buffered", ['{"a":1}'], { length: 7 })).toEqual({ kind: "complete", text: '{"a":1}', arrivedBeforeRead: true });
  });

  it("reads a body that is still arriving, in order", async () => {
    expect(await send("streamed", ['{"a":', '"b",', '"c":2}'])).toEqual({ kind: "complete", text: '{"a":"b","c":2}', arrivedBeforeRead: false });
  });

  it("reads an empty body as empty, whether it has arrived or not", async () => {
    expect(await send("buffered", [], { length: 0 })).toEqual({ kind: "complete", text: "", arrivedBeforeRead: true });
    expect(await send("streamed", [])).toEqual({ kind: "complete", text: "", arrivedBeforeRead: false });
  });

  it("refuses a chunked body over the cap, streamed or already buffered", async () => {
    const big = "x".repeat(MAX_BYTES + 1);
    expect(await send("streamed", [big.slice(0, 40), big.slice(40)])).toEqual({ kind: "too-large", arrivedBeforeRead: false });
    expect(await send("buffered", [big])).toEqual({ kind: "too-large", arrivedBeforeRead: true });
  });

  it("takes a body of exactly the cap", async () => {
    const exact = "y".repeat(MAX_BYTES);
    expect(await send("buffered", [exact])).toEqual({ kind: "complete", text: exact, arrivedBeforeRead: true });
    expect(await send("streamed", [exact.slice(0, 10), exact.slice(10)])).toEqual({ kind: "complete", text: exact, arrivedBeforeRead: false });
  });
});

// The face-neutral outcome of a JSON body: each face answers it in its own format.
describe("readJsonBody", () => {
  async function readVia(body: string | undefined, maxBytes: number): Promise<unknown> {
    const outcome = new Promise<unknown>((resolve) => {
      const local = createServer((req, res) => {
        void readJsonBody(req, maxBytes).then((read) => {
          resolve(read);
          res.writeHead(204, { connection: "close" }).end();
        });
      });
      local.listen(0, "127.0.0.1", () => {
        const { port: localPort } = local.address() as { port: number };
        const req = request({ host: "127.0.0.1", port: localPort, method: "POST", headers: body === undefined ? {} : { "content-length": String(Buffer.byteLength(body)) } });
        req.on("response", (res) => {
          res.resume();
          local.close();
        });
        req.on("error", () => local.close());
        req.end(body);
      });
    });
    return outcome;
  }

  it("parses JSON", async () => {
    expect(await readVia('{"a":[1,2]}', 64)).toEqual({ kind: "json", value: { a: [1, 2] } });
  });

  it("says why an empty body or one that is not JSON is refused", async () => {
    expect(await readVia("", 64)).toEqual({ kind: "not-json", message: "The request body must be JSON" });
    expect(await readVia("{nope", 64)).toEqual({ kind: "not-json", message: expect.stringMatching(/^The request body is not valid JSON: /) });
  });

  it("reports a body over the cap with the cap", async () => {
    expect(await readVia("x".repeat(65), 64)).toEqual({ kind: "too-large", maxBytes: 64 });
  });

  it("caps JSON bodies at one upload as base64 plus 1 MiB", () => {
    expect(jsonBodyLimit(10 * 1024 * 1024)).toBe(Math.ceil((10 * 1024 * 1024 * 4) / 3) + 1024 * 1024);
    expect(jsonBodyLimit(3)).toBe(4 + 1024 * 1024);
  });
});
