// Reading a vendor's result files: one deadline for the whole read (not only between two chunks),
// one byte cap for all the files of a result (the first failure stops the others), distinct file
// names, and the files streamed to their store as they arrive. And a vendor API call held to its
// timeout as a whole.
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Agent } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { streamedResults, type DownloadPolicy } from "../../../src/adapters/providers/result-download.ts";
import { ResultRefused } from "../../../src/services/ports/provider.ts";
import { callVendor, VendorUnreachable } from "../../../src/adapters/providers/vendor-http.ts";
import { readIntoMemory } from "./support/read-result.ts";

/** Responses still being written when a test ends. */
const open = new Set<ServerResponse>();
/** Bytes each path had written when its client went away. */
const written = new Map<string, number>();

/** Opened by a test: `/gated/N` sends the rest of its N bytes only then. */
let openGate: () => void = () => undefined;

/**
 * `/trickle/N`: a byte every 20 ms, N in all; `/bytes/N`: N bytes at once, then the end; `/slow/N`:
 * N bytes, 64 KiB every 20 ms; `/gated/N`: 64 KiB, then the rest of N once `openGate` is called
 * (anything after N: ignored).
 */
let server: Server;
let origin: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const [, kind, count] = req.url!.split("/");
    const total = Number(count);
    res.writeHead(200, { "content-type": "image/png" });
    if (kind === "bytes") return void res.end(Buffer.alloc(total, 1));
    open.add(res);
    res.on("close", () => open.delete(res));
    if (kind === "gated") {
      res.write(Buffer.alloc(64 * 1024, 1));
      openGate = () => res.end(Buffer.alloc(total - 64 * 1024, 2));
      return;
    }
    let sent = 0;
    const step = kind === "trickle" ? 1 : 64 * 1024;
    const timer = setInterval(() => {
      const n = Math.min(step, total - sent);
      res.write(Buffer.alloc(n, 1));
      sent += n;
      written.set(req.url!, sent);
      if (sent >= total) {
        clearInterval(timer);
        res.end();
      }
    }, 20);
    res.on("close", () => clearInterval(timer));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const res of open) res.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const policy = (more: Partial<DownloadPolicy> = {}): DownloadPolicy => {
  const dispatcher = new Agent();
  return Object.assign({ label: "test", origin, dispatcher, downloadDispatcher: dispatcher, maxBytes: 1_000_000, timeoutMs: 5_000 }, more);
};

describe("result downloads", () => {
  it("stops a download at its deadline however short each wait between chunks, as a failure the next poll retries", async () => {
    const began = performance.now();
    const failed = await readIntoMemory(streamedResults([`${origin}/trickle/1000`], policy({ timeoutMs: 1_000, deadlineMs: 300 }))).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(Error);
    expect(failed).not.toBeInstanceOf(ResultRefused);
    expect(performance.now() - began).toBeLessThan(2_000);
  });

  it("holds all the files of a result to one byte cap, and stops the others once one goes over it", async () => {
    const failed = await readIntoMemory(streamedResults([`${origin}/bytes/600000`, `${origin}/slow/4000000`], policy({ maxBytes: 1_000_000 }))).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(ResultRefused);
    expect((failed as Error).message).toMatch(/^test result refused: .*larger than 1000000 bytes/);
    // The slow file was stopped when the cap was passed, far from its 4 MB.
    await expect.poll(() => open.size, { timeout: 2_000, interval: 20 }).toBe(0);
    expect(written.get("/slow/4000000")!).toBeLessThan(1_000_000);
    expect((await readIntoMemory(streamedResults([`${origin}/bytes/400000`, `${origin}/bytes/400000`], policy({ maxBytes: 1_000_000 })))).map((f) => f.data.byteLength)).toEqual([400_000, 400_000]);
  });

  it("hands each file to its store as it arrives: the store holds the first bytes before the vendor has sent the last", async () => {
    const total = 8 * 1024 * 1024;
    let stored = 0;
    let firstAt = -1;
    await streamedResults([`${origin}/gated/${total}`], policy({ maxBytes: total, deadlineMs: 10_000 })).read(async (file) => {
      for await (const chunk of file.body) {
        // The vendor sends the rest only once the store has bytes: a read that waited for the
        // whole file would never end (its deadline would fail it).
        if (stored === 0) (firstAt = chunk.byteLength), openGate();
        stored += chunk.byteLength;
      }
    });
    expect(firstAt).toBeGreaterThan(0);
    expect(stored).toBe(total);
  });

  it("closes what the store leaves unread, and keeps a refusal a refusal when the store wraps the stream's errors", async () => {
    await streamedResults([`${origin}/slow/4000000`], policy()).read(async (file) => {
      expect(file.mediaType).toBe("image/png");
    });
    await expect.poll(() => open.size, { timeout: 2_000, interval: 20 }).toBe(0);
    expect(written.get("/slow/4000000")!).toBeLessThan(4_000_000);

    const wrapped = streamedResults([`${origin}/bytes/600000`], policy({ maxBytes: 100_000 })).read(async (file) => {
      try {
        for await (const _ of file.body);
      } catch (error) {
        throw new Error(`the store failed: ${(error as Error).message}`);
      }
    });
    await expect(wrapped).rejects.toBeInstanceOf(ResultRefused);
  });

  it("names every file of a result differently, a renamed one included", async () => {
    const streamed = streamedResults([`${origin}/bytes/1/2-x.png`, `${origin}/bytes/2/x.png`, `${origin}/bytes/3/x.png`], policy(), ["x.png"]);
    expect(streamed.names).toEqual(["2-x.png", "1-x.png", "2-1-x.png"]);
    const files = await readIntoMemory(streamed);
    expect(files.map((f) => [f.name, f.data.byteLength])).toEqual([["2-x.png", 1], ["1-x.png", 2], ["2-1-x.png", 3]]);
  });
});

describe("vendor API calls", () => {
  it("gives up an answer still trickling in at the call's timeout: nothing learned", async () => {
    const dispatcher = new Agent();
    const began = performance.now();
    const failed = await callVendor({ dispatcher, origin, timeoutMs: 300 }, "GET", `${origin}/trickle/1000`, {}).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(VendorUnreachable);
    expect(performance.now() - began).toBeLessThan(2_000);
  });
});
