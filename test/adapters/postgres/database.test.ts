// The gateway's database on embedded PGlite on a data directory, through Prisma and the raw SQL
// client, when PGlite's worker thread dies: unavailable (the faces' 503) until a new worker has
// opened the directory again, then everything committed is there.
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../../src/adapters/postgres/database.ts";
import { isServiceUnavailable } from "../../../src/http/unavailable.ts";

const dir = mkdtempSync(join(tmpdir(), "gateai-database-"));
const workers: Worker[] = [];
let db: Database | undefined;
afterAll(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Ends the current worker as a crash would; resolves once it is gone. */
async function killWorker(): Promise<void> {
  const current = workers.at(-1)!;
  const gone = once(current, "exit");
  await current.terminate();
  await gone;
}

/** The keys' labels once the database answers again. */
const labelsOnceBack = (open: Database) =>
  expect.poll(() => open.prisma.apiKey.findMany().then((keys) => keys.map((k) => k.label), () => "unavailable"), { timeout: 30_000, interval: 50 });

describe("openDatabase on PGlite, when its worker dies", () => {
  it("answers Prisma's and raw queries as unavailable, then serves the data directory again with the same rows", async () => {
    db = await openDatabase({ dataDir: dir, onPgliteWorker: (worker) => workers.push(worker) });
    await db.prisma.apiKey.create({ data: { hash: "hash-1", prefix: "sk-kept", label: "kept", dailyLimitMicros: 1_000_000n } });

    await killWorker();
    const viaPrisma = await db.prisma.apiKey.findMany().catch((error: unknown) => error);
    const viaSql = await db.sql.query("SELECT 1", []).catch((error: unknown) => error);
    expect(isServiceUnavailable(viaPrisma)).toBe(true);
    expect(isServiceUnavailable(viaSql)).toBe(true);

    await labelsOnceBack(db).toEqual(["kept"]);
    expect(workers).toHaveLength(2);
  });

  it("fails a Prisma transaction whose worker died inside it as unavailable, and nothing else fails with it", async () => {
    const open = db!;
    const failed = await open.prisma
      .$transaction(async (tx) => {
        await tx.apiKey.create({ data: { hash: "hash-2", prefix: "sk-lost", label: "lost" } });
        await killWorker();
        return tx.apiKey.findMany();
      })
      .catch((error: unknown) => error);
    expect(isServiceUnavailable(failed)).toBe(true);
    await labelsOnceBack(open).toEqual(["kept"]);
    expect(workers).toHaveLength(3);
  });
});
