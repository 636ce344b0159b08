import { createServer, request, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readBody } from "../../src/http/body.ts";

const MAX_BYTES = 64;
let server: Server;
let port = 0;

// Echoes what readBody saw. `?after=ms` reads only after a delay, when the whole body has been
// buffered by the parser; otherwise it reads at once, while a slow client is still sending.
beforeAll(async () => {
  server = createServer(async (req, res) => {
    const after = Number(new URL(req.url ?? "/", "http://localhost").searchParams.get("after") ?? 0);
    if (after) await new Promise((resolve) => setTimeout(resolve, after));
    const read = await readBody(req, MAX_BYTES);
    const answer = read.kind === "complete" ? { kind: read.kind, text: read.bytes.toString("utf8") } : { kind: read.kind };
    res.writeHead(200, { "content-type": "application/json", ...(read.kind === "too-large" ? { connection: "close" } : {}) });
    res.end(JSON.stringify(answer));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Sends `parts` as the body, `gapMs` apart; chunked unless `length` is given. */
function send(path: string, parts: readonly string[], options: { gapMs?: number; length?: number } = {}): Promise<{ kind: string; text?: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (options.length !== undefined) headers["content-length"] = String(options.length);
    const req = request({ host: "127.0.0.1", port, path, method: "POST", headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve(JSON.parse(text) as { kind: string; text?: string }));
    });
    req.on("error", reject);
    void (async () => {
      for (const part of parts) {
        req.write(part);
        if (options.gapMs) await new Promise((r) => setTimeout(r, options.gapMs));
      }
      req.end();
    })();
  });
}

describe("readBody", () => {
  it("reads a body that arrived whole before the handler asked", async () => {
    expect(await send("/?after=30", ['{"a":1}'], { length: 7 })).toEqual({ kind: "complete", text: '{"a":1}' });
  });

  it("reads a body that is still arriving, in order", async () => {
    expect(await send("/", ['{"a":', '"b",', '"c":2}'], { gapMs: 20 })).toEqual({ kind: "complete", text: '{"a":"b","c":2}' });
  });

  it("reads an empty body as empty, whether it has arrived or not", async () => {
    expect(await send("/?after=30", [], { length: 0 })).toEqual({ kind: "complete", text: "" });
    expect(await send("/", [])).toEqual({ kind: "complete", text: "" });
  });

  it("refuses a chunked body over the cap, streamed or already buffered", async () => {
    const big = "x".repeat(MAX_BYTES + 1);
    expect(await send("/", [big.slice(0, 40), big.slice(40)], { gapMs: 20 })).toEqual({ kind: "too-large" });
    expect(await send("/?after=30", [big])).toEqual({ kind: "too-large" });
  });

  it("takes a body of exactly the cap", async () => {
    const exact = "y".repeat(MAX_BYTES);
    expect(await send("/?after=30", [exact])).toEqual({ kind: "complete", text: exact });
    expect(await send("/", [exact.slice(0, 10), exact.slice(10)], { gapMs: 10 })).toEqual({ kind: "complete", text: exact });
  });
});
