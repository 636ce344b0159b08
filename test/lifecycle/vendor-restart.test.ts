// A gateway process killed with SIGKILL (no shutdown code runs: its lease stays until it expires)
// while a task's job runs at a real vendor protocol (the fake fal and Replicate servers), then
// started again on the same database: the new process takes the task over and resumes the job
// from the vendor request id the dead one stored, instead of submitting it again; the task
// finishes with the vendor's result, charged once. The fake's own log counts the submits.
import { join } from "node:path";
import { afterAll, describe, test } from "vitest";
import { openDatabase } from "../../src/adapters/postgres/database.ts";
import { PNG } from "../fakes/http.ts";
import { Cleanup, fetchBytes, generate, get, randomKey, spawnGateway, tempDir, usedMicros, waitFor, waitForFinal } from "./support.ts";
import { FAKE_VENDORS, vendorOfRef, vendorRequestId } from "./vendor-restart-support.ts";

const cleanup = new Cleanup();
afterAll(() => cleanup.run(), 60_000);

/**
 * Time scale 10: the refund deadline (20 min) is 2 min away, far beyond the two process starts a
 * loaded machine needs, so "charged once" is not a refund racing the finish; the vendor is read
 * every 50 ms. Leases of 1 s: the second process takes the dead one's task over soon.
 */
const SCALE = 10;
const LEASE_MS = 1_000;

describe("a gateway process killed with SIGKILL while its task runs at a vendor", { concurrent: true }, () => {
  for (const [name, start] of FAKE_VENDORS) {
    test(`${name}: a new process on the same database resumes the job from the stored request id (no second submit), finishes the task with the vendor's result, charged once`, async ({ expect }) => {
      const vendor = await start(cleanup);
      vendor.keepRunning();
      const dir = await tempDir(cleanup, "gateai-vendor-restart-");
      const key = randomKey();
      const env = { ...vendor.env, GATEAI_DATA_DIR: dir, GATEAI_API_KEYS: key, GATEAI_TIME_SCALE: String(SCALE), GATEAI_LEASE_MS: String(LEASE_MS) };

      // First life: the job is submitted, its id stored (a status read names it: the driver reads
      // a job's id from the task's row, so a read by id means the row holds it), then SIGKILL.
      const first = await spawnGateway(cleanup, env);
      const { taskId, cost } = await generate(first.url, key, vendor.model, vendor.params);
      const jobId = await waitFor(
        `the ${vendor.name} job to be submitted and read by its stored id`,
        async () => {
          const ids = vendor.jobIds();
          return ids.length === 1 && vendor.statusReads(ids[0]!) >= 1 ? ids[0] : undefined;
        },
        30_000,
      );
      expect((await get(first.url, `/get/${taskId}`, key)).body).toMatchObject({ status: "PROCESSING", refunded: false });
      expect(await usedMicros(first.url, key)).toBe(cost);
      await first.kill9();
      expect(vendor.submits()).toBe(1);
      const readsBeforeKill = vendor.statusReads(jobId);
      expect(vendor.resultServed(jobId)).toBe(false);

      // Second life, a new process on the same data: the vendor's job completes at its next read.
      vendor.completeNow();
      const second = await spawnGateway(cleanup, env);
      expect(second.pid).not.toBe(first.pid);
      const final = await waitForFinal(second.url, key, taskId, 60_000);
      expect(final, second.output().slice(-4_000)).toMatchObject({ status: "FINISHED", refunded: false, cost: cost / 1e6 });
      expect(final.error).toBeUndefined();

      // No second submit; the job the first process submitted is the one read and collected.
      expect(vendor.submits()).toBe(1);
      expect(vendor.jobIds()).toEqual([jobId]);
      expect(vendor.statusReads(jobId)).toBeGreaterThan(readsBeforeKill);
      expect(vendor.resultServed(jobId)).toBe(true);

      // The vendor's result, served by the gateway: the fake's own PNG, byte for byte.
      expect(final.result).toHaveLength(1);
      const file = await fetchBytes(final.result[0]);
      expect(file.status).toBe(200);
      expect(file.contentType).toBe("image/png");
      expect(Buffer.from(file.bytes).equals(PNG)).toBe(true);

      // Charged once: the key's use is the task's cost, not refunded, not charged again.
      expect(await usedMicros(second.url, key)).toBe(cost);
      await second.stop();

      // The stored row: one attempt, still the first process's vendor request id, the vendor's cost beside ours.
      const db = await openDatabase({ dataDir: join(dir, "pglite") });
      try {
        const [row] = await db.prisma.$queryRawUnsafe<{ attempts: number; upstream_ref: string; upstream_attempt: number; cost_micros: unknown; refunded_at: Date | null; vendor_cost: unknown }[]>(
          "SELECT attempts, upstream_ref, upstream_attempt, cost_micros, refunded_at, vendor_cost FROM tasks WHERE id = $1",
          taskId,
        );
        expect(row).toMatchObject({ attempts: 1, upstream_attempt: 1, refunded_at: null });
        expect(vendorRequestId(row!.upstream_ref)).toBe(jobId);
        expect(vendorOfRef(row!.upstream_ref)).toBe(name.toLowerCase());
        expect(Number(row!.cost_micros)).toBe(cost);
        expect(row!.vendor_cost).toMatchObject({ vendor: name.toLowerCase() });
      } finally {
        await db.close();
      }
    }, 180_000);
  }
});
