// What keeps the embedded database small (src/adapters/postgres/pglite-memory.ts, and the Prisma
// generator's compilerBuild): each guarded here, so that losing one fails a test rather than
// quietly costing a few hundred MB of RSS (bench/memory.bench.ts measures the whole process).
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../../src/adapters/postgres/database.ts";

const dataDir = mkdtempSync(join(tmpdir(), "gateai-pglite-memory-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("embedded PGlite's memory", () => {
  it("creates a new data directory in a child process, and runs with 16MB of shared buffers", async () => {
    const externalBefore = process.memoryUsage().external;
    const db = await openDatabase({ dataDir });
    try {
      expect(existsSync(join(dataDir, "PG_VERSION"))).toBe(true);
      // initdb in this process would keep its WebAssembly instance (~450 MB) referenced; the
      // database's own memory starts at 128 MB.
      expect(process.memoryUsage().external - externalBefore).toBeLessThan(300 * 1024 * 1024);
      expect(await db.sql.query<{ shared_buffers: string }>("SHOW shared_buffers", [])).toEqual([{ shared_buffers: "16MB" }]);
    } finally {
      await db.close();
    }
  });

  it("uses Prisma's size-optimised query compiler (the fast one holds ~55 MB more)", () => {
    const client = readFileSync(new URL("../../../src/generated/prisma/internal/class.ts", import.meta.url), "utf8");
    expect(client).toContain("query_compiler_small_bg.postgresql");
    expect(client).not.toContain("query_compiler_fast_bg");
  });
});
