// POST /api/upload streams: the file's bytes reach the blob store while the request is still
// arriving, the gateway answers others meanwhile, no row holds the bytes, and the per-key quotas
// refuse (429 UPLOAD_QUOTA_EXCEEDED) before anything is stored, exactly at their edge under
// concurrent uploads.
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { request, type IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FormData } from "undici";
import { afterAll, expect, test } from "vitest";
import { describeOnEverySetup, expectErrorBody } from "./harness.ts";

const MIB = 1024 * 1024;
const BOUNDARY = "----gateai-test-boundary";
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const png = (size: number) => Buffer.concat([PNG_SIGNATURE, randomBytes(size - PNG_SIGNATURE.length)]);

const filesDirs: string[] = [];
afterAll(async () => {
  await Promise.all(filesDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});
const filesDir = await mkdtemp(join(tmpdir(), "gateai-upload-files-"));
filesDirs.push(filesDir);

/** Sizes of the files being written (the blob store's temporary folder). */
const partialSizes = async (dir: string): Promise<number[]> => {
  const entries = await readdir(join(dir, ".partial")).catch(() => [] as string[]);
  return Promise.all(entries.map(async (name) => (await stat(join(dir, ".partial", name)).catch(() => ({ size: 0 }))).size));
};

describeOnEverySetup(
  "streaming uploads and upload quotas",
  { env: { GATEAI_FILES_DIR: filesDir, GATEAI_UPLOADS_PER_DAY: "3", GATEAI_UPLOAD_QUOTA_BYTES: String(25 * MIB) } },
  (h) => {
    const upload = (data: Uint8Array, key: string) => {
      const form = new FormData();
      form.append("file", new Blob([data as Uint8Array<ArrayBuffer>], { type: "image/png" }), "upload.png");
      return h.api.request("/api/upload", { method: "POST", body: form, key });
    };

    test("a 10 MiB upload reaches the blob store while it arrives, /healthz answers meanwhile, and no row holds its bytes", async () => {
      const { key } = await h.gw.createKey();
      const file = png(10 * MIB);
      const head = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.png"\r\nContent-Type: image/png\r\n\r\n`);
      const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
      const url = new URL("/api/upload", h.gw.url);
      const sending = deferred<ReturnType<typeof request>>();
      const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(url, {
          method: "POST",
          headers: { authorization: `Bearer ${key}`, "content-type": `multipart/form-data; boundary=${BOUNDARY}`, "content-length": String(head.length + file.length + tail.length) },
        });
        req.on("response", (res: IncomingMessage) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        });
        req.on("error", reject);
        req.write(head);
        req.write(file.subarray(0, 6 * MIB));
        sending.resolve(req);
      });
      // Half the file is sent and the request is still open: its bytes are already in the store.
      const req = await sending.promise;
      await expect.poll(async () => Math.max(0, ...(await partialSizes(filesDir))), { timeout: 10_000, interval: 20 }).toBeGreaterThan(MIB);
      const health = await h.api.get("/healthz");
      expect(health.status).toBe(200);
      let answered = false;
      void answer.then(() => (answered = true));
      expect(answered).toBe(false);

      req.end(Buffer.concat([file.subarray(6 * MIB), tail]));
      const reply = await answer;
      expect(reply.status).toBe(200);
      const body = JSON.parse(reply.body) as { id: string; size_bytes: number };
      expect(body.size_bytes).toBe(10 * MIB);
      const row = await h.gw.prisma.upload.findUniqueOrThrow({ where: { id: body.id } });
      expect(row).toMatchObject({ data: null, state: "STORED", sizeBytes: 10 * MIB, blobKey: expect.stringMatching(/^uploads\//) });
      expect((await stat(join(filesDir, ...row.blobKey!.split("/")))).size).toBe(10 * MIB);
      expect(await partialSizes(filesDir)).toEqual([]);
    });

    test("429 UPLOAD_QUOTA_EXCEEDED past the uploads per day, with the quota, its limit and Retry-After", async () => {
      const { key, record } = await h.gw.createKey();
      for (let i = 0; i < 3; i++) expect((await upload(png(1000), key)).status).toBe(200);
      const refused = await upload(png(1000), key);
      expect(refused.status).toBe(429);
      expectErrorBody(refused.body, "UPLOAD_QUOTA_EXCEEDED");
      expect(refused.body).toMatchObject({ quota: "UPLOADS_PER_DAY", limit: 3, retry_after: expect.any(Number) });
      expect(Number(refused.headers.get("retry-after"))).toBe(refused.body.retry_after);
      expect(await h.gw.prisma.upload.count({ where: { keyId: record.id } })).toBe(3);
    });

    test("concurrent uploads at the edge of the daily quota: exactly the quota is stored", async () => {
      const { key } = await h.gw.createKey();
      const replies = await Promise.all(Array.from({ length: 7 }, () => upload(png(2000), key)));
      expect(replies.filter((r) => r.status === 200)).toHaveLength(3);
      expect(replies.filter((r) => r.status === 429 && r.body.code === "UPLOAD_QUOTA_EXCEEDED")).toHaveLength(4);
    });

    test("429 BYTES_STORED when an upload would take the key's kept uploads over the byte quota", async () => {
      const { key } = await h.gw.createKey();
      expect((await upload(png(10 * MIB - 1000), key)).status).toBe(200);
      expect((await upload(png(10 * MIB - 1000), key)).status).toBe(200);
      const refused = await upload(png(10 * MIB - 1000), key);
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({ code: "UPLOAD_QUOTA_EXCEEDED", quota: "BYTES_STORED", limit: 25 * MIB });
    });
  },
);

/** A promise and its resolver, made before the promise is awaited. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
