/**
 * Blobs as files under one directory of the local filesystem (by default `<GATEAI_DATA_DIR>/files`).
 * A blob is written to a temporary file in the same directory tree (`.partial/`) and renamed into
 * place once complete: rename(2) within one filesystem is atomic, so a reader sees the whole file
 * or none, and a write that fails (a source that throws, a full disk) only ever leaves a temporary
 * file, which is removed. The file is flushed to disk (fsync) before the rename, and its folder
 * after it, so a blob put() reported stored survives a power loss, bytes and name. A process
 * killed mid-write leaves its temporary file behind: `deleteAbandonedWrites` removes those untouched
 * for a while (the retention sweep calls it). Keys are checked (`assertBlobKey`: no `.`, `..`, `/`
 * at the start, or any character a path could misread) before any path is built from them.
 * Node fs streams: https://nodejs.org/docs/latest-v20.x/api/fs.html#filehandlecreatereadstreamoptions
 * stream.pipeline: https://nodejs.org/docs/latest-v20.x/api/stream.html#streampipelinesource-transforms-destination-options
 */
import { randomUUID } from "node:crypto";
import { mkdir, open, readdir, rename, rm, rmdir, stat } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { assertBlobKey, type BlobStore } from "../../services/ports/blob-store.ts";

const PARTIAL = ".partial";

/** Tries of a blob's move into its folder: a delete emptying the same folder may remove it in between. */
const PLACE_TRIES = 5;

/** Flushes a folder's entries (a rename into it) to disk: fsync of the folder itself. */
async function syncFolder(path: string): Promise<void> {
  const folder = await open(path, "r");
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

export function createFilesystemBlobStore(directory: string): BlobStore {
  // One spelling of the root (no trailing separator, no `..`): every blob path is checked against it.
  const root = resolve(directory);
  const pathOf = (key: string): string => {
    assertBlobKey(key);
    const path = join(root, ...key.split("/"));
    // Belt and braces: the key pattern already keeps every path under root.
    if (!path.startsWith(root + sep)) throw new Error(`blob path escapes the store: ${key}`);
    return path;
  };

  return {
    async put(key, source) {
      const target = pathOf(key);
      const partialDir = join(root, PARTIAL);
      await mkdir(partialDir, { recursive: true });
      const temporary = join(partialDir, randomUUID());
      // The file is opened (created) before the pipeline starts: a write stream left to open it
      // by itself may create it after a failed pipeline has already removed it.
      const handle = await open(temporary, "wx");
      try {
        // `flush`: the stream fsyncs the file before it closes it (and the pipeline settles), so the
        // bytes are on disk before the name is.
        await pipeline(Readable.from(source, { objectMode: false }), handle.createWriteStream({ flush: true }));
        // A delete of the folder's last other file removes the folder (below): made again and tried again.
        for (let tries = 1; ; tries++) {
          try {
            await mkdir(dirname(target), { recursive: true });
            await rename(temporary, target);
            break;
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== "ENOENT" || tries === PLACE_TRIES) throw error;
          }
        }
        // A put that throws leaves nothing, so a blob whose name may not be on disk goes again.
        await syncFolder(dirname(target)).catch(async (error: unknown) => {
          await rm(target, { force: true });
          throw error;
        });
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },

    async get(key, range) {
      let handle;
      try {
        handle = await open(pathOf(key), "r");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
      return handle.createReadStream(range ? { start: range.start, end: range.end } : {});
    },

    async deleteAbandonedWrites(olderThanMs) {
      const partialDir = join(root, PARTIAL);
      let names: string[];
      try {
        names = await readdir(partialDir);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
        throw error;
      }
      // Files' times are the wall clock's, so the cutoff is too (not the gateway's clock).
      const cutoff = Date.now() - olderThanMs;
      let deleted = 0;
      for (const name of names) {
        const path = join(partialDir, name);
        // Gone meanwhile (its write finished or failed): nothing to do.
        const info = await stat(path).catch(() => null);
        if (info === null || !info.isFile() || info.mtimeMs >= cutoff) continue;
        await rm(path, { force: true });
        deleted++;
      }
      return deleted;
    },

    async delete(keys) {
      const paths = keys.map(pathOf);
      for (const path of paths) await rm(path, { force: true });
      // A result's folder (results/<task>/) goes with its last file; a folder still holding
      // files stays (ENOTEMPTY), and so does the store's own top level.
      for (const folder of new Set(paths.map((p) => dirname(p)))) {
        if (dirname(folder) === root) continue;
        await rmdir(folder).catch(() => undefined);
      }
    },
  };
}
