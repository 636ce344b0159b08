// GET /files/…: whatever a result holds (an upstream may answer HTML or SVG), it is never served as
// a document of the gateway's origin; a response nobody reads is ended, with its blob stream.
import { createHash, randomBytes } from "node:crypto";
import { createServer, get as httpGet, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import type { GatewayServices } from "../../src/services/gateway-services.ts";
import { filesRoute } from "../../src/rest/routes/files.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OutputFile, Provider } from "../../src/services/ports/provider.ts";
import { startGateway, type TestGateway } from "../support/gateway.ts";
import { client, type Client } from "./http.ts";
import { waitForFinalTask } from "./harness.ts";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const text = (s: string) => new TextEncoder().encode(s);
/** A video large enough to seek in. */
const VIDEO = randomBytes(200_000);

const FILES: OutputFile[] = [
  { name: "a.png", mediaType: "image/png", data: PNG },
  { name: "b.jpg", mediaType: "IMAGE/JPEG; charset=binary", data: PNG },
  { name: "c.mp4", mediaType: "video/mp4", data: PNG },
  { name: "d.glb", mediaType: "model/gltf-binary", data: PNG },
  { name: "e.html", mediaType: "text/html", data: text("<script>alert(document.cookie)</script>") },
  { name: "f.svg", mediaType: "image/svg+xml", data: text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') },
  { name: "g.js", mediaType: "application/javascript", data: text("alert(1)") },
  { name: "h.xml", mediaType: "application/xhtml+xml", data: text("<html/>") },
  { name: "i.bin", mediaType: "", data: PNG },
  { name: "j.mp4", mediaType: "video/mp4", data: VIDEO },
];

/** An upstream that finishes every generation at once with FILES. */
const provider: Provider = {
  poll: async () => ({ state: "finished", files: FILES, result: FILES.map((f) => f.name), glb: [] }),
};

let gw: TestGateway;
let api: Client;
let urls: Map<string, string>;
beforeAll(async () => {
  gw = await startGateway({ provider });
  api = client(gw.url);
  const generated = await api.post("/api/generate", { model: "gpt-image-2", params: { prompt: "files" } }, { key: gw.key });
  expect(generated.status).toBe(200);
  const task = await waitForFinalTask(api, gw.key, generated.body.task_id);
  expect(task.status).toBe("FINISHED");
  urls = new Map((task.result as string[]).map((url) => [url.split("/").pop()!, url]));
}, 60_000);
afterAll(async () => gw?.close());

const served = async (name: string) => {
  const response = await api.fetch(urls.get(name)!);
  await response.arrayBuffer();
  expect(response.status).toBe(200);
  return response.headers;
};

describe("the headers result files are served with", () => {
  it.each([
    ["a.png", "image/png"],
    ["b.jpg", "image/jpeg"],
    ["c.mp4", "video/mp4"],
    ["d.glb", "model/gltf-binary"],
  ])("%s: an allow-listed type, served as itself (%s), inline", async (name, type) => {
    const headers = await served(name);
    expect(headers.get("content-type")).toBe(type);
    expect(headers.get("content-disposition")).toBeNull();
    expect(headers.get("content-security-policy")).toBe("sandbox");
    expect(headers.get("x-content-type-options")).toBe("nosniff");
  });

  it.each(["e.html", "f.svg", "g.js", "h.xml", "i.bin"])("%s: anything else, as an application/octet-stream attachment", async (name) => {
    const headers = await served(name);
    expect(headers.get("content-type")).toBe("application/octet-stream");
    expect(headers.get("content-disposition")).toBe(`attachment; filename="${name}"`);
    expect(headers.get("content-security-policy")).toBe("sandbox");
    expect(headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("conditional and range requests on a result file", () => {
  const etag = `"${createHash("sha256").update(VIDEO).digest("hex")}"`;
  const get = async (headers: Record<string, string> = {}) => {
    const response = await api.fetch(urls.get("j.mp4")!, { headers });
    return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
  };

  it("serves the whole file with its sha256 as a strong ETag and Accept-Ranges: bytes", async () => {
    const reply = await get();
    expect(reply.status).toBe(200);
    expect(reply.body.equals(VIDEO)).toBe(true);
    expect(reply.headers.get("etag")).toBe(etag);
    expect(reply.headers.get("accept-ranges")).toBe("bytes");
    expect(reply.headers.get("content-length")).toBe(String(VIDEO.length));
  });

  it("answers 304 without a body when If-None-Match names the ETag (weak or in a list), 200 otherwise", async () => {
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, "*"]) {
      const reply = await get({ "if-none-match": header });
      expect(reply.status, header).toBe(304);
      expect(reply.body.length).toBe(0);
      expect(reply.headers.get("etag")).toBe(etag);
    }
    expect((await get({ "if-none-match": '"other"' })).status).toBe(200);
  });

  it.each([
    ["bytes=0-1", 0, 1],
    ["bytes=1000-1999", 1000, 1999],
    ["bytes=199990-", 199_990, 199_999],
    ["bytes=-10", 199_990, 199_999],
    ["bytes=150000-999999", 150_000, 199_999],
  ])("answers %s with 206 and exactly those bytes", async (range, start, end) => {
    const reply = await get({ range });
    expect(reply.status).toBe(206);
    expect(reply.headers.get("content-range")).toBe(`bytes ${start}-${end}/${VIDEO.length}`);
    expect(reply.headers.get("content-type")).toBe("video/mp4");
    expect(reply.body.equals(VIDEO.subarray(start, end + 1))).toBe(true);
  });

  it("answers a range past the end with 416 and the size; several ranges or a stale If-Range with the whole file", async () => {
    const past = await get({ range: "bytes=200000-" });
    expect(past.status).toBe(416);
    expect(past.headers.get("content-range")).toBe(`bytes */${VIDEO.length}`);
    const wholeFile: Record<string, string>[] = [{ range: "bytes=0-1,5-6" }, { range: "bytes=0-1", "if-range": '"stale"' }, { range: "items=0-1" }];
    for (const headers of wholeFile) {
      const reply = await get(headers);
      expect(reply.status).toBe(200);
      expect(reply.body.length).toBe(VIDEO.length);
    }
    expect((await get({ range: "bytes=0-1", "if-range": etag })).status).toBe(206);
  });
});

/** The files route alone on a local server, serving `file` for every /files/ URL; its URL for one. */
async function routeServing(file: object, options: Parameters<typeof filesRoute>[1] = {}) {
  const services = { files: { get: async () => file, linked: async () => null, redirectFor: async () => null } } as unknown as GatewayServices;
  const route = filesRoute(services, options);
  const server = createServer((req, res) => void route({ req, res, path: req.url!, tail: req.url!.slice("/files/".length) } as Parameters<typeof route>[0]));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/files/00000000-0000-4000-8000-000000000000/v.mp4`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe("a served file nobody reads", () => {
  it("is ended, and its blob stream destroyed, once no byte has moved for the idle timeout", async () => {
    const size = 256 * 1024 * 1024;
    let blob: Readable | undefined;
    const file = {
      mediaType: "video/mp4", sizeBytes: size, sha256: "ab".repeat(32),
      open: async () => {
        // An endless blob: far more than the socket's buffers take before the client must read.
        blob = Readable.from((function* () {
          for (;;) yield Buffer.alloc(64 * 1024);
        })());
        return blob;
      },
    };
    const served = await routeServing(file, { idleMs: 300 });
    try {
      const response = await new Promise<IncomingMessage>((resolve, reject) => httpGet(served.url, resolve).on("error", reject));
      response.pause();
      const deadline = Date.now() + 5_000;
      while (!blob!.destroyed && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(blob!.destroyed).toBe(true);
      // A paused client notices the closed connection once it reads again: the file arrives cut short.
      response.on("error", () => undefined).resume();
      await new Promise((resolve) => response.once("close", resolve));
      expect(response.complete).toBe(false);
    } finally {
      blob?.destroy();
      await served.close();
    }
  });

  it("is not ended while its client keeps reading, however slowly", async () => {
    const chunks = 12;
    const file = {
      mediaType: "video/mp4", sizeBytes: chunks * 1024, sha256: "ab".repeat(32),
      open: async () => Readable.from((async function* () {
        for (let i = 0; i < chunks; i++) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          yield Buffer.alloc(1024, i);
        }
      })()),
    };
    const served = await routeServing(file, { idleMs: 200 });
    try {
      // 600 ms in all, three times the idle timeout, but never 200 ms without a byte.
      const body = Buffer.from(await (await fetch(served.url)).arrayBuffer());
      expect(body.length).toBe(chunks * 1024);
    } finally {
      await served.close();
    }
  });
});

describe("HEAD on a stored file", () => {
  it("answers GET's headers without a body, and reads nothing of the file from storage", async () => {
    const size = 5 * 1024 * 1024;
    let opened = 0;
    const file = {
      mediaType: "video/mp4", sizeBytes: size, sha256: "ab".repeat(32),
      open: async () => (opened++, Readable.from([Buffer.alloc(size)])),
    };
    const served = await routeServing(file);
    try {
      const url = served.url;
      const head = await fetch(url, { method: "HEAD" });
      expect(head.status).toBe(200);
      expect(Object.fromEntries(head.headers)).toMatchObject({ "content-type": "video/mp4", "content-length": String(size), etag: `"${file.sha256}"`, "accept-ranges": "bytes" });
      expect(opened).toBe(0);
      const ranged = await fetch(url, { method: "HEAD", headers: { range: "bytes=0-99" } });
      expect(ranged.status).toBe(206);
      expect(ranged.headers.get("content-range")).toBe(`bytes 0-99/${size}`);
      expect(opened).toBe(0);
      const got = await fetch(url);
      expect((await got.arrayBuffer()).byteLength).toBe(size);
      expect(opened).toBe(1);
    } finally {
      await served.close();
    }
  });
});
