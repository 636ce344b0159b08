import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { FileRecord, FileRecords } from "../../services/ports/file-records.ts";
import type { SqlClient } from "./sql.ts";

const time = (d: Date | null): number | null => (d ? d.getTime() : null);

/**
 * File metadata in `stored_files` (results) and `uploads`, and each key's upload quotas in
 * `upload_quotas`. The quota statements are single conditional upserts: PostgreSQL locks the
 * key's quota row and re-evaluates the condition on its latest version (ON CONFLICT DO UPDATE …
 * WHERE), so concurrent uploads at the edge of a quota are counted exactly, in any process.
 * PostgreSQL INSERT … ON CONFLICT: https://www.postgresql.org/docs/current/sql-insert.html#SQL-ON-CONFLICT
 */
export function createFileRecords(prisma: PrismaClient, sql: SqlClient): FileRecords {
  const record = (row: {
    mediaType: string;
    sizeBytes: number;
    sha256: string | null;
    blobKey: string | null;
    createdAt: Date;
    expiresAt: Date | null;
  }): FileRecord => ({
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256 ?? "",
    blobKey: row.blobKey,
    createdAt: row.createdAt.getTime(),
    expiresAt: time(row.expiresAt),
  });
  const columns = { mediaType: true, sizeBytes: true, sha256: true, blobKey: true, createdAt: true, expiresAt: true } as const;

  return {
    async reserveUpload(u) {
      // The day rolls forward only: a process whose clock is behind counts into the newer day.
      const rows = await prisma.$queryRaw<{ id: string }[]>`
        WITH counted AS (
          INSERT INTO upload_quotas AS q (key_id, day, uploads_today, bytes_stored)
          SELECT ${u.keyId}, ${u.day}::date, 1, ${u.reserveBytes}::bigint
          WHERE ${u.quota.uploadsPerDay}::int >= 1 AND ${u.reserveBytes}::bigint <= ${u.quota.bytesStored}::bigint
          ON CONFLICT (key_id) DO UPDATE SET
            uploads_today = CASE WHEN q.day >= EXCLUDED.day THEN q.uploads_today + 1 ELSE 1 END,
            day = GREATEST(q.day, EXCLUDED.day),
            bytes_stored = q.bytes_stored + EXCLUDED.bytes_stored
          WHERE (CASE WHEN q.day >= EXCLUDED.day THEN q.uploads_today ELSE 0 END) < ${u.quota.uploadsPerDay}::int
            AND q.bytes_stored + EXCLUDED.bytes_stored <= ${u.quota.bytesStored}::bigint
          RETURNING q.key_id
        )
        INSERT INTO uploads (id, key_id, media_type, size_bytes, created_at, state, origin, blob_key, expires_at)
        SELECT ${u.id}, ${u.keyId}, ${u.mediaType}, ${u.reserveBytes}::int, ${new Date(u.now)}::timestamptz, 'PENDING', 'UPLOAD', ${u.blobKey}, ${new Date(u.expiresAt)}::timestamptz
        FROM counted
        RETURNING id`;
      if (rows.length) return { ok: true };
      // Refused: which quota, read after the fact (only the message depends on it).
      const quota = await prisma.uploadQuota.findUnique({ where: { keyId: u.keyId } });
      const sameDay = quota !== null && quota.day.toISOString().slice(0, 10) >= u.day;
      return { ok: false, quota: sameDay && quota.uploadsToday >= u.quota.uploadsPerDay ? "UPLOADS_PER_DAY" : "BYTES_STORED" };
    },

    async completeUpload({ id, sizeBytes, sha256 }) {
      await prisma.$executeRaw`
        WITH pending AS (SELECT id, size_bytes AS reserved FROM uploads WHERE id = ${id} AND state = 'PENDING'),
        done AS (
          UPDATE uploads u SET state = 'STORED', size_bytes = ${sizeBytes}::int, sha256 = ${sha256}
          FROM pending WHERE u.id = pending.id AND u.state = 'PENDING'
          RETURNING u.key_id, pending.reserved
        )
        UPDATE upload_quotas q SET bytes_stored = GREATEST(0, q.bytes_stored - (done.reserved - ${sizeBytes}::bigint))
        FROM done WHERE q.key_id = done.key_id`;
    },

    async abandonUpload(id, day) {
      await prisma.$executeRaw`
        WITH gone AS (DELETE FROM uploads WHERE id = ${id} AND state = 'PENDING' RETURNING key_id, size_bytes)
        UPDATE upload_quotas q SET
          bytes_stored = GREATEST(0, q.bytes_stored - gone.size_bytes),
          uploads_today = CASE WHEN q.day = ${day}::date THEN GREATEST(0, q.uploads_today - 1) ELSE q.uploads_today END
        FROM gone WHERE q.key_id = gone.key_id`;
    },

    async addInlineUpload(u) {
      await prisma.upload.create({
        data: {
          id: u.id, keyId: u.keyId, mediaType: u.mediaType, sizeBytes: u.sizeBytes, sha256: u.sha256, blobKey: u.blobKey,
          state: "STORED", origin: "INLINE", createdAt: new Date(u.now), expiresAt: new Date(u.expiresAt),
        },
      });
    },

    // One per result file a task stores: on the driver, as the task's own statements (task-repo.ts).
    async addResult(f) {
      const created = await sql.query(
        `INSERT INTO stored_files (owner_id, name, media_type, size_bytes, sha256, blob_key, created_at, expires_at)
         VALUES ($1::text, $2::text, $3::text, $4::int, $5::text, $6::text, $7::timestamptz, $8::timestamptz)
         ON CONFLICT (owner_id, name) DO NOTHING
         RETURNING name`,
        [f.ownerId, f.name, f.mediaType, f.sizeBytes, f.sha256, f.blobKey, new Date(f.now), new Date(f.expiresAt)],
      );
      return created.length === 1;
    },

    async findResult(ownerId, name) {
      const row = await prisma.storedFile.findUnique({ where: { ownerId_name: { ownerId, name } }, select: columns });
      return row ? record(row) : null;
    },

    async listResults(ownerId, limit) {
      const rows = await prisma.storedFile.findMany({ where: { ownerId }, select: { name: true, blobKey: true }, take: limit });
      return rows.map((row) => ({ ownerId, name: row.name, blobKey: row.blobKey }));
    },

    async findUpload(keyId, id) {
      const row = await prisma.upload.findFirst({ where: { id, keyId, state: "STORED" }, select: columns });
      return row ? record(row) : null;
    },

    async readInlineBytes(file) {
      const row =
        file.kind === "result"
          ? await prisma.storedFile.findUnique({ where: { ownerId_name: { ownerId: file.ownerId, name: file.name } }, select: { data: true } })
          : await prisma.upload.findUnique({ where: { id: file.id }, select: { data: true } });
      return row?.data ?? null;
    },

    async uploadTypes(keyId, ids, keptUntil) {
      if (!ids.length) return new Map();
      const kept = keptUntil === undefined ? {} : { OR: [{ expiresAt: null }, { expiresAt: { gt: new Date(keptUntil) } }] };
      const rows = await prisma.upload.findMany({ where: Object.assign({ id: { in: [...ids] }, keyId, state: "STORED" }, kept), select: { id: true, mediaType: true } });
      return new Map(rows.map((r) => [r.id, r.mediaType]));
    },

    async listExpired(now, cutoff, staleBefore, limit) {
      const at = new Date(now);
      const before = new Date(cutoff);
      const stale = new Date(staleBefore);
      // Each condition takes at most `limit` rows by its own index, and the rows of two conditions
      // are merged here: a UNION with one LIMIT over them would read and de-duplicate the whole
      // backlog for every batch, so draining a backlog would cost its size squared.
      const results = await prisma.$queryRaw<{ owner_id: string; name: string; blob_key: string | null }[]>`
        (SELECT owner_id, name, blob_key FROM stored_files WHERE expires_at <= ${at}::timestamptz ORDER BY expires_at LIMIT ${limit}::int)
        UNION ALL
        (SELECT owner_id, name, blob_key FROM stored_files WHERE created_at < ${before}::timestamptz ORDER BY created_at LIMIT ${limit}::int)`;
      const uploads = await prisma.$queryRaw<{ id: string; blob_key: string | null }[]>`
        (SELECT id, blob_key FROM uploads WHERE expires_at <= ${at}::timestamptz ORDER BY expires_at LIMIT ${limit}::int)
        UNION ALL
        (SELECT id, blob_key FROM uploads WHERE created_at < ${before}::timestamptz ORDER BY created_at LIMIT ${limit}::int)
        UNION ALL
        (SELECT id, blob_key FROM uploads WHERE state = 'PENDING' AND created_at < ${stale}::timestamptz LIMIT ${limit}::int)`;
      const distinct = <T>(rows: readonly T[], keyOf: (row: T) => string): T[] => [...new Map(rows.map((row) => [keyOf(row), row])).values()].slice(0, limit);
      return {
        results: distinct(results, (r) => `${r.owner_id}\u0000${r.name}`).map((r) => ({ ownerId: r.owner_id, name: r.name, blobKey: r.blob_key })),
        uploads: distinct(uploads, (u) => u.id).map((u) => ({ id: u.id, blobKey: u.blob_key })),
      };
    },

    async deleteRows(results, uploads) {
      let deletedResults = 0;
      let deletedUploads = 0;
      if (results.length) {
        deletedResults = await prisma.$executeRaw`
          DELETE FROM stored_files WHERE (owner_id, name) IN (
            SELECT * FROM unnest(${results.map((r) => r.ownerId)}::text[], ${results.map((r) => r.name)}::text[]))`;
      }
      if (uploads.length) {
        // The bytes of deleted uploads go back to their keys, in the statement that deletes them,
        // so two processes sweeping at once give each upload back once.
        const rows = await prisma.$queryRaw<{ deleted: bigint | number }[]>`
          WITH gone AS (
            DELETE FROM uploads WHERE id = ANY(${uploads.map((u) => u.id)}::text[]) RETURNING key_id, size_bytes, origin
          ), freed AS (
            SELECT key_id, SUM(size_bytes) AS bytes FROM gone WHERE origin = 'UPLOAD' GROUP BY key_id
          ), settled AS (
            UPDATE upload_quotas q SET bytes_stored = GREATEST(0, q.bytes_stored - freed.bytes)
            FROM freed WHERE q.key_id = freed.key_id
          )
          SELECT COUNT(*) AS deleted FROM gone`;
        deletedUploads = Number(rows[0]?.deleted ?? 0);
      }
      return { results: deletedResults, uploads: deletedUploads };
    },
  };
}
