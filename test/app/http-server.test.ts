// The one HTTP server runs each request's work for its client (src/http/request-client.ts): the
// key it sends once known valid, else its address. The database's fair turns read it. Stopping,
// it answers the requests in flight (within a grace) and nothing new; its logs hold no query.
import { Readable } from "node:stream";
import pino from "pino";
import { Agent, request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeServer, createHttpServer, listen } from "../../src/app/http-server.ts";
import { clientOfRequest, currentClient } from "../../src/http/request-client.ts";

let url: string;
let server: ReturnType<typeof createHttpServer>;
beforeAll(async () => {
  server = createHttpServer(
    [
      async (_req, res) => {
        // Read after an await and a timer, as a database call deep in a service would.
        await new Promise((resolve) => setTimeout(resolve, 1));
        res.end(currentClient());
        return true;
      },
    ],
    pino({ level: "silent" }),
    (req) => clientOfRequest(req.headers.authorization, req.socket.remoteAddress ?? "unknown", (rawKey) => (rawKey === "sk-victim" ? "key-victim" : undefined)),
  );
  ({ url } = await listen(server, 0, "127.0.0.1"));
});
afterAll(() => closeServer(server));

it("runs a request's work for the client the gateway names for it: its known key, else its address", async () => {
  const [keyed, anonymous] = await Promise.all([
    fetch(`${url}/x`, { headers: { authorization: "Bearer sk-victim" } }).then((r) => r.text()),
    fetch(`${url}/x`).then((r) => r.text()),
  ]);
  expect(keyed).toBe("key:key-victim");
  expect(anonymous).toMatch(/^address:(::ffff:)?127\.0\.0\.1$/);
});

describe("a request that fails", () => {
  it("closes its connection after the answer while its body is still arriving, and keeps it open once the body is in", async () => {
    const failing = createHttpServer(
      [
        async (req) => {
          // Reads the body's first chunk, then fails: as an upload whose store refuses it mid-body.
          for await (const chunk of req) {
            void chunk;
            break;
          }
          throw new Error("the store failed");
        },
      ],
      pino({ level: "silent" }),
      () => "test",
    );
    const { url: base } = await listen(failing, 0, "127.0.0.1");
    const agent = new Agent({ connections: 1 });
    try {
      const midBody = await request(`${base}/upload`, {
        method: "POST",
        dispatcher: agent,
        body: Readable.from(
          (async function* () {
            yield Buffer.alloc(64 * 1024);
            // The rest would come later: the server answers before it.
            await new Promise((resolve) => setTimeout(resolve, 200));
            yield Buffer.alloc(64 * 1024);
          })(),
        ),
      });
      expect(midBody.statusCode).toBe(500);
      expect(midBody.headers.connection).toBe("close");
      await midBody.body.dump();
      const noBody = await request(`${base}/get`, { dispatcher: agent });
      expect(noBody.statusCode).toBe(500);
      expect(noBody.headers.connection).toBe("keep-alive");
      await noBody.body.dump();
    } finally {
      await agent.close();
      await closeServer(failing);
    }
  });
});

describe("stopping", () => {
  /**
   * A server whose /slow answers when `release` is called, /half sends its headers at once and
   * ends its body at `finishHalf`, /boom throws, anything else answers at once.
   */
  async function slowServer() {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let finishHalf!: () => void;
    const halfReleased = new Promise<void>((resolve) => (finishHalf = resolve));
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
    let begin!: () => void;
    const started = new Promise<void>((resolve) => (begin = resolve));
    const events: string[] = [];
    let clientGone!: () => void;
    const left = new Promise<void>((resolve) => (clientGone = resolve));
    const server = createHttpServer(
      [
        async (_req, res, path) => {
          if (path === "/boom") throw new Error("face failed");
          if (path === "/stream") {
            // An event stream: it ends when its client goes away, or its response is ended.
            res.writeHead(200, { "content-type": "text/event-stream" });
            res.write("data: one\n\n");
            await new Promise((resolve) => res.once("close", resolve));
            return true;
          }
          if (path === "/half") {
            res.writeHead(200, { "content-length": "4" });
            res.write("ha");
            await halfReleased;
            res.end("lf");
            return true;
          }
          if (path === "/slow") {
            res.once("close", () => clientGone());
            begin();
            await released;
            events.push("handled");
          }
          res.end(`answered ${path}`);
          return true;
        },
      ],
      logger,
    );
    const { url } = await listen(server, 0, "127.0.0.1");
    return { server, url, release, finishHalf, started, left, events, lines };
  }

  it("answers the requests in flight before it closes their connections, and answers 503 to a new one on a connection still open", async () => {
    const { server, url, release, finishHalf, started } = await slowServer();
    const agent = new Agent({ connections: 2, pipelining: 1 });
    try {
      // Two keep-alive connections: one holds /slow; the other has sent /half's headers with keep-alive.
      const slow = request(`${url}/slow`, { dispatcher: agent }).then(async (r) => ({ status: r.statusCode, connection: r.headers.connection, body: await r.body.text() }));
      await started;
      const half = await request(`${url}/half`, { dispatcher: agent });
      const closing = closeServer(server, 10_000);
      finishHalf();
      expect(await half.body.text()).toBe("half");
      // /half's connection is open and idle (/slow keeps the drain going): a request on it is refused, not cut.
      const late = await request(`${url}/late`, { dispatcher: agent });
      expect([late.statusCode, late.headers["retry-after"], late.headers.connection]).toEqual([503, "1", "close"]);
      await late.body.text();
      release();
      // The answer in flight went out, and closes its connection rather than invite a next request.
      expect(await slow).toEqual({ status: 200, connection: "close", body: "answered /slow" });
      await closing;
      expect(server.listening).toBe(false);
    } finally {
      await agent.close();
    }
  });

  it("waits for a handler whose client went away (a charge may be under way) before it says it is closed", async () => {
    const { server, url, release, started, left, events } = await slowServer();
    const aborted = new AbortController();
    const slow = request(`${url}/slow`, { signal: aborted.signal }).catch(() => "aborted");
    await started;
    aborted.abort();
    await slow;
    await left;
    const closing = closeServer(server, 10_000).then(() => events.push("closed"));
    await new Promise((resolve) => setImmediate(resolve));
    release();
    await closing;
    expect(events).toEqual(["handled", "closed"]);
  });

  it("ends an event stream when it stops, instead of holding the stop for the whole grace", async () => {
    const { server, url } = await slowServer();
    const stream = await request(`${url}/stream`, { headers: { accept: "text/event-stream" } });
    const body = stream.body.text();
    const began = Date.now();
    await closeServer(server, 60_000);
    expect(await body).toBe("data: one\n\n");
    expect(Date.now() - began).toBeLessThan(30_000);
  });

  it("closes the connections still open once the grace has passed", async () => {
    const { server, url, started } = await slowServer();
    const slow = request(`${url}/slow`).then(
      () => "answered",
      () => "cut",
    );
    await started;
    const began = Date.now();
    await closeServer(server, 200);
    expect(await slow).toBe("cut");
    expect(Date.now() - began).toBeLessThan(5_000);
  });

  it("logs a failed request's path, not its query (which may hold a key)", async () => {
    const { server, url, lines } = await slowServer();
    try {
      const reply = await request(`${url}/boom?key=sk-secret-in-the-query`);
      expect(reply.statusCode).toBe(500);
      await reply.body.text();
      const logged = lines.find((line) => line.msg === "unhandled request error");
      expect(logged).toMatchObject({ path: "/boom" });
      expect(JSON.stringify(lines)).not.toContain("sk-secret");
    } finally {
      await closeServer(server);
    }
  });
});
