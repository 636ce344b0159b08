// What only the filesystem blob store must keep, beyond the shared contract: its temporary file
// exists before the source is read, so a write that fails at any moment finds the file to remove.
// (A write stream that opened the file by itself could create it after the cleanup had run.) A
// stored blob is on disk, bytes and name, before put() returns; temporary files a killed process
// left are deleted once stale.
import { pbkdf2, randomBytes, randomUUID } from "node:crypto";
import { existsSync, fstatSync, readdirSync } from "node:fs";
import { mkdir, open, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, it, vi } from "vitest";
import { createFilesystemBlobStore } from "../../../src/adapters/files/filesystem-blob-store.ts";
import { temporaryBlobStore } from "../../support/file-store.ts";

it("creates its temporary file before it reads the first byte of the source", async () => {
  const { dir } = await temporaryBlobStore();
  const store = createFilesystemBlobStore(dir);
  // Read synchronously: an asynchronous read would queue behind the store's own open.
  const partials = () => {
    try {
      return readdirSync(join(dir, ".partial")).length;
    } catch {
      return 0;
    }
  };
  let seenAtFirstRead = -1;
  async function* failing() {
    seenAtFirstRead = partials();
    yield randomBytes(600);
    throw new Error("client went away");
  }
  // Key derivations hold every thread of libuv's pool for a while, so a file opened lazily
  // (by a write stream, on that pool) would not exist yet when the source is first read.
  const poolSize = Number(process.env.UV_THREADPOOL_SIZE ?? 4);
  const busy = Array.from({ length: poolSize }, () => new Promise((resolve) => pbkdf2("x", "y", 200_000, 32, "sha256", resolve)));
  await expect(store.put(`uploads/ab/${randomUUID()}`, failing(), { contentType: "image/png" })).rejects.toThrow("client went away");
  await Promise.all(busy);
  expect(seenAtFirstRead).toBe(1);
  expect(partials()).toBe(0);
});

/** A source of these bytes, as the store reads one. */
async function* bytes(text: string) {
  yield Buffer.from(text);
}

it("takes its directory with a trailing separator or `..` as the same root", async () => {
  const { dir } = await temporaryBlobStore();
  const key = `uploads/ab/${randomUUID()}`;
  await createFilesystemBlobStore(`${dir}/`).put(key, bytes("bytes"), { contentType: "image/png" });
  const read = await createFilesystemBlobStore(join(dir, "uploads", "..")).get(key);
  const chunks: Buffer[] = [];
  for await (const chunk of read!) chunks.push(Buffer.from(chunk));
  expect(Buffer.concat(chunks).toString()).toBe("bytes");
});

it("flushes the file to disk before it is renamed into place, and its folder after", async () => {
  const { dir } = await temporaryBlobStore();
  const store = createFilesystemBlobStore(dir);
  const key = `uploads/ab/${randomUUID()}`;
  const target = join(dir, ...key.split("/"));
  const probe = await open(join(dir, "probe"), "w");
  const fileHandle = Object.getPrototypeOf(probe) as { sync(this: { fd: number }): Promise<void> };
  await probe.close();
  // Each fsync: of a folder or a file, and whether the blob had its name yet.
  const syncs: { folder: boolean; named: boolean }[] = [];
  const sync = vi.spyOn(fileHandle, "sync").mockImplementation(async function (this: { fd: number }) {
    syncs.push({ folder: fstatSync(this.fd).isDirectory(), named: existsSync(target) });
  });
  try {
    await store.put(key, bytes("durable"), { contentType: "image/png" });
  } finally {
    sync.mockRestore();
  }
  expect(syncs).toEqual([
    { folder: false, named: false },
    { folder: true, named: true },
  ]);
});

it("deletes temporary files untouched for longer than asked, and keeps the others", async () => {
  const { dir } = await temporaryBlobStore();
  const store = createFilesystemBlobStore(dir);
  // A store that never wrote has nothing to delete.
  expect(await store.deleteAbandonedWrites!(60_000)).toBe(0);
  const partial = join(dir, ".partial");
  await mkdir(partial, { recursive: true });
  const stale = join(partial, randomUUID());
  const fresh = join(partial, randomUUID());
  await writeFile(stale, "left by a killed process");
  await writeFile(fresh, "still being written");
  const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
  await utimes(stale, twoHoursAgo, twoHoursAgo);
  expect(await store.deleteAbandonedWrites!(3_600_000)).toBe(1);
  expect(existsSync(stale)).toBe(false);
  expect(existsSync(fresh)).toBe(true);
});
