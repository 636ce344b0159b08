// What only the S3 blob store must keep, beyond the shared contract: reads whose bodies nobody
// consumes (a client of /files that stopped reading) hold connections, and may hold every one
// reads have, but never one that a write or a delete needs; a server that goes silent fails the
// request instead of holding it for ever.
import { randomUUID } from "node:crypto";
import { createServer, type Socket } from "node:net";
import type { Readable } from "node:stream";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createS3BlobStore, READ_SOCKETS, S3_TIMEOUTS, type S3BlobStore } from "../../../src/adapters/files/s3-blob-store.ts";
import { isServiceUnavailable } from "../../../src/http/unavailable.ts";
import { SERVED_IDLE_MS } from "../../../src/rest/routes/files.ts";
import { bodyOf } from "../../support/file-store.ts";
import { startLocalS3, type LocalS3 } from "../../support/s3rver.ts";

let s3: LocalS3;
let store: S3BlobStore;
beforeAll(async () => {
  s3 = await startLocalS3();
  store = createS3BlobStore({ bucket: s3.bucket, endpoint: s3.endpoint, region: "us-east-1", credentials: s3.credentials, forcePathStyle: true });
});
afterAll(async () => {
  store?.close();
  await s3?.close();
});

const newKey = () => `uploads/${randomUUID().slice(0, 2)}/${randomUUID()}`;
const options = { contentType: "image/png" };
/** Connections an S3 client of the SDK opens at most by default. */
const SDK_SOCKETS = 50;

it("writes and deletes while every read connection is held by a body nobody reads", async () => {
  const key = newKey();
  await store.put(key, bodyOf(Buffer.alloc(1024, 1)), options);
  // More reads than the SDK's pool of 50 (the reads' own, and all a client had before writes got
  // one apart): each resolves with its body unread, which keeps its connection; the rest wait.
  const reads = Array.from({ length: SDK_SOCKETS + 5 }, () => store.get(key));
  const held: Readable[] = [];
  for (const read of reads) void read.then((body) => body && held.push(body));
  const deadline = Date.now() + 10_000;
  while (held.length < SDK_SOCKETS && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  try {
    const written = newKey();
    const write = store.put(written, bodyOf(Buffer.alloc(2048, 2)), options).then(() => store.delete([written]));
    const outcome = await Promise.race([write.then(() => "written and deleted"), new Promise((resolve) => setTimeout(() => resolve("blocked"), 5_000))]);
    expect(outcome).toBe("written and deleted");
  } finally {
    // Destroying a body frees its connection for the next waiting read, whose body goes too.
    while (held.length < reads.length) {
      for (const body of held) body.destroy();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    for (const body of held) body.destroy();
    await store.delete([key]);
  }
  // The reads above held every connection reads have.
  expect(READ_SOCKETS).toBeLessThanOrEqual(SDK_SOCKETS);
}, 30_000);

it("fails a write and a read to a server that accepts the connection and never answers, once the socket has been idle for the timeout", async () => {
  const sockets: Socket[] = [];
  const silent = createServer((socket) => void sockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  const { port } = silent.address() as { port: number };
  const idleMs = 300;
  const mute = createS3BlobStore({ bucket: "b", endpoint: `http://127.0.0.1:${port}`, region: "us-east-1", credentials: { accessKeyId: "a", secretAccessKey: "s" }, forcePathStyle: true }, { connectMs: 1_000, idleMs });
  try {
    const started = Date.now();
    const failures = await Promise.all([mute.put(newKey(), bodyOf(Buffer.alloc(16, 1)), options), mute.get(newKey())].map((p) => p.then(() => undefined, (error: unknown) => error)));
    for (const failure of failures) {
      expect(String(failure)).toMatch(/timed out after 300 ms of inactivity/);
      // Answered as the file store being down: 503 to uploads and file reads.
      expect(isServiceUnavailable(failure)).toBe(true);
    }
    // The SDK tries a timed-out request again (3 attempts in all, each cut by the timeout).
    expect(Date.now() - started).toBeGreaterThanOrEqual(2 * idleMs);
    expect(sockets.length).toBeGreaterThan(0);
  } finally {
    mute.close();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  }
  // A served file's read is ended by the route first, when its client stops reading.
  expect(S3_TIMEOUTS.idleMs).toBeGreaterThan(SERVED_IDLE_MS);
}, 30_000);
