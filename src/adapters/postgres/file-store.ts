import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { FileStore } from "../../services/ports/file-store.ts";

const bytes = (data: Uint8Array) => data as Uint8Array<ArrayBuffer>;

/** Result files in `stored_files` and uploads in `uploads`, as bytea. */
export function createDatabaseFileStore(prisma: PrismaClient): FileStore {
  return {
    async putResults(taskId, files, now) {
      if (!files.length) return;
      await prisma.storedFile.createMany({
        data: files.map((f) => ({ ownerId: taskId, name: f.name, mediaType: f.mediaType, data: bytes(f.data), createdAt: new Date(now) })),
        skipDuplicates: true,
      });
    },
    async putUpload(keyId, file, now) {
      const row = await prisma.upload.create({
        data: { keyId, mediaType: file.mediaType, sizeBytes: file.data.byteLength, data: bytes(file.data), createdAt: new Date(now) },
        select: { id: true, mediaType: true, sizeBytes: true },
      });
      return row;
    },
    async get(ownerId, name) {
      const row = await prisma.storedFile.findUnique({ where: { ownerId_name: { ownerId, name } }, select: { mediaType: true, data: true } });
      return row ? { mediaType: row.mediaType, data: row.data } : null;
    },
    async uploadTypes(keyId, ids) {
      if (!ids.length) return new Map();
      const rows = await prisma.upload.findMany({ where: { id: { in: [...ids] }, keyId }, select: { id: true, mediaType: true } });
      return new Map(rows.map((r) => [r.id, r.mediaType]));
    },
    // Batches by primary key under a row limit, so a large backlog is deleted in short statements.
    async deleteStoredBefore(cutoff, limit) {
      const before = new Date(cutoff);
      const results = await prisma.$executeRaw`
        DELETE FROM stored_files WHERE (owner_id, name) IN (
          SELECT owner_id, name FROM stored_files WHERE created_at < ${before}::timestamptz LIMIT ${limit}::int)`;
      const uploads = await prisma.$executeRaw`
        DELETE FROM uploads WHERE id IN (SELECT id FROM uploads WHERE created_at < ${before}::timestamptz LIMIT ${limit}::int)`;
      return { results, uploads };
    },
  };
}
