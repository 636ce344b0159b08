// Vitest globalSetup (projects that open databases): one in-memory PGlite, migrated, dumped to a
// file that every in-memory database of the run starts from (pgliteTemplate below) instead of
// running initdb and the migrations again. Made afresh each run from the current migrations.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { applyMigrations, pgliteRunner } from "../../src/adapters/postgres/migrate.ts";

/** Where the global setup tells the test processes (its children) the template is. */
const TEMPLATE_ENV = "GATEAI_TEST_PGLITE_TEMPLATE";

/** The migrated template this run's in-memory databases start from (undefined outside the test projects that make it). */
export const pgliteTemplate: string | undefined = process.env[TEMPLATE_ENV];

export default async function setup(): Promise<() => void> {
  // Both the db and e2e projects list this setup: the first makes the template, the other finds it.
  if (process.env[TEMPLATE_ENV]) return () => undefined;
  const dir = mkdtempSync(join(tmpdir(), "gateai-pglite-template-"));
  const db = await PGlite.create();
  try {
    await applyMigrations(pgliteRunner(db));
    const dump = await db.dumpDataDir("none");
    const file = join(dir, "migrated.tar");
    writeFileSync(file, new Uint8Array(await dump.arrayBuffer()));
    process.env[TEMPLATE_ENV] = file;
  } finally {
    await db.close();
  }
  return () => {
    delete process.env[TEMPLATE_ENV];
    rmSync(dir, { recursive: true, force: true });
  };
}
