// The one HTTP server runs each request's work for its client (src/http/request-client.ts): the
// key it sends once known valid, else its address. The database's fair turns read it. Stopping,
// it answers the requests in flight (within a grace) and nothing new; its logs hold no query.
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

describe("stopping", () => {
  /** A server whose /slow answers when `release` is called, /boom throws, anything else answers at once. */
  async function slowServer() {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
    let begin!: () => void;
    const started = new Promise<void>((resolve) => (begin = resolve));
    const server = createHttpServer(
      [
        async (_req, res, path) => {
          if (path === "/boom") throw new Error("face failed");
          if (path === "/slow") {
            begin();
            await released;
          }
          res.end(`answered ${path}`);
          return true;
        },
      ],
      logger,
    );
    const { url } = await listen(server, 0, "127.0.0.1");
    return { server, url, release, started, lines };
  }

  it("answers the requests in flight before it closes their connections, and answers 503 to new ones on open connections", async () => {
    const { server, url, release, started } = await slowServer();
    const agent = new Agent({ connections: 2, pipelining: 0 });
    try {
      // Two keep-alive connections: one holds /slow, the other is open and idle.
      await request(`${url}/warm`, { dispatcher: agent }).then((r) => r.body.text());
      const slow = request(`${url}/slow`, { dispatcher: agent }).then(async (r) => ({ status: r.statusCode, body: await r.body.text() }));
      await started;
      const closing = closeServer(server, 10_000);
      const during = await request(`${url}/late`, { dispatcher: agent }).then(async (r) => ({ status: r.statusCode, connection: r.headers.connection }), (error: unknown) => ({ status: 0, connection: String(error) }));
      // The idle connection was closed (a new one is refused: the server listens no more), or it answered 503 and closes.
      expect([0, 503]).toContain(during.status);
      release();
      expect(await slow).toEqual({ status: 200, body: "answered /slow" });
      await closing;
      expect(server.listening).toBe(false);
    } finally {
      await agent.close();
    }
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
