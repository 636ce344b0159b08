// The bench's load-generator client (bench/support/raw-http-pool.mjs): what it counts must be what
// the server answered, each request sent once, whatever the framing or the connection's fate.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { RawHttpPool } from "../../../bench/support/raw-http-pool.mjs";

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("RawHttpPool", () => {
  it("reads answers framed by Content-Length and chunked alike, and tells of each refusal with its bytes", async () => {
    const origin = await serve((req, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        if (req.url === "/chunked") {
          res.writeHead(200, { "content-type": "text/plain" });
          res.write("part one, ");
          setTimeout(() => res.end("part two"), 5);
        } else if (req.url === "/refused") {
          res.writeHead(429, { "content-type": "application/json" });
          res.end(JSON.stringify({ code: "RATE_LIMITED" }));
        } else {
          res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
          res.end(body);
        }
      });
    });
    const refusals: [number, string][] = [];
    const pool = new RawHttpPool(origin, 2, (status, answer) => refusals.push([status, answer]));
    const body = JSON.stringify({ model: "flux-schnell", params: { prompt: "é".repeat(10_000) } });
    expect(await pool.request({ method: "POST", path: "/echo", headers: { "content-type": "application/json" }, body })).toBe(200);
    expect(await pool.request({ method: "GET", path: "/chunked", headers: {} })).toBe(200);
    expect(await pool.request({ method: "GET", path: "/refused", headers: {} })).toBe(429);
    expect(refusals).toHaveLength(1);
    expect(refusals[0]![1]).toContain("RATE_LIMITED");
    await pool.close();
  });

  it("sends each request once, more requests than connections waiting for one", async () => {
    const seen: string[] = [];
    const origin = await serve((req, res) => {
      seen.push(req.url!);
      setTimeout(() => res.end("ok"), 2);
    });
    const pool = new RawHttpPool(origin, 4);
    const statuses = await Promise.all(Array.from({ length: 100 }, (_, i) => pool.request({ method: "GET", path: `/r/${i}`, headers: {} })));
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(seen.sort()).toEqual(Array.from({ length: 100 }, (_, i) => `/r/${i}`).sort());
    await pool.close();
  });

  it("fails a request whose connection the server drops, and opens a new connection for the next", async () => {
    const origin = await serve((req, res) => {
      if (req.url === "/drop") req.socket.destroy();
      else res.writeHead(200, { connection: "close" }).end("bye");
    });
    const pool = new RawHttpPool(origin, 1);
    await expect(pool.request({ method: "GET", path: "/drop", headers: {} })).rejects.toThrow();
    expect(await pool.request({ method: "GET", path: "/closes", headers: {} })).toBe(200);
    expect(await pool.request({ method: "GET", path: "/closes", headers: {} })).toBe(200);
    await pool.close();
  });
});
