// The databases store tests run against: PGlite in memory always, PostgreSQL when
// TEST_DATABASE_URL names a server. Every database handed out is fresh (a new PGlite, or a new
// uniquely named PostgreSQL database) and is closed / dropped in afterAll.
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll } from "vitest";
import { openDatabase } from "../../src/adapters/postgres/database.ts";
import type { Database } from "../../src/adapters/postgres/database.ts";
import { pgliteRunner, pgPoolRunner } from "../../src/adapters/postgres/migrate.ts";
import type { SqlRunner } from "../../src/adapters/postgres/migrate.ts";
import { pgliteTemplate } from "./pglite-template.ts";

export type TestDatabaseName = "pglite" | "postgres";

export interface TestDatabaseTarget {
  readonly name: TestDatabaseName;
  /** A fresh database opened with openDatabase(), i.e. migrated. */
  open(): Promise<Database>;
  /** A fresh, empty database (nothing applied yet) and raw SQL access to it. */
  openEmpty(): Promise<EmptyTestDatabase>;
}

export interface EmptyTestDatabase {
  runner: SqlRunner;
  /** Another independent runner (on PostgreSQL a separate pool: separate sessions). */
  connect(): SqlRunner;
  /** postgres only: the URL of this database, for openDatabase({ databaseUrl }) */
  url?: string;
}

/**
 * Call once at the top level of a test file (`const targets = await withTestDatabases()`),
 * then `describe.each(targets)`. Registers the cleanup with afterAll.
 */
export async function withTestDatabases(): Promise<TestDatabaseTarget[]> {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    // Reverse order: close connections before dropping the databases they point at.
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  const targets: TestDatabaseTarget[] = [pgliteTarget(cleanups)];
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    targets.push(await postgresTarget(url, cleanups));
  } else if (process.env.CI === "true") {
    throw new Error("TEST_DATABASE_URL must be set in CI: the PostgreSQL store tests may not be skipped there");
  }
  return targets;
}

function pgliteTarget(cleanups: Array<() => Promise<void>>): TestDatabaseTarget {
  return {
    name: "pglite",
    async open() {
      const db = await openDatabase({ memory: true, pgliteTemplate });
      cleanups.push(() => db.close());
      return db;
    },
    async openEmpty() {
      const lite = new PGlite();
      await lite.waitReady;
      cleanups.push(() => lite.close());
      const runner = pgliteRunner(lite);
      // PGlite is one in-process session: every "connection" is the same instance.
      return { runner, connect: () => runner };
    },
  };
}

async function postgresTarget(serverUrl: string, cleanups: Array<() => Promise<void>>): Promise<TestDatabaseTarget> {
  const adminUrl = withDatabaseName(serverUrl, "postgres");
  await withClient(adminUrl, async (client) => {
    await client.query("SELECT 1");
  }).catch((cause: unknown) => {
    throw new Error(`TEST_DATABASE_URL is set but its server is unreachable (${adminUrl})`, { cause });
  });

  const createDatabase = async (): Promise<string> => {
    const name = `gateai_t_${randomBytes(6).toString("hex")}`;
    await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
    cleanups.push(() =>
      // FORCE: a test that failed half-way may have left connections open.
      withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
    );
    return withDatabaseName(serverUrl, name);
  };

  const newPool = (url: string): pg.Pool => {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    pool.on("error", () => undefined);
    cleanups.push(() => pool.end());
    return pool;
  };

  return {
    name: "postgres",
    async open() {
      const url = await createDatabase();
      const db = await openDatabase({ databaseUrl: url });
      cleanups.push(() => db.close());
      return db;
    },
    async openEmpty() {
      const url = await createDatabase();
      return { runner: pgPoolRunner(newPool(url)), connect: () => pgPoolRunner(newPool(url)), url };
    },
  };
}

function withDatabaseName(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
