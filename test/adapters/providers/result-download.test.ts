// Downloading a vendor's result files: one deadline for the whole download (not only between two
// chunks), one byte cap for all the files of a result (the first failure stops the others), and
// distinct file names. And a vendor API call held to its timeout as a whole.
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Agent } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { downloadResult, downloadResults, RefusedDownload, type DownloadPolicy } from "../../../src/adapters/providers/result-download.ts";
import { callVendor, VendorUnreachable } from "../../../src/adapters/providers/vendor-http.ts";

/** Responses still being written when a test ends. */
const open = new Set<ServerResponse>();
/** Bytes each path had written when its client went away. */
const written = new Map<string, number>();

/** `/trickle/N`: a byte every 20 ms, N in all; `/bytes/N`: N bytes at once, then the end; `/slow/N`: N bytes, 64 KiB every 20 ms (anything after N: ignored). */
let server: Server;
let origin: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const [, kind, count] = req.url!.split("/");
    const total = Number(count);
    res.writeHead(200, { "content-type": "image/png" });
    if (kind === "bytes") return void res.end(Buffer.alloc(total, 1));
    open.add(res);
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
    res.on("close", () => {
      clearInterval(timer);
      open.delete(res);
    });
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
  return Object.assign({ origin, dispatcher, downloadDispatcher: dispatcher, maxBytes: 1_000_000, timeoutMs: 5_000 }, more);
};

describe("result downloads", () => {
  it("stops a download at its deadline however short each wait between chunks, as a failure the next poll retries", async () => {
    const began = performance.now();
    const failed = await downloadResult(`${origin}/trickle/1000`, 0, policy({ timeoutMs: 1_000, deadlineMs: 300 })).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(Error);
    expect(failed).not.toBeInstanceOf(RefusedDownload);
    expect(performance.now() - began).toBeLessThan(2_000);
  });

  it("holds all the files of a result to one byte cap, and stops the others once one goes over it", async () => {
    const failed = await downloadResults([`${origin}/bytes/600000`, `${origin}/slow/4000000`], policy({ maxBytes: 1_000_000 })).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(RefusedDownload);
    // The slow file was stopped when the cap was passed, far from its 4 MB.
    await expect.poll(() => open.size, { timeout: 2_000, interval: 20 }).toBe(0);
    expect(written.get("/slow/4000000")!).toBeLessThan(1_000_000);
    expect((await downloadResults([`${origin}/bytes/400000`, `${origin}/bytes/400000`], policy({ maxBytes: 1_000_000 }))).map((f) => f.data.byteLength)).toEqual([400_000, 400_000]);
  });

  it("names every file of a result differently, a renamed one included", async () => {
    const files = await downloadResults([`${origin}/bytes/1/2-x.png`, `${origin}/bytes/2/x.png`, `${origin}/bytes/3/x.png`], policy());
    expect(files.map((f) => [f.name, f.data.byteLength])).toEqual([["2-x.png", 1], ["x.png", 2], ["2-1-x.png", 3]]);
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
