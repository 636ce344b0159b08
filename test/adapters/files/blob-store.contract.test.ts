// The blob store contract, held by both adapters: the filesystem under a directory, and S3 (against
// a local s3rver started here). Bytes round-trip whole and by range, a write is visible only once
// complete, a write whose source fails leaves nothing, and only the gateway's own keys are accepted.
import { randomBytes, randomUUID } from "node:crypto";
import { readdir } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFilesystemBlobStore } from "../../../src/adapters/files/filesystem-blob-store.ts";
import { createS3BlobStore, type S3BlobStore } from "../../../src/adapters/files/s3-blob-store.ts";
import { InvalidBlobKeyError, type BlobStore } from "../../../src/services/ports/blob-store.ts";
import { bodyOf, readAll, temporaryBlobStore } from "../../support/file-store.ts";
import { startLocalS3, type LocalS3 } from "../../support/s3rver.ts";

interface Subject {
  readonly store: BlobStore;
  /** Every object or file the store holds, temporary ones included. */
  readonly everything: () => Promise<string[]>;
}

let s3: LocalS3;
let s3Store: S3BlobStore;
let fsDir: string;
afterAll(async () => {
  s3Store?.close();
  await s3?.close();
});

const subjects: [string, () => Promise<Subject>][] = [
  [
    "filesystem",
    async () => {
      const { dir } = await temporaryBlobStore();
      fsDir = dir;
      const store = createFilesystemBlobStore(dir);
      const everything = async () => (await readdir(fsDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
      return { store, everything };
    },
  ],
  [
    "s3 (s3rver)",
    async () => {
      s3 = await startLocalS3();
      s3Store = createS3BlobStore({ bucket: s3.bucket, endpoint: s3.endpoint, region: "us-east-1", credentials: s3.credentials, forcePathStyle: true });
      const { ListObjectsV2Command } = await import("@aws-sdk/client-s3");
      const everything = async () => ((await s3Store.client.send(new ListObjectsV2Command({ Bucket: s3.bucket }))).Contents ?? []).map((o) => o.Key!);
      return { store: s3Store, everything };
    },
  ],
];

const newKey = () => `uploads/${randomUUID().slice(0, 2)}/${randomUUID()}`;

describe.each(subjects)("the %s blob store", (_name, open) => {
  let subject: Subject;
  beforeAll(async () => {
    subject = await open();
  });

  it("returns exactly the bytes written, however they were chunked, larger than one S3 part included", async () => {
    const data = randomBytes(9 * 1024 * 1024 + 123);
    const chunks = [data.subarray(0, 1), data.subarray(1, 70_000), data.subarray(70_000, 8 * 1024 * 1024 + 5), data.subarray(8 * 1024 * 1024 + 5)];
    const key = newKey();
    await subject.store.put(key, bodyOf(...chunks), { contentType: "video/mp4" });
    expect((await readAll(await subject.store.get(key)))!.equals(data)).toBe(true);
    const small = randomBytes(10);
    const smallKey = newKey();
    await subject.store.put(smallKey, bodyOf(small), { contentType: "image/png" });
    expect(await readAll(await subject.store.get(smallKey))).toEqual(small);
  });

  it("returns an inclusive byte range", async () => {
    const data = randomBytes(1000);
    const key = newKey();
    await subject.store.put(key, bodyOf(data), { contentType: "image/png" });
    expect(await readAll(await subject.store.get(key, { start: 10, end: 19 }))).toEqual(data.subarray(10, 20));
    expect(await readAll(await subject.store.get(key, { start: 990, end: 999 }))).toEqual(data.subarray(990));
    // Safari's first probe of a video (bytes=0-1). (s3rver answers bytes=0-0 with the whole object; S3 does not.)
    expect(await readAll(await subject.store.get(key, { start: 0, end: 1 }))).toEqual(data.subarray(0, 2));
  });

  it("answers null for a key it does not hold", async () => {
    expect(await subject.store.get(newKey())).toBeNull();
  });

  it("shows a blob only once it is complete", async () => {
    const key = newKey();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let firstSent!: () => void;
    const sent = new Promise<void>((resolve) => (firstSent = resolve));
    async function* slow() {
      yield randomBytes(100);
      firstSent();
      await gate;
      yield randomBytes(100);
    }
    const writing = subject.store.put(key, slow(), { contentType: "image/png" });
    await sent;
    expect(await subject.store.get(key)).toBeNull();
    release();
    await writing;
    expect((await readAll(await subject.store.get(key)))!.length).toBe(200);
  });

  it("leaves nothing behind when the source fails midway, in one part or in several", async () => {
    const before = await subject.everything();
    for (const size of [1000, 9 * 1024 * 1024]) {
      const key = newKey();
      async function* failing() {
        yield randomBytes(size);
        throw new Error("client went away");
      }
      await expect(subject.store.put(key, failing(), { contentType: "image/png" })).rejects.toThrow("client went away");
      expect(await subject.store.get(key)).toBeNull();
    }
    expect(await subject.everything()).toEqual(before);
  });

  it("deletes what it is asked to, and a key it does not hold is no error", async () => {
    const keys = [newKey(), newKey()];
    for (const key of keys) await subject.store.put(key, bodyOf(randomBytes(10)), { contentType: "image/png" });
    await subject.store.delete([keys[0]!, newKey()]);
    expect(await subject.store.get(keys[0]!)).toBeNull();
    expect(await subject.store.get(keys[1]!)).not.toBeNull();
  });

  it("refuses every key the gateway does not make, before touching storage", async () => {
    const before = await subject.everything();
    for (const key of ["../etc/passwd", "uploads/../../x", "/uploads/ab/x", "uploads/a.b", "uploads", "uploads//x", "Uploads/ab/x", "uploads/ab/x\0", `uploads/${"a".repeat(65)}`]) {
      await expect(subject.store.put(key, bodyOf(randomBytes(4)), { contentType: "image/png" }), key).rejects.toThrow(InvalidBlobKeyError);
      await expect(subject.store.get(key), key).rejects.toThrow(InvalidBlobKeyError);
      await expect(subject.store.delete([key]), key).rejects.toThrow(InvalidBlobKeyError);
    }
    expect(await subject.everything()).toEqual(before);
  });
});
