// The upstream provider's result downloads: the upstream's own origin is fetched with its key;
// any other origin only over https, through the guarded agent (public addresses only, checked
// when connecting), never with the key; no redirects; a size cap. And what its API's answers
// mean for an attempt.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { MockAgent, request } from "undici";
import { createGuardedAgent } from "../../../src/adapters/providers/guarded-dispatcher.ts";
import { createUpstreamProvider } from "../../../src/adapters/providers/upstream-provider.ts";
import type { ProviderJob } from "../../../src/services/ports/provider.ts";
import { withFilesRead } from "./support/read-result.ts";

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(56, 1)]);

/** A plain HTTP server on 127.0.0.1 that counts connections and records what it was asked. */
interface Listener {
  readonly url: string;
  readonly port: number;
  readonly connections: number;
  readonly requests: { path: string; headers: IncomingHttpHeaders }[];
  /** What to answer per path (default 404). */
  readonly routes: Map<string, (res: import("node:http").ServerResponse) => void>;
  close(): Promise<void>;
}

async function listen(): Promise<Listener> {
  const requests: Listener["requests"] = [];
  const routes: Listener["routes"] = new Map();
  const sockets = new Set<Socket>();
  let connections = 0;
  const server: Server = createServer((req, res) => {
    requests.push({ path: req.url ?? "", headers: req.headers });
    const route = routes.get((req.url ?? "").split("?")[0]!);
    if (route) return route(res);
    res.writeHead(404).end();
  });
  server.on("connection", (socket) => {
    connections++;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get connections() {
      return connections;
    },
    requests,
    routes,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const json = (body: unknown) => (res: import("node:http").ServerResponse) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));

let upstream: Listener;
let foreign: Listener;
beforeAll(async () => {
  upstream = await listen();
  foreign = await listen();
});
afterAll(async () => {
  await upstream?.close();
  await foreign?.close();
});
afterEach(() => {
  upstream.routes.clear();
  upstream.requests.length = 0;
  foreign.routes.clear();
  foreign.requests.length = 0;
});

let counter = 0;
const job = (): ProviderJob => ({
  taskId: `00000000-0000-4000-8000-${String(++counter).padStart(12, "0")}`,
  model: "gpt-image-2",
  output: "image",
  params: { prompt: "x" },
  attempt: 1,
  account: 1,
  startedAt: Date.now(),
  // Submitted already (the first poll of an attempt submits; these tests are about the downloads).
  upstream: "up-1",
});

/** The upstream finishes at once with these result URLs. */
function finishWith(result: string[], glb: string[] = []) {
  upstream.routes.set("/api/generate", json({ task_id: "up-1" }));
  upstream.routes.set("/get/up-1", json({ status: "FINISHED", result, glb_urls: glb }));
}

const KEY = "sk-upstream-secret-key";

describe("result files on the upstream's own origin", () => {
  it("are downloaded with the account's key (absolute and relative URLs)", async () => {
    finishWith([`${upstream.url}/files/t/a.png`, "/files/t/b.png"]);
    upstream.routes.set("/files/t/a.png", (res) => res.writeHead(200, { "content-type": "image/png" }).end(PNG));
    upstream.routes.set("/files/t/b.png", (res) => res.writeHead(200, { "content-type": "image/png" }).end(PNG));
    const status = await withFilesRead(await createUpstreamProvider({ baseUrl: upstream.url, apiKeys: [KEY] }).poll(job(), Date.now()));
    expect(status).toMatchObject({ state: "finished", result: ["a.png", "b.png"] });
    const downloads = upstream.requests.filter((r) => r.path.startsWith("/files/"));
    expect(downloads.map((r) => r.headers.authorization)).toEqual([`Bearer ${KEY}`, `Bearer ${KEY}`]);
  });

  it("are refused past the size cap (declared or streamed), failing the attempt", async () => {
    finishWith(["/files/t/big.png", "/files/t/chunked.png"]);
    upstream.routes.set("/files/t/big.png", (res) => res.writeHead(200, { "content-type": "image/png", "content-length": "1000" }).end(Buffer.alloc(1000)));
    const provider = createUpstreamProvider({ baseUrl: upstream.url, apiKeys: [KEY], maxDownloadBytes: 100 });
    expect(await withFilesRead(await provider.poll(job(), Date.now()))).toMatchObject({ state: "failed", retryable: false, error: expect.stringContaining("larger than 100 bytes") });

    finishWith(["/files/t/chunked.png"]);
    upstream.routes.set("/files/t/chunked.png", (res) => {
      res.writeHead(200, { "content-type": "image/png" });
      for (let i = 0; i < 10; i++) res.write(Buffer.alloc(50));
      res.end();
    });
    expect(await withFilesRead(await provider.poll(job(), Date.now()))).toMatchObject({ state: "failed", error: expect.stringContaining("larger than 100 bytes") });
  });

  it("do not follow redirects (to another origin or anywhere)", async () => {
    finishWith(["/files/t/moved.png"]);
    upstream.routes.set("/files/t/moved.png", (res) => res.writeHead(302, { location: `${foreign.url}/x.png` }).end());
    const before = foreign.connections;
    const status = await withFilesRead(await createUpstreamProvider({ baseUrl: upstream.url, apiKeys: [KEY] }).poll(job(), Date.now()));
    expect(status).toMatchObject({ state: "failed", error: expect.stringContaining("redirect") });
    expect(foreign.connections).toBe(before);
  });

  it("get file names that are safe in /files/<task>/<name>", async () => {
    finishWith(["/files/t/..%2F..%2Fetc%2Fpasswd", "/files/t/a%20b%3Cscript%3E.png"]);
    upstream.routes.set("/files/t/..%2F..%2Fetc%2Fpasswd", (res) => res.writeHead(200, { "content-type": "image/png" }).end(PNG));
    upstream.routes.set("/files/t/a%20b%3Cscript%3E.png", (res) => res.writeHead(200, { "content-type": "image/png" }).end(PNG));
    const status = await withFilesRead(await createUpstreamProvider({ baseUrl: upstream.url, apiKeys: [KEY] }).poll(job(), Date.now()));
    if (status.state !== "finished") throw new Error(JSON.stringify(status));
    expect(status.result).toEqual([".._.._etc_passwd", "a_b_script_.png"]);
  });
});

describe("the upstream's API answers", () => {
  const provider = () => createUpstreamProvider({ baseUrl: upstream.url, apiKeys: [KEY] });
  const unsubmitted = (): ProviderJob => Object.assign(job(), { upstream: null });

  it("429 on submit: a retryable failure (another account runs it) that rests the account for the upstream's Retry-After, not the same account asked again every poll", async () => {
    upstream.routes.set("/api/generate", (res) => res.writeHead(429, { "content-type": "application/json", "retry-after": "12" }).end(JSON.stringify({ error: "slow down", code: "RATE_LIMITED" })));
    const status = await withFilesRead(await createUpstreamProvider({ baseUrl: upstream.url, apiKeys: [KEY] }).poll(unsubmitted(), Date.now()));
    expect(status).toMatchObject({ state: "failed", retryable: true, error: expect.stringContaining("429"), rateLimited: { retryAfterMs: 12_000 } });
  });

  it("a task the upstream no longer knows (404) is a lost attempt another account may run; a refused key (401) too; a 503 is asked again", async () => {
    const provider = createUpstreamProvider({ baseUrl: upstream.url, apiKeys: [KEY] });
    upstream.routes.set("/get/up-1", (res) => res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "Task not found", code: "NOT_FOUND" })));
    expect(await provider.poll(job(), Date.now())).toEqual({ state: "failed", error: "Upstream no longer knows this task (404)", retryable: true });
    upstream.routes.set("/get/up-1", (res) => res.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ error: "Invalid API key", code: "UNAUTHORIZED" })));
    expect(await provider.poll(job(), Date.now())).toMatchObject({ state: "failed", retryable: true, error: expect.stringContaining("401") });
    upstream.routes.set("/get/up-1", (res) => res.writeHead(503).end());
    expect(await provider.poll(job(), Date.now())).toMatchObject({ state: "running" });
  });

  it("a task FINISHED with no result is a failed attempt another account may run, not a result the client is charged for", async () => {
    finishWith([]);
    expect(await provider().poll(job(), Date.now())).toMatchObject({ state: "failed", retryable: true, error: expect.stringContaining("Upstream answered something that is not") });
  });

  it("a task answer that is not JSON, or larger than any answer may be, is nothing learned: still running", async () => {
    const provider = createUpstreamProvider({ baseUrl: upstream.url, apiKeys: [KEY] });
    upstream.routes.set("/get/up-1", (res) => res.writeHead(200, { "content-type": "text/html" }).end("<html>maintenance</html>"));
    expect(await withFilesRead(await provider.poll(job(), Date.now()))).toMatchObject({ state: "running" });
    upstream.routes.set("/get/up-1", (res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(`{"status":"RUNNING","pad":"${"x".repeat(5 * 1024 * 1024)}"}`);
    });
    expect(await withFilesRead(await provider.poll(job(), Date.now()))).toMatchObject({ state: "running" });
  });
});

describe("result files on another origin", () => {
  it.each([
    ["a loopback http URL", () => `http://127.0.0.1:${foreign.port}/x.png`],
    ["a loopback https URL", () => `https://127.0.0.1:${foreign.port}/x.png`],
    ["localhost", () => `https://localhost:${foreign.port}/x.png`],
    ["an IPv4-compatible loopback", () => `https://[::127.0.0.1]:${foreign.port}/x.png`],
    ["a URL with the upstream's credentials", () => `https://user:pw@127.0.0.1:${foreign.port}/x.png`],
    ["a backslash trick", () => `https://8.8.8.8\\@127.0.0.1:${foreign.port}/x.png`],
    ["a file URL", () => "file:///etc/passwd"],
  ])("are refused: %s (no connection, the attempt fails)", async (_, url) => {
    finishWith([url()]);
    const before = foreign.connections;
    const status = await withFilesRead(await createUpstreamProvider({ baseUrl: upstream.url, apiKeys: [KEY] }).poll(job(), Date.now()));
    expect(status).toMatchObject({ state: "failed", retryable: false, error: expect.stringContaining("Upstream result refused") });
    expect(foreign.connections).toBe(before);
    expect(foreign.requests).toEqual([]);
  });

  it("are checked again when connecting: a name that resolves to loopback by then is never reached (DNS rebinding)", async () => {
    // The name passed every earlier check; at connection time it resolves to 127.0.0.1.
    const rebinding = createGuardedAgent({ resolve: async () => ["127.0.0.1"] });
    finishWith([`https://cdn.rebind.example:${foreign.port}/x.png`]);
    const before = foreign.connections;
    const status = await withFilesRead(await createUpstreamProvider({ baseUrl: upstream.url, apiKeys: [KEY], downloadDispatcher: rebinding }).poll(job(), Date.now()));
    expect(status).toMatchObject({ state: "failed", error: expect.stringContaining("non-public address") });
    expect(foreign.connections).toBe(before);
    await rebinding.close();
  });

  it("are fetched without the upstream's Authorization", async () => {
    const cdn = new MockAgent();
    cdn.disableNetConnect();
    const seen: unknown[] = [];
    cdn
      .get("https://cdn.example.com")
      .intercept({ path: "/r/x.png", method: "GET" })
      .reply((options) => {
        seen.push(options.headers);
        return { statusCode: 200, data: PNG, responseOptions: { headers: { "content-type": "image/png" } } };
      });
    finishWith(["https://cdn.example.com/r/x.png"]);
    const status = await withFilesRead(await createUpstreamProvider({ baseUrl: upstream.url, apiKeys: [KEY], downloadDispatcher: cdn }).poll(job(), Date.now()));
    expect(status).toMatchObject({ state: "finished", result: ["x.png"] });
    expect(JSON.stringify(seen)).not.toContain(KEY);
    expect(JSON.stringify(seen).toLowerCase()).not.toContain("authorization");
    await cdn.close();
  });
});

describe("the guarded agent", () => {
  it("refuses address literals and names resolving to blocked addresses before connecting, and connects otherwise", async () => {
    foreign.routes.set("/ok", (res) => res.writeHead(200).end("ok"));
    const toLoopback = async () => ["127.0.0.1"];
    const before = foreign.connections;
    const guarded = createGuardedAgent({ resolve: toLoopback });
    await expect(request(`http://127.0.0.1:${foreign.port}/ok`, { dispatcher: guarded })).rejects.toMatchObject({ code: "EADDRBLOCKED" });
    await expect(request(`http://[::ffff:127.0.0.1]:${foreign.port}/ok`, { dispatcher: guarded })).rejects.toMatchObject({ code: "EADDRBLOCKED" });
    await expect(request(`http://rebind.example:${foreign.port}/ok`, { dispatcher: guarded })).rejects.toMatchObject({ code: "EADDRBLOCKED" });
    const mixed = createGuardedAgent({ resolve: async () => ["93.184.216.34", "10.0.0.1"] });
    await expect(request(`http://mixed.example:${foreign.port}/ok`, { dispatcher: mixed })).rejects.toMatchObject({ code: "EADDRBLOCKED" });
    expect(foreign.connections).toBe(before);

    // The same agent, told loopback is fine, connects through its lookup: the guard is what refused.
    const permissive = createGuardedAgent({ resolve: toLoopback, isBlocked: () => false });
    const reply = await request(`http://rebind.example:${foreign.port}/ok`, { dispatcher: permissive });
    expect(await reply.body.text()).toBe("ok");
    expect(foreign.connections).toBe(before + 1);
    await Promise.all([guarded.close(), mixed.close(), permissive.close()]);
  });
});
