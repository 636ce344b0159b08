// What keeps embedded PGlite small in the gateway process (see bench/memory.bench.ts):
//  - PostgreSQL's shared buffers live in PGlite's WebAssembly memory, which never shrinks: initdb
//    sets 128MB, and a busy gateway touches all of it. The gateway's working set is small, and the
//    operating system caches the data files anyway.
//  - Creating a new data directory runs initdb in a second WebAssembly instance, whose memory PGlite
//    keeps referenced for as long as the database stays open. A short-lived child process creates
//    the directory instead, so the gateway never holds it.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";

/** PGlite's own start parameters plus the gateway's memory settings. */
export const PGLITE_START_PARAMS: readonly string[] = [
  ...PGlite.defaultStartParams,
  "-c", "shared_buffers=16MB",
  "-c", "maintenance_work_mem=16MB",
  "-c", "temp_buffers=2MB",
];

/** True when `dataDir` holds no database yet (PGlite would run initdb on open). */
export function needsInitdb(dataDir: string): boolean {
  return !existsSync(join(dataDir, "PG_VERSION"));
}

/** Creates the database in `dataDir` in a child process, then exits it (see above). */
export function initdbInChildProcess(dataDir: string): void {
  const pglite = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  const script = "const { PGlite } = require(process.argv[1]); const db = new PGlite(process.argv[2]); db.waitReady.then(() => db.close()).catch((e) => { console.error(e); process.exit(1); });";
  const child = spawnSync(process.execPath, ["-e", script, pglite, dataDir], { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  if (child.status !== 0) throw new Error(`creating the PGlite database in ${dataDir} failed: ${child.stderr || child.error?.message || `exit ${child.status}`}`);
}
