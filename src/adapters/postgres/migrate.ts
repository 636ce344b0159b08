// Applies prisma/migrations/* at startup and records them in `_prisma_migrations` exactly as
// `prisma migrate deploy` does, so the Prisma CLI (where its schema engine is available) agrees
// about what has been applied. We cannot use the CLI itself: its engine is a native binary.
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { PgliteSession } from "./pglite-thread.ts";
import type pg from "pg";

export type SqlRow = Record<string, unknown>;

/** The few SQL operations the migrator needs, over node-postgres or PGlite. */
export interface SqlRunner {
  readonly kind: "postgres" | "pglite";
  /** One statement, with $1.. parameters. */
  query<T extends object = SqlRow>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** A script of any number of statements, no parameters. */
  exec(sql: string): Promise<void>;
  /** BEGIN .. COMMIT around fn on one connection (ROLLBACK if fn throws). */
  transaction<T>(fn: (tx: SqlTransaction) => Promise<T>): Promise<T>;
  /** Runs fn with every statement on one connection: advisory locks belong to a session. */
  session<T>(fn: (conn: SqlRunner) => Promise<T>): Promise<T>;
}

export type SqlTransaction = Pick<SqlRunner, "query" | "exec">;

/** Prisma's own advisory lock id, so we also serialize against a concurrent `prisma migrate`. */
export const PRISMA_ADVISORY_LOCK_ID = 72707369;

export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL("../../../prisma/migrations", import.meta.url));

// Verbatim from Prisma's PostgreSQL connector (IF NOT EXISTS added: we check under the lock anyway).
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

export interface MigrationFile {
  name: string;
  script: string;
  /** sha256 hex of the migration.sql bytes, as Prisma computes it */
  checksum: string;
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
}

/** Thrown when the database history and the migration files disagree. */
export class MigrationError extends Error {
  override name = "MigrationError";
}

/**
 * Applies every migration directory not yet recorded as applied, in name order, each in its own
 * transaction. Returns the names applied by this call (empty when the database is up to date).
 */
export async function applyMigrations(
  db: SqlRunner,
  migrationsDir: string = DEFAULT_MIGRATIONS_DIR,
): Promise<string[]> {
  const migrations = await readMigrations(migrationsDir);
  return db.session(async (conn) => {
    // PGlite is a single in-process session whose transactions are already exclusive, and an
    // advisory lock there would be re-entrant (useless); the in-transaction re-check below suffices.
    const lock = conn.kind === "postgres";
    if (lock) await conn.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_ID]);
    try {
      await conn.exec(CREATE_MIGRATIONS_TABLE);
      const history = await readHistory(conn);
      verifyHistory(migrations, history);
      const applied: string[] = [];
      for (const migration of migrations) {
        if (history.some((row) => row.migration_name === migration.name)) continue;
        if (await applyOne(conn, migration)) applied.push(migration.name);
      }
      return applied;
    } finally {
      if (lock) await conn.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_ID]);
    }
  });
}

/** The migration directories under dir, sorted by name (their timestamp prefix). */
export async function readMigrations(dir: string): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      let bytes: Buffer;
      try {
        bytes = await readFile(join(dir, name, "migration.sql"));
      } catch (cause) {
        throw new MigrationError(`Migration directory ${name} has no readable migration.sql`, { cause });
      }
      return { name, script: bytes.toString("utf8"), checksum: sha256Hex(bytes) };
    }),
  );
}

/** Rows that count as history: Prisma ignores rows marked rolled back. */
async function readHistory(conn: SqlTransaction): Promise<MigrationRow[]> {
  return conn.query<MigrationRow>(
    `SELECT migration_name, checksum, finished_at FROM _prisma_migrations
     WHERE rolled_back_at IS NULL ORDER BY started_at`,
  );
}

function verifyHistory(migrations: MigrationFile[], history: MigrationRow[]): void {
  for (const row of history) {
    if (row.finished_at === null) {
      // Prisma's P3009: a half-applied migration needs a human (`prisma migrate resolve`).
      throw new MigrationError(
        `Migration ${row.migration_name} is recorded as started but never finished; ` +
          "resolve it (prisma migrate resolve) before starting the service",
      );
    }
    const file = migrations.find((m) => m.name === row.migration_name);
    // A row without a local file is a newer release's migration (e.g. during a rolling deploy): fine.
    if (file && !checksumMatches(file, row.checksum)) {
      throw new MigrationError(
        `Migration ${file.name} was modified after it was applied ` +
          `(database checksum ${row.checksum}, file checksum ${file.checksum}). ` +
          "Applied migrations must never change; add a new migration instead.",
      );
    }
  }
}

/** Applies one migration and records it, atomically. False if another caller got there first. */
async function applyOne(conn: SqlRunner, migration: MigrationFile): Promise<boolean> {
  return conn.transaction(async (tx) => {
    // Re-check inside the transaction: on PGlite this is what makes concurrent calls safe.
    const done = await tx.query(
      "SELECT 1 FROM _prisma_migrations WHERE migration_name = $1 AND rolled_back_at IS NULL",
      [migration.name],
    );
    if (done.length > 0) return false;
    try {
      await tx.exec(migration.script);
    } catch (cause) {
      const detail = cause instanceof Error ? cause.message : String(cause);
      throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${detail}`, { cause });
    }
    // Same row Prisma leaves after a successful step: one script = one step.
    await tx.query(
      `INSERT INTO _prisma_migrations
         (id, checksum, migration_name, logs, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, NULL, now(), clock_timestamp(), 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    return true;
  });
}

/** Like Prisma, accept the same script with CRLF/LF line endings (git autocrlf checkouts). */
function checksumMatches(file: MigrationFile, recorded: string): boolean {
  const candidates = [
    file.checksum,
    sha256Hex(Buffer.from(file.script.replaceAll("\r\n", "\n"), "utf8")),
    sha256Hex(Buffer.from(file.script.replaceAll("\r\n", "\n").replaceAll("\n", "\r\n"), "utf8")),
  ];
  return candidates.includes(recorded);
}

function sha256Hex(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

// ---------------------------------------------------------------------------------------------
// Implementations

/** A runner over one node-postgres connection (a Client, or a client checked out of a Pool). */
export function pgClientRunner(client: pg.ClientBase): SqlRunner {
  const runner: SqlRunner = {
    kind: "postgres",
    async query<T extends object = SqlRow>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query(sql, [...params]);
      return result.rows as T[];
    },
    async exec(sql) {
      // Without parameters node-postgres uses the simple protocol, which allows several statements.
      await client.query(sql);
    },
    async transaction(fn) {
      await client.query("BEGIN");
      try {
        const value = await fn(runner);
        await client.query("COMMIT");
        return value;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      }
    },
    session: (fn) => fn(runner),
  };
  return runner;
}

/** A runner over a node-postgres Pool; transactions and sessions check out one connection. */
export function pgPoolRunner(pool: pg.Pool): SqlRunner {
  const onOneClient = async <T>(fn: (conn: SqlRunner) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      return await fn(pgClientRunner(client));
    } catch (error) {
      // A connection that failed mid-session may still hold our advisory lock: don't reuse it.
      broken = error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      client.release(broken);
    }
  };
  return {
    kind: "postgres",
    async query<T extends object = SqlRow>(sql: string, params: readonly unknown[] = []) {
      const result = await pool.query(sql, [...params]);
      return result.rows as T[];
    },
    async exec(sql) {
      await pool.query(sql);
    },
    transaction: (fn) => onOneClient((conn) => conn.transaction(fn)),
    session: onOneClient,
  };
}

/** A runner over a PGlite instance (one in-process session; its transactions are exclusive). */
export function pgliteRunner(db: PgliteSession): SqlRunner {
  const runner: SqlRunner = {
    kind: "pglite",
    async query<T extends object = SqlRow>(sql: string, params: readonly unknown[] = []) {
      const result = await db.query<T>(sql, [...params]);
      return result.rows;
    },
    async exec(sql) {
      await db.exec(sql);
    },
    // PGlite's transaction() holds its lock until done, so other callers' queries cannot
    // interleave with ours (a manual BEGIN via query() would not be protected like that).
    transaction: (fn) =>
      db.transaction((tx) =>
        fn({
          async query<T extends object = SqlRow>(sql: string, params: readonly unknown[] = []) {
            return (await tx.query<T>(sql, [...params])).rows;
          },
          async exec(sql) {
            await tx.exec(sql);
          },
        }),
      ),
    session: (fn) => fn(runner),
  };
  return runner;
}
