import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "../../../src/generated/prisma/client.ts";
import { openDatabase } from "../../../src/adapters/postgres/database.ts";
import type { Database } from "../../../src/adapters/postgres/database.ts";
import { applyMigrations, DEFAULT_MIGRATIONS_DIR, MigrationError } from "../../../src/adapters/postgres/migrate.ts";
import type { SqlRunner } from "../../../src/adapters/postgres/migrate.ts";
import { withTestDatabases } from "../../support/databases.ts";

const INIT = "20261125000000_init";
/** Every migration checked in, in name order. */
const ALL = readdirSync(DEFAULT_MIGRATIONS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const SCHEMA_PATH = new URL("../../../prisma/schema.prisma", import.meta.url);

const targets = await withTestDatabases();

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "gateai-migrations-"));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A private copy of prisma/migrations that a test may add to or tamper with. */
async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(join(scratch, "m-"));
  await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

async function addMigration(dir: string, name: string, sql: string): Promise<void> {
  await mkdir(join(dir, name));
  await writeFile(join(dir, name, "migration.sql"), sql);
}

interface HistoryRow {
  id: string;
  checksum: string;
  migration_name: string;
  finished_at: unknown;
  started_at: unknown;
  logs: string | null;
  rolled_back_at: unknown;
  applied_steps_count: number;
}

const history = (runner: SqlRunner) =>
  runner.query<HistoryRow>("SELECT * FROM _prisma_migrations ORDER BY migration_name");

const publicTables = async (runner: SqlRunner) =>
  (
    await runner.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    )
  ).map((r) => r.table_name);

describe.each(targets)("migrations on $name", (target) => {
  it("creates every table in an empty database and records the migration exactly as Prisma does", async () => {
    const { runner } = await target.openEmpty();
    expect(await applyMigrations(runner)).toEqual(ALL);

    expect(await publicTables(runner)).toEqual([
      "_prisma_migrations",
      "api_keys",
      "daily_usage",
      "idempotency_records",
      "pool_accounts",
      "stored_files",
      "tasks",
      "upload_quotas",
      "uploads",
    ]);
    const rows = await history(runner);
    expect(rows.map((r) => r.migration_name)).toEqual(ALL);
    for (const [i, row] of rows.entries()) {
      const bytes = await readFile(join(DEFAULT_MIGRATIONS_DIR, ALL[i]!, "migration.sql"));
      expect(row).toMatchObject({
        migration_name: ALL[i],
        checksum: createHash("sha256").update(bytes).digest("hex"),
        logs: null,
        rolled_back_at: null,
        applied_steps_count: 1,
      });
      expect(row?.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row?.finished_at).toBeInstanceOf(Date);
      expect(row?.started_at).toBeInstanceOf(Date);
    }
  });

  it("creates _prisma_migrations with Prisma's own column types", async () => {
    const { runner } = await target.openEmpty();
    await applyMigrations(runner);
    const columns = await runner.query<{ column_name: string; t: string; is_nullable: string; d: string | null }>(
      `SELECT column_name, format_type(a.atttypid, a.atttypmod) AS t, is_nullable, column_default AS d
       FROM information_schema.columns c
       JOIN pg_attribute a ON a.attrelid = '_prisma_migrations'::regclass AND a.attname = c.column_name
       WHERE c.table_name = '_prisma_migrations' ORDER BY c.ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: "id", t: "character varying(36)", is_nullable: "NO", d: null },
      { column_name: "checksum", t: "character varying(64)", is_nullable: "NO", d: null },
      { column_name: "finished_at", t: "timestamp with time zone", is_nullable: "YES", d: null },
      { column_name: "migration_name", t: "character varying(255)", is_nullable: "NO", d: null },
      { column_name: "logs", t: "text", is_nullable: "YES", d: null },
      { column_name: "rolled_back_at", t: "timestamp with time zone", is_nullable: "YES", d: null },
      { column_name: "started_at", t: "timestamp with time zone", is_nullable: "NO", d: "now()" },
      { column_name: "applied_steps_count", t: "integer", is_nullable: "NO", d: "0" },
    ]);
  });

  it("does nothing when applied again", async () => {
    const { runner } = await target.openEmpty();
    await applyMigrations(runner);
    const before = await history(runner);
    expect(await applyMigrations(runner)).toEqual([]);
    expect(await history(runner)).toEqual(before);
  });

  it("applies only the migrations added since, in name order", async () => {
    const { runner } = await target.openEmpty();
    await applyMigrations(runner);
    const dir = await copyOfMigrations();
    // Written out of order on purpose: the second depends on the first.
    await addMigration(dir, "20270102000000_b", "ALTER TABLE extra ADD COLUMN b INTEGER;");
    await addMigration(dir, "20270101000000_a", "CREATE TABLE extra (a INTEGER);");

    expect(await applyMigrations(runner, dir)).toEqual(["20270101000000_a", "20270102000000_b"]);
    expect((await history(runner)).map((r) => r.migration_name)).toEqual([
      ...ALL,
      "20270101000000_a",
      "20270102000000_b",
    ]);
    expect(await applyMigrations(runner, dir)).toEqual([]);
  });

  it("applies each migration once when several migrators start at the same time", async () => {
    const empty = await target.openEmpty();
    // On PostgreSQL these are separate pools, i.e. separate sessions racing for the advisory lock.
    const runners = Array.from({ length: 4 }, () => empty.connect());
    const results = await Promise.all(runners.map((r) => applyMigrations(r)));

    expect(results.flat()).toEqual(ALL);
    expect(await history(empty.runner)).toHaveLength(ALL.length);
  });

  it("refuses to run when an applied migration's file was changed", async () => {
    const { runner } = await target.openEmpty();
    await applyMigrations(runner);
    const dir = await copyOfMigrations();
    const file = join(dir, INIT, "migration.sql");
    await writeFile(file, `${await readFile(file, "utf8")}\n-- an innocent-looking edit\n`);
    await addMigration(dir, "20270101000000_a", "CREATE TABLE extra (a INTEGER);");

    const attempt = applyMigrations(runner, dir);
    await expect(attempt).rejects.toThrow(MigrationError);
    await expect(attempt).rejects.toThrow(/20261125000000_init was modified after it was applied/);
    // Nothing after the check ran.
    expect(await publicTables(runner)).not.toContain("extra");
  });

  it("accepts an applied migration whose file differs only in line endings, as Prisma does", async () => {
    const { runner } = await target.openEmpty();
    await applyMigrations(runner);
    const dir = await copyOfMigrations();
    const file = join(dir, INIT, "migration.sql");
    await writeFile(file, (await readFile(file, "utf8")).replaceAll("\n", "\r\n"));

    expect(await applyMigrations(runner, dir)).toEqual([]);
  });

  it("rolls a failing migration back completely and records nothing for it", async () => {
    const { runner } = await target.openEmpty();
    const dir = await copyOfMigrations();
    await addMigration(dir, "20270101000000_bad", "CREATE TABLE half (a INTEGER);\nSELECT no_such_column FROM half;");

    await expect(applyMigrations(runner, dir)).rejects.toThrow(/20270101000000_bad failed and was rolled back/);
    expect(await publicTables(runner)).not.toContain("half");
    // The earlier migration committed on its own and a retry resumes after it.
    expect((await history(runner)).map((r) => r.migration_name)).toEqual(ALL);
    await rm(join(dir, "20270101000000_bad"), { recursive: true });
    expect(await applyMigrations(runner, dir)).toEqual([]);
  });

  it("creates exactly the columns, types, nullability, defaults, indexes and enum of schema.prisma", async () => {
    const { runner } = await target.openEmpty();
    await applyMigrations(runner);
    const expected = parsePrismaSchema(await readFile(SCHEMA_PATH, "utf8"));

    const columns = await runner.query<{ table_name: string; column_name: string; type: string; nullable: boolean; has_default: boolean }>(
      `SELECT c.relname AS table_name, a.attname AS column_name,
              format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable, a.atthasdef AS has_default
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'
         AND a.attnum > 0 AND NOT a.attisdropped`,
    );
    expect(sortBy(columns.map((c) => ({ ...c })), columnKey)).toEqual(sortBy(expected.columns, columnKey));

    const indexes = await runner.query<{ indexname: string; indexdef: string }>(
      "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'",
    );
    const actualIndexes = indexes.map((i) => ({ name: i.indexname, ...describeIndexDef(i.indexdef) }));
    expect(sortBy(actualIndexes, (i) => i.name)).toEqual(sortBy(expected.indexes, (i) => i.name));

    const labels = await runner.query<{ typname: string; labels: string[] }>(
      `SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    expect(labels.map((l) => ({ name: l.typname, values: [...l.labels] }))).toEqual(expected.enums);
  });
});

describe.each(targets)("the generated Prisma client on a freshly migrated $name database", (target) => {
  let db: Database;
  beforeAll(async () => {
    db = await target.open();
  });

  // Beyond 2^53, so a column or driver that goes through JS numbers would lose it.
  const HUGE = 9_007_199_254_740_993n;
  const at = (iso: string) => new Date(iso);

  it("round-trips every field of ApiKey, including defaults, update and delete", async () => {
    const { prisma } = db;
    const full = {
      hash: "a".repeat(64),
      prefix: "gk_live_",
      label: "ünïcode label",
      dailyLimitMicros: HUGE,
      createdAt: at("2026-11-25T12:34:56.789Z"),
      revokedAt: at("2026-11-26T01:02:03.004Z"),
    };
    const created = await prisma.apiKey.create({ data: full });
    expect(created).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), ...full });
    expect(await prisma.apiKey.findUniqueOrThrow({ where: { hash: full.hash } })).toEqual(created);

    const minimal = await prisma.apiKey.create({ data: { hash: "b".repeat(64), prefix: "gk_test_" } });
    expect(minimal).toMatchObject({ label: null, dailyLimitMicros: null, revokedAt: null });
    expect(minimal.createdAt).toBeInstanceOf(Date);

    const updated = await prisma.apiKey.update({
      where: { id: created.id },
      data: { label: null, dailyLimitMicros: 1n, revokedAt: null },
    });
    expect(await prisma.apiKey.findUniqueOrThrow({ where: { id: created.id } })).toEqual(updated);
    expect(updated).toMatchObject({ label: null, dailyLimitMicros: 1n, revokedAt: null });

    await expect(prisma.apiKey.create({ data: { hash: full.hash, prefix: "dup" } })).rejects.toThrow();
    await prisma.apiKey.delete({ where: { id: created.id } });
    expect(await prisma.apiKey.findUnique({ where: { id: created.id } })).toBeNull();
  });

  it("round-trips every field of DailyUsage, keyed by (keyId, UTC day)", async () => {
    const { prisma } = db;
    const day = at("2026-11-25T00:00:00.000Z");
    const created = await prisma.dailyUsage.create({ data: { keyId: "k1", day, usedMicros: HUGE } });
    expect(created).toEqual({ keyId: "k1", day, usedMicros: HUGE });
    const key = { keyId_day: { keyId: "k1", day } };
    expect(await prisma.dailyUsage.findUniqueOrThrow({ where: key })).toEqual(created);

    expect(await prisma.dailyUsage.create({ data: { keyId: "k1", day: at("2026-11-26T00:00:00Z") } })).toMatchObject({
      usedMicros: 0n,
    });
    await prisma.dailyUsage.update({ where: key, data: { usedMicros: 5n } });
    expect((await prisma.dailyUsage.findUniqueOrThrow({ where: key })).usedMicros).toBe(5n);
    await prisma.dailyUsage.delete({ where: key });
    expect(await prisma.dailyUsage.findUnique({ where: key })).toBeNull();
  });

  it("round-trips every field of Task, every TaskStatus, defaults and @updatedAt", async () => {
    const { prisma } = db;
    const full = {
      keyId: "key-1",
      model: "model-x",
      kind: "text-to-3d",
      status: "PROCESSING" as const,
      requestParams: { prompt: "a cat", quality: "high", nested: { list: [1, 2.5, "x", null, true] } },
      params: { prompt: "a cat", quality: "medium" },
      adjustments: [{ field: "quality", from: "high", to: "medium", reason: "budget" }],
      costMicros: HUGE,
      chargeDay: at("2026-11-25T00:00:00.000Z"),
      refundedAt: at("2026-11-25T13:00:00.001Z"),
      result: ["https://cdn.example/a.png", "https://cdn.example/b.png"],
      glbUrls: ["https://cdn.example/a.glb"],
      error: "provider said no",
      progress: 42,
      account: 3,
      attempts: 2,
      // In the past, so the task created next (createdAt = now) is the newest.
      createdAt: at("2020-01-02T12:00:00.123Z"),
      startedAt: at("2026-11-25T12:00:01.456Z"),
      finishedAt: at("2026-11-25T12:05:00.789Z"),
      slotReleaseAt: at("2026-11-25T12:10:00.000Z"),
      refundAt: at("2026-11-25T12:20:00.000Z"),
      hardDeadlineAt: at("2026-11-25T12:30:00.000Z"),
      leaseOwner: "worker-7",
      leaseUntil: at("2026-11-25T12:01:00.999Z"),
      eventPending: true,
      eventPublishedAt: at("2026-11-25T12:00:02.250Z"),
      upstreamRef: "fal|fal-ai/flux/schnell#0b0c",
      upstreamAttempt: 2,
      vendorCost: { vendor: "fal", usage: { inference_seconds: 1.25 } },
    };
    const created = await prisma.task.create({ data: full });
    expect(created).toEqual({ id: expect.any(String), updatedAt: expect.any(Date), ...full });
    expect(await prisma.task.findUniqueOrThrow({ where: { id: created.id } })).toEqual(created);

    const minimal = await prisma.task.create({
      data: {
        keyId: "key-1",
        model: "m",
        kind: "k",
        requestParams: {},
        params: {},
        adjustments: [],
        costMicros: 0n,
        chargeDay: full.chargeDay,
        slotReleaseAt: full.slotReleaseAt,
        refundAt: full.refundAt,
        hardDeadlineAt: full.hardDeadlineAt,
      },
    });
    expect(minimal).toMatchObject({
      status: "QUEUED",
      progress: 0,
      attempts: 0,
      refundedAt: null,
      result: null,
      glbUrls: null,
      error: null,
      account: null,
      startedAt: null,
      finishedAt: null,
      leaseOwner: null,
      leaseUntil: null,
    });

    for (const status of ["QUEUED", "PROCESSING", "FINISHED", "FAILED"] as const) {
      const updated = await prisma.task.update({ where: { id: minimal.id }, data: { status, progress: { increment: 1 } } });
      expect(updated.status).toBe(status);
      expect(updated.updatedAt.getTime()).toBeGreaterThanOrEqual(minimal.updatedAt.getTime());
    }
    expect(await prisma.task.count({ where: { keyId: "key-1", status: "FAILED" } })).toBe(1);
    const page = await prisma.task.findMany({ where: { keyId: "key-1" }, orderBy: { createdAt: "desc" } });
    expect(page.map((t) => t.id)).toEqual([minimal.id, created.id]);

    await prisma.task.deleteMany({ where: { keyId: "key-1" } });
    expect(await prisma.task.count()).toBe(0);
  });

  it("round-trips every field of IdempotencyRecord", async () => {
    const { prisma } = db;
    const full = {
      keyId: "key-1",
      key: "idem-123",
      requestHash: "c".repeat(64),
      state: "DONE",
      taskId: "task-1",
      responseStatus: 201,
      response: { data: { createTask: { id: "task-1" } } },
      createdAt: at("2026-11-25T12:00:00.000Z"),
      expiresAt: at("2026-11-26T12:00:00.000Z"),
    };
    const created = await prisma.idempotencyRecord.create({ data: full });
    expect(created).toEqual(full);
    const key = { keyId_key: { keyId: "key-1", key: "idem-123" } };
    expect(await prisma.idempotencyRecord.findUniqueOrThrow({ where: key })).toEqual(created);

    const pending = await prisma.idempotencyRecord.create({
      data: { keyId: "key-1", key: "idem-456", requestHash: "d", expiresAt: full.expiresAt },
    });
    expect(pending).toMatchObject({ state: "PENDING", taskId: null, responseStatus: null, response: null });

    await prisma.idempotencyRecord.update({ where: key, data: { response: Prisma.DbNull, taskId: null } });
    expect(await prisma.idempotencyRecord.findUniqueOrThrow({ where: key })).toMatchObject({ response: null, taskId: null });
    await prisma.idempotencyRecord.deleteMany({ where: { expiresAt: { lte: full.expiresAt } } });
    expect(await prisma.idempotencyRecord.count()).toBe(0);
  });

  it("round-trips every field of Upload, including arbitrary bytes", async () => {
    const { prisma } = db;
    const data = new Uint8Array(Array.from({ length: 512 }, (_, i) => i % 256));
    const full = {
      keyId: "key-1",
      mediaType: "image/png",
      sizeBytes: 2_147_483_647,
      data,
      createdAt: at("2026-11-25T12:00:00.000Z"),
      state: "PENDING",
      origin: "INLINE",
      blobKey: "uploads/ab/abc",
      sha256: "00ff",
      expiresAt: at("2026-12-02T12:00:00.000Z"),
    };
    const created = await prisma.upload.create({ data: full });
    expect(created).toEqual({ id: expect.any(String), ...full });
    const read = await prisma.upload.findUniqueOrThrow({ where: { id: created.id } });
    expect(read).toEqual(created);
    expect(Buffer.from(read.data!).equals(Buffer.from(data))).toBe(true);
    const defaults = await prisma.upload.create({ data: { keyId: "key-1", mediaType: "image/png", sizeBytes: 1 } });
    expect(defaults).toMatchObject({ data: null, state: "STORED", origin: "UPLOAD", blobKey: null, sha256: null, expiresAt: null });
    await prisma.upload.delete({ where: { id: defaults.id } });

    await prisma.upload.update({ where: { id: created.id }, data: { data: new Uint8Array(), sizeBytes: 0 } });
    expect((await prisma.upload.findUniqueOrThrow({ where: { id: created.id } })).data).toHaveLength(0);
    await prisma.upload.delete({ where: { id: created.id } });
    expect(await prisma.upload.count()).toBe(0);
  });

  it("round-trips every field of UploadQuota, keyed by keyId, with a bigint byte count", async () => {
    const { prisma } = db;
    const full = { keyId: "key-1", day: at("2026-11-25T00:00:00.000Z"), uploadsToday: 3, bytesStored: HUGE };
    expect(await prisma.uploadQuota.create({ data: full })).toEqual(full);
    expect(await prisma.uploadQuota.create({ data: { keyId: "key-2", day: full.day } })).toEqual({ keyId: "key-2", day: full.day, uploadsToday: 0, bytesStored: 0n });
    await prisma.uploadQuota.deleteMany({});
    expect(await prisma.uploadQuota.count()).toBe(0);
  });

  it("round-trips every field of PoolAccount, with busyTask unique", async () => {
    const { prisma } = db;
    const full = { id: 7, busyTask: "task-1", consecutiveFailures: 3, lockedUntil: at("2026-11-25T12:05:00.000Z") };
    expect(await prisma.poolAccount.create({ data: full })).toEqual(full);
    expect(await prisma.poolAccount.findUniqueOrThrow({ where: { busyTask: "task-1" } })).toEqual(full);
    await expect(prisma.poolAccount.create({ data: { id: 8, busyTask: "task-1" } })).rejects.toThrow();
    const freed = await prisma.poolAccount.update({ where: { id: 7 }, data: { busyTask: null, lockedUntil: null, consecutiveFailures: 0 } });
    expect(freed).toEqual({ id: 7, busyTask: null, consecutiveFailures: 0, lockedUntil: null });
    expect(await prisma.poolAccount.create({ data: { id: 9 } })).toEqual({ id: 9, busyTask: null, consecutiveFailures: 0, lockedUntil: null });
    await prisma.poolAccount.deleteMany({});
    expect(await prisma.poolAccount.count()).toBe(0);
  });

  it("round-trips every field of StoredFile, keyed by (ownerId, name)", async () => {
    const { prisma } = db;
    const data = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255]);
    const full = {
      ownerId: "task-1", name: "gpt-image-2_-0.png", mediaType: "image/png", data, createdAt: at("2026-11-25T12:00:00.000Z"),
      sizeBytes: 6, blobKey: "results/ab/abc", sha256: "00ff", expiresAt: at("2026-12-02T12:00:00.000Z"),
    };
    expect(await prisma.storedFile.create({ data: full })).toEqual(full);
    const read = await prisma.storedFile.findUniqueOrThrow({ where: { ownerId_name: { ownerId: "task-1", name: full.name } } });
    expect(Buffer.from(read.data!).equals(Buffer.from(data))).toBe(true);
    await prisma.storedFile.update({ where: { ownerId_name: { ownerId: "task-1", name: full.name } }, data: { mediaType: "image/jpeg" } });
    expect((await prisma.storedFile.findFirstOrThrow()).mediaType).toBe("image/jpeg");
    await prisma.storedFile.delete({ where: { ownerId_name: { ownerId: "task-1", name: full.name } } });
    expect(await prisma.storedFile.count()).toBe(0);
  });

  it("stores DateTime values as the right instant (UTC session) and answers ping", async () => {
    const { prisma } = db;
    await db.ping();
    const createdAt = at("2026-11-25T12:34:56.789Z");
    const { id } = await prisma.apiKey.create({ data: { hash: "e".repeat(64), prefix: "p", createdAt } });
    const [row] = await prisma.$queryRaw<{ text: string }[]>`
      SELECT (created_at AT TIME ZONE 'UTC')::text AS text FROM api_keys WHERE id = ${id}`;
    expect(row?.text).toBe("2026-11-25 12:34:56.789");
  });
});

describe.each(targets.filter((t) => t.name === "postgres"))("openDatabase on $name", (target) => {
  it("writes timestamps correctly even when the database's default time zone is not UTC", async () => {
    const empty = await target.openEmpty();
    const [{ name } = { name: "" }] = await empty.runner.query<{ name: string }>("SELECT current_database() AS name");
    await empty.runner.exec(`ALTER DATABASE ${name} SET TimeZone = 'America/New_York'`);
    const db = await openDatabase({ databaseUrl: empty.url });
    try {
      const createdAt = new Date("2026-11-25T12:00:00.000Z");
      const key = await db.prisma.apiKey.create({ data: { hash: "f".repeat(64), prefix: "p", createdAt } });
      expect(key.createdAt).toEqual(createdAt);
      const [row] = await empty.connect().query<{ epoch: string }>(
        "SELECT extract(epoch FROM created_at)::bigint::text AS epoch FROM api_keys WHERE id = $1",
        [key.id],
      );
      expect(Number(row?.epoch) * 1000).toBe(createdAt.getTime());
    } finally {
      await db.close();
    }
  });
});

describe("openDatabase on PGlite with a dataDir", () => {
  it("persists the data and does not apply migrations again when reopened", async () => {
    const dataDir = join(scratch, "pglite-data");
    const first = await openDatabase({ dataDir });
    await first.prisma.apiKey.create({ data: { hash: "g".repeat(64), prefix: "persist" } });
    await first.close();

    const second = await openDatabase({ dataDir });
    try {
      expect(await second.prisma.apiKey.count()).toBe(1);
      const rows = await second.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM _prisma_migrations`;
      expect(rows[0]?.n).toBe(ALL.length);
    } finally {
      await second.close();
    }
  });

  it("refuses a config that names no database", async () => {
    await expect(openDatabase({})).rejects.toThrow(/databaseUrl|dataDir|memory/);
  });
});

// ---------------------------------------------------------------------------------------------
// A deliberately small reader of schema.prisma: what PostgreSQL should contain per Prisma's rules.

interface ExpectedColumn {
  table_name: string;
  column_name: string;
  type: string;
  nullable: boolean;
  has_default: boolean;
}
interface ExpectedIndex {
  name: string;
  unique: boolean;
  columns: string[];
}

function parsePrismaSchema(text: string) {
  const blocks = [...text.matchAll(/^(model|enum)\s+(\w+)\s*\{([\s\S]*?)^\}/gm)];
  const enums = new Map<string, { name: string; values: string[] }>();
  for (const [, kind, name = "", body = ""] of blocks) {
    if (kind !== "enum") continue;
    const lines = meaningfulLines(body);
    const mapped = lines.map((l) => /^@@map\("([^"]+)"\)/.exec(l)?.[1]).find(Boolean);
    enums.set(name, { name: mapped ?? name, values: lines.filter((l) => /^\w+$/.test(l)) });
  }

  const columns: ExpectedColumn[] = [];
  const indexes: ExpectedIndex[] = [];
  for (const [, kind, name = "", body = ""] of blocks) {
    if (kind !== "model") continue;
    const lines = meaningfulLines(body);
    const table = lines.map((l) => /^@@map\("([^"]+)"\)/.exec(l)?.[1]).find(Boolean) ?? name;
    const columnOf = new Map<string, string>();
    for (const line of lines.filter((l) => !l.startsWith("@@"))) {
      const [, field = "", type = "", optional, attrs = ""] = /^(\w+)\s+(\w+)(\?)?\s*(.*)$/.exec(line) ?? [];
      const column = /@map\("([^"]+)"\)/.exec(attrs)?.[1] ?? field;
      columnOf.set(field, column);
      const native = /@db\.(\w+)(?:\((\d+)\))?/.exec(attrs);
      columns.push({
        table_name: table,
        column_name: column,
        type: postgresType(type, native?.[1], native?.[2], enums),
        nullable: optional === "?",
        // uuid() is generated by the client; @updatedAt is set by the client on every write.
        has_default: /@default\((?!uuid\(\))/.test(attrs),
      });
      if (/@id\b/.test(attrs)) indexes.push({ name: `${table}_pkey`, unique: true, columns: [column] });
      if (/@unique\b/.test(attrs)) indexes.push({ name: `${table}_${column}_key`, unique: true, columns: [column] });
    }
    for (const line of lines.filter((l) => l.startsWith("@@"))) {
      const [, attr, list = ""] = /^@@(id|index|unique)\(\[([^\]]*)\]/.exec(line) ?? [];
      if (!attr) continue;
      const parts = list.split(",").map((p) => p.trim());
      const cols = parts.map((p) => {
        const [, field = "", sort] = /^(\w+)(?:\(sort:\s*(Desc|Asc)\))?$/.exec(p) ?? [];
        return { column: columnOf.get(field) ?? `?${field}`, desc: sort === "Desc" };
      });
      const suffix = attr === "id" ? "pkey" : attr === "unique" ? "key" : "idx";
      indexes.push({
        name: attr === "id" ? `${table}_pkey` : `${table}_${cols.map((c) => c.column).join("_")}_${suffix}`,
        unique: attr !== "index",
        columns: cols.map((c) => (c.desc ? `${c.column} DESC` : c.column)),
      });
    }
  }
  return { columns, indexes, enums: [...enums.values()] };
}

function postgresType(
  type: string,
  native: string | undefined,
  precision: string | undefined,
  enums: Map<string, { name: string }>,
): string {
  const enumType = enums.get(type);
  if (enumType) return enumType.name;
  if (type === "DateTime") {
    if (native === "Date") return "date";
    const p = precision ?? "3";
    return native === "Timestamptz" ? `timestamp(${p}) with time zone` : `timestamp(${p}) without time zone`;
  }
  const scalars: Record<string, string> = {
    String: "text",
    Int: "integer",
    BigInt: "bigint",
    Boolean: "boolean",
    Json: "jsonb",
    Bytes: "bytea",
    Float: "double precision",
  };
  return scalars[type] ?? `unknown:${type}`;
}

function meaningfulLines(body: string): string[] {
  return body
    .split("\n")
    .map((l) => l.replace(/\/\/.*$/, "").trim())
    .filter((l) => l.length > 0);
}

function describeIndexDef(def: string): { unique: boolean; columns: string[] } {
  const list = /\(([^)]*)\)\s*$/.exec(def)?.[1] ?? "";
  return {
    unique: /^CREATE UNIQUE INDEX/.test(def),
    columns: list.split(",").map((c) => c.trim().replaceAll('"', "")),
  };
}

function columnKey(c: ExpectedColumn): string {
  return `${c.table_name}.${c.column_name}`;
}

function sortBy<T>(items: T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => key(a).localeCompare(key(b)));
}
