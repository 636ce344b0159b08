// Opens the gateway's database: PostgreSQL when a URL is configured, otherwise embedded PGlite
// (on disk or in memory). Migrations are applied before the Prisma client is handed out.
import type { Worker } from "node:worker_threads";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../../generated/prisma/client.ts";
import { applyMigrations, pgliteRunner, pgPoolRunner } from "./migrate.ts";
import { initdbInChildProcess, needsInitdb, PGLITE_START_PARAMS } from "./pglite-memory.ts";
import { openPgliteThread } from "./pglite-thread.ts";
import { FairTurns } from "../../kernel/fair-turns.ts";
import type { SqlClient } from "./sql.ts";

export interface DatabaseConfig {
  /** postgresql://… — when set, PostgreSQL is used and dataDir/memory are ignored */
  databaseUrl?: string;
  /** PGlite data directory (persisted) */
  dataDir?: string;
  /** PGlite in memory (tests, throwaway runs) */
  memory?: boolean;
  /** With memory: a PGlite data-directory dump (PGlite's dumpDataDir) to start from instead of initdb. */
  pgliteTemplate?: string;
  /** PostgreSQL pool size (node-postgres default: 10) */
  poolSize?: number;
  /** Errors of idle pooled connections (e.g. server restart); the pool replaces them. */
  onPoolError?: (error: Error) => void;
  /** Defaults to prisma/migrations of this repository */
  migrationsDir?: string;
  /**
   * Who the current query is for (src/http/request-client.ts). With it, PGlite's statements (in
   * its worker, pglite-worker.ts) and PostgreSQL's pooled connections (fairConnections below) are
   * taken in turns by client; without it, in the order they are asked for.
   */
  clientOf?: () => string;
  /** PGlite: told of each worker thread started, the first and each restart (pglite-thread.ts). */
  onPgliteWorker?: (worker: Worker) => void;
}

export interface Database {
  prisma: PrismaClient;
  /** The same database through its driver, for the hot statements (see sql.ts). */
  sql: SqlClient;
  kind: "postgres" | "pglite";
  ping(): Promise<void>;
  close(): Promise<void>;
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config);
  return openPglite(config);
}

async function openPostgres(url: string, config: DatabaseConfig): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: config.poolSize,
    // @prisma/adapter-pg sends DateTime parameters without a zone offset, and PostgreSQL reads such
    // values in the session time zone: any zone but UTC would shift every timestamptz written.
    options: "-c TimeZone=UTC",
  });
  // Without a listener an idle connection's error would crash the process.
  pool.on("error", config.onPoolError ?? (() => undefined));
  try {
    await applyMigrations(pgPoolRunner(pool), config.migrationsDir);
  } catch (error) {
    await pool.end();
    throw error;
  }
  if (config.clientOf) fairConnections(pool, config.clientOf);
  // We own the pool, so the adapter must not end it; close() does, after Prisma disconnects.
  const statementName = preparedStatementNames();
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: false, statementNameGenerator: statementName }) });
  const sql: SqlClient = {
    async query<Row extends object>(text: string, values: readonly unknown[]) {
      const result = await pool.query<Row>({ name: statementName({ sql: text }), text, values: values as unknown[] });
      return result.rows;
    },
  };
  return {
    prisma,
    sql,
    kind: "postgres",
    ping: () => ping(prisma),
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/**
 * Names for the adapter's statements, so each pooled connection prepares a statement once and
 * PostgreSQL stops parsing and planning it on every call (the accept statement is a four-part CTE,
 * and planning is a large share of its cost). One name per distinct SQL text; past `max` texts
 * (queries whose shape varies, such as IN lists) new ones stay unnamed, so the set stays bounded.
 */
function preparedStatementNames(max = 500): (query: { sql: string }) => string {
  const names = new Map<string, string>();
  return ({ sql }) => {
    let name = names.get(sql);
    if (name === undefined && names.size < max) names.set(sql, (name = `gateai_${names.size}`));
    // Unnamed: node-postgres then neither caches nor checks the statement (typed string, takes undefined).
    return name as string;
  };
}

async function openPglite(config: DatabaseConfig): Promise<Database> {
  if (!config.memory && !config.dataDir) {
    throw new Error("openDatabase: set databaseUrl (PostgreSQL), dataDir (PGlite on disk) or memory: true");
  }
  if (!config.memory && needsInitdb(config.dataDir!)) initdbInChildProcess(config.dataDir!);
  // On a worker thread of its own, so statements run beside the event loop (pglite-thread.ts).
  // PGlite is one session for the whole process: the setup holds for every later query, and is run again by a restarted worker.
  const db = await openPgliteThread({ dataDir: config.memory ? undefined : config.dataDir, template: config.memory ? config.pgliteTemplate : undefined, startParams: PGLITE_START_PARAMS, setup: "SET TIME ZONE 'UTC'", clientOf: config.clientOf, onWorker: config.onPgliteWorker });
  try {
    await applyMigrations(pgliteRunner(db), config.migrationsDir);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(db as unknown as PGlite) });
  // db.query waits for any open transaction (PGlite runs one at a time), so it never runs inside Prisma's.
  const sql: SqlClient = {
    async query<Row extends object>(text: string, values: readonly unknown[]) {
      return (await db.query<Row>(text, values as unknown[])).rows;
    },
  };
  return {
    prisma,
    sql,
    kind: "pglite",
    ping: () => ping(prisma),
    async close() {
      await prisma.$disconnect();
      await db.close();
    },
  };
}

/**
 * The pool's connections, taken in turns by client: node-postgres queues a request for a
 * connection in arrival order, so a key with many queries in flight would hold every other key's
 * behind all of its own. Every checkout (a `pool.query`, a Prisma transaction) goes through
 * `pool.connect`, which here waits for a turn in its client's line (kernel/fair-turns.ts, as many
 * turns as connections) and holds it until the connection is released. No pacing: PostgreSQL
 * answers over real I/O, so the event loop reads sockets meanwhile.
 */
function fairConnections(pool: pg.Pool, clientOf: () => string): void {
  // pg-pool fills in its own default size here.
  const turns = new FairTurns(pool.options.max);
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  const checkout = (): Promise<pg.PoolClient> =>
    new Promise((resolve, reject) => {
      void turns.run(
        clientOf,
        () =>
          new Promise<void>((released) => {
            connect().then(
              (connection) => {
                const release = connection.release;
                connection.release = (error?: Error | boolean) => {
                  connection.release = release;
                  released();
                  return release.call(connection, error);
                };
                resolve(connection);
              },
              (error: unknown) => {
                released();
                reject(error);
              },
            );
          }),
      );
    });
  // Both of pg-pool's forms: a promise, or a callback (which `pool.query` uses).
  pool.connect = ((callback?: (error: Error | undefined, client?: pg.PoolClient, done?: (release?: Error | boolean) => void) => void) => {
    if (!callback) return checkout();
    checkout().then(
      (connection) => callback(undefined, connection, connection.release),
      (error: Error) => callback(error),
    );
    return undefined;
  }) as typeof pool.connect;
}

async function ping(prisma: PrismaClient): Promise<void> {
  await prisma.$queryRaw`SELECT 1`;
}
