import { request, type ClientRequest, type IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LARGE_BODY_BYTES } from "../../src/http/large-body-lanes.ts";
import { startGateway, type TestGateway } from "../support/gateway.ts";

// One large body at a time per client address (src/http/large-body-lanes.ts), at the request edge
// of every path: a second large request of the same address is not read until the first is
// answered; small requests and other addresses never wait.

let gw: TestGateway;
beforeAll(async () => {
  gw = await startGateway({ env: { GATEAI_TRUST_PROXY: "true" } });
}, 60_000);
afterAll(async () => gw?.close());

/** A body the REST face refuses (400, not JSON), of `bytes` bytes. */
const notJson = (bytes: number) => Buffer.alloc(bytes, "x");

interface Answer {
  readonly status: number;
  readonly body: string;
  /** When the answer had been read (performance.now()). */
  readonly at: number;
}

/** Starts a POST with a declared length; the caller writes the body. */
function open(path: string, length: number, address: string): { req: ClientRequest; answer: Promise<Answer> } {
  const req = request(`${gw.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "content-length": String(length), authorization: `Bearer ${gw.key}`, "x-forwarded-for": address },
  });
  const answer = new Promise<Answer>((resolve, reject) => {
    req.on("response", (res: IncomingMessage) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, at: performance.now() }));
    });
    req.on("error", reject);
  });
  return { req, answer };
}

function send(path: string, body: Buffer, address: string): Promise<Answer> {
  const { req, answer } = open(path, body.length, address);
  req.end(body);
  return answer;
}

describe("large bodies at the request edge", () => {
  it("reads a client's second large body only once its first is answered; its small requests and other clients go on", async () => {
    const size = LARGE_BODY_BYTES * 3;
    // A: a large body of 203.0.113.7, half sent.
    const first = open("/api/generate", size, "203.0.113.7");
    first.req.write(notJson(size / 2));
    // B: another large body of the same address, sent whole.
    const second = send("/api/estimate", notJson(size), "203.0.113.7");
    // Small requests of that address, and a large one of another address, are answered while A is pending.
    const small = await send("/api/estimate", Buffer.from(JSON.stringify({ model: "gpt-image-2", params: { prompt: "x" } })), "203.0.113.7");
    expect(small.status).toBe(200);
    const otherAddress = await send("/api/estimate", notJson(size), "198.51.100.9");
    expect(otherAddress.status).toBe(400);
    // A finishes: then, and only then, B is read and answered.
    const finishedAt = performance.now();
    first.req.end(notJson(size / 2));
    const [a, b] = await Promise.all([first.answer, second]);
    expect(a.status).toBe(400);
    expect(b.status).toBe(400);
    expect(b.at).toBeGreaterThan(finishedAt);
    expect(b.at).toBeGreaterThanOrEqual(a.at);
  });

  it("answers 429 RATE_LIMITED (LARGE_BODIES) to a client with too many large requests waiting, in each face's shape", async () => {
    const size = LARGE_BODY_BYTES + 1;
    const holder = open("/api/generate", size, "203.0.113.8");
    holder.req.write("x");
    const waiting = Array.from({ length: 16 }, () => send("/api/estimate", notJson(size), "203.0.113.8"));
    const rest = await send("/api/estimate", notJson(size), "203.0.113.8");
    expect(rest.status).toBe(429);
    expect(JSON.parse(rest.body)).toMatchObject({ code: "RATE_LIMITED", reason: "LARGE_BODIES" });
    const graphql = await send("/graphql", notJson(size), "203.0.113.8");
    expect(graphql.status).toBe(429);
    expect(JSON.parse(graphql.body)).toMatchObject({ errors: [{ extensions: { code: "RATE_LIMITED", reason: "LARGE_BODIES" } }] });
    holder.req.end(notJson(size - 1));
    for (const answer of await Promise.all(waiting)) expect(answer.status).toBe(400);
    expect((await holder.answer).status).toBe(400);
  });

  it("gives the lane back when a waiting client goes away", async () => {
    const size = LARGE_BODY_BYTES + 1;
    const holder = open("/api/generate", size, "203.0.113.9");
    holder.req.write("x");
    const leaver = open("/api/estimate", size, "203.0.113.9");
    leaver.req.write("x");
    leaver.answer.catch(() => undefined);
    leaver.req.destroy();
    holder.req.end(notJson(size - 1));
    expect((await holder.answer).status).toBe(400);
    // The lane is free again: the next large request of the address is answered.
    expect((await send("/api/estimate", notJson(size), "203.0.113.9")).status).toBe(400);
  });

  it("closes the connection of a GraphQL 413 whose client stops sending, so the address's next large body is read", async () => {
    const { req, answer } = open("/graphql", 16 * 1024 * 1024, "203.0.113.23");
    req.write('{"query":"{ __typename }","variables":{"x":"');
    const refused = await new Promise<IncomingMessage>((resolve) => req.on("response", resolve));
    refused.resume();
    expect(refused.statusCode).toBe(413);
    expect(refused.headers.connection).toBe("close");
    await answer.catch(() => undefined);
    // The lane is free: the next large body of the address is read and answered.
    expect((await send("/api/estimate", notJson(LARGE_BODY_BYTES + 1), "203.0.113.23")).status).toBe(400);
  }, 10_000);
});

describe("large bodies at the request edge, paced by bytes", () => {
  let paced: TestGateway;
  beforeAll(async () => {
    // 1 MiB a second: a 512 KiB body keeps its address's lane closed for half a second.
    paced = await startGateway({ env: { GATEAI_TRUST_PROXY: "true", GATEAI_LARGE_BODY_BYTES_PER_SECOND: String(1024 * 1024) } });
  }, 60_000);
  afterAll(async () => paced?.close());

  const post = (path: string, body: Buffer, address: string) =>
    new Promise<Answer>((resolve, reject) => {
      const req = request(`${paced.url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": String(body.length), authorization: `Bearer ${paced.key}`, "x-forwarded-for": address },
      });
      req.on("response", (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text, at: performance.now() }));
      });
      req.on("error", reject);
      req.end(body);
    });

  it("reads an address's next large body only once the bytes of its last are paid for at the configured rate; other addresses go on", async () => {
    const half = 512 * 1024;
    const sentAt = performance.now();
    const first = await post("/api/estimate", notJson(half), "203.0.113.20");
    expect(first.status).toBe(400);
    const second = post("/api/estimate", notJson(half), "203.0.113.20");
    const other = await post("/api/estimate", notJson(half), "198.51.100.20");
    expect(other.status).toBe(400);
    const answered = await second;
    expect(answered.status).toBe(400);
    // 512 KiB at 1 MiB/s: the second is read no sooner than 500 ms after the first arrived.
    expect(answered.at - sentAt).toBeGreaterThanOrEqual(500);
    expect(other.at).toBeLessThan(answered.at);
  });

  it("holds the lane while Node reads the rest of a body answered before it was read (a 404 on a kept-alive connection)", async () => {
    const half = 512 * 1024;
    const sentAt = performance.now();
    const notFound = await post("/no-such-path", notJson(half), "203.0.113.22");
    expect(notFound.status).toBe(404);
    const next = await post("/api/estimate", notJson(half), "203.0.113.22");
    expect(next.status).toBe(400);
    // The 404's 512 KiB were read after its answer, and paid for: 500 ms at 1 MiB/s.
    expect(next.at - sentAt).toBeGreaterThanOrEqual(500);
  });

  it("does not make an address pay for a declared body it was refused without sending (413)", async () => {
    // 100 MiB declared: refused at once for its length, the connection closed, almost nothing read.
    const refused = await new Promise<number>((resolve, reject) => {
      const req = request(`${paced.url}/api/generate`, {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": String(100 * 1024 * 1024), authorization: `Bearer ${paced.key}`, "x-forwarded-for": "203.0.113.21" },
      });
      req.on("response", (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.write("{");
    });
    expect(refused).toBe(413);
    // Paid for as 100 MiB, the address's next large body would wait 100 s at 1 MiB/s: it is answered within the test's time.
    expect((await post("/api/estimate", notJson(LARGE_BODY_BYTES + 1), "203.0.113.21")).status).toBe(400);
  }, 10_000);
});
