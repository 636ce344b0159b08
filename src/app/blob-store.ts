import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createFilesystemBlobStore } from "../adapters/files/filesystem-blob-store.ts";
import { createS3BlobStore } from "../adapters/files/s3-blob-store.ts";
import type { BlobStore } from "../services/ports/blob-store.ts";
import type { BlobStoreConfig } from "./file-config.ts";

/**
 * The configured blob store. With the database in memory (PGlite without a data directory) the
 * rows naming the files vanish with the process, so the files go to a fresh temporary directory
 * that is removed on close, unless GATEAI_FILES_DIR names one.
 */
export async function openBlobStore(config: BlobStoreConfig, options: { readonly memoryDatabase: boolean }): Promise<{ blobs: BlobStore; close(): Promise<void> }> {
  if (config.kind === "s3") {
    const store = createS3BlobStore(config);
    return { blobs: store, close: async () => store.close() };
  }
  if (options.memoryDatabase && !config.dirConfigured) {
    const dir = await mkdtemp(join(tmpdir(), "gateai-files-"));
    return { blobs: createFilesystemBlobStore(dir), close: () => rm(dir, { recursive: true, force: true }) };
  }
  await mkdir(config.dir, { recursive: true });
  return { blobs: createFilesystemBlobStore(config.dir), close: async () => undefined };
}
