// A task whose vendor job never completes (the fake fal or Replicate keeps it running at every
// status read), run on the spec's clocks at a time scale: at 20 min it is refunded and the job goes
// on at the vendor; at the 40-minute hard limit the task is FAILED ("Generation timed out (40 min
// hard limit)"), refunded once, and the driver asks the vendor to cancel that job (fal: PUT
// …/requests/{id}/cancel; Replicate: POST /v1/predictions/{id}/cancel), which no one would collect
// and the vendor would bill for.
import { afterAll, describe, test } from "vitest";
import { HARD_LIMIT_ERROR } from "../../src/services/task-driver.ts";
import { Cleanup, generate, get, launch, usedMicros, waitFor, waitForFinal } from "./support.ts";
import { FAKE_VENDORS, vendorOfRef, vendorRequestId } from "./vendor-restart-support.ts";

const cleanup = new Cleanup();
afterAll(() => cleanup.run(), 60_000);

/** 20 / 40 minutes at time scale 300: 4 s, 8 s. */
const SCALE = 300;
const REFUND_MS = (20 * 60_000) / SCALE;
const HARD_MS = (40 * 60_000) / SCALE;

describe("a vendor job that never completes, at the task's hard deadline", { concurrent: true }, () => {
  for (const [name, start] of FAKE_VENDORS) {
    test(`${name}: the task is FAILED at 40 min and refunded once, and the driver cancels that job at the vendor (not before)`, async ({ expect }) => {
      const vendor = await start(cleanup);
      vendor.keepRunning();
      const gw = await launch(cleanup, { env: { ...vendor.env, GATEAI_TIME_SCALE: String(SCALE) } });
      const { key } = await gw.createKey();
      const { taskId, cost } = await generate(gw.url, key, vendor.model, vendor.params);
      expect(await usedMicros(gw.url, key)).toBe(cost);

      const jobId = await waitFor(
        `the ${vendor.name} job to be submitted and running`,
        async () => {
          const ids = vendor.jobIds();
          return ids.length === 1 && vendor.statusReads(ids[0]!) >= 1 ? ids[0] : undefined;
        },
        REFUND_MS,
      );

      // 20 min: refunded, still running at the vendor, which was not asked to stop it.
      const refunded = await waitFor(
        "the task to be refunded at 20 min",
        async () => {
          const body = (await get(gw.url, `/get/${taskId}`, key)).body;
          return body.refunded ? body : undefined;
        },
        HARD_MS + 10_000,
      );
      expect(refunded.status).toBe("PROCESSING");
      expect(vendor.cancelled(jobId), "cancelled before the hard limit").toBe(false);
      expect(await usedMicros(gw.url, key)).toBe(0);

      // 40 min: FAILED with the hard limit's error, refunded (once: the key's use stays 0).
      const final = await waitForFinal(gw.url, key, taskId, HARD_MS + 20_000);
      expect(final).toMatchObject({ status: "FAILED", error: HARD_LIMIT_ERROR, refunded: true });
      expect(Date.parse(final.finished_at) - Date.parse(final.created_at)).toBeGreaterThanOrEqual(HARD_MS);
      expect(await usedMicros(gw.url, key)).toBe(0);

      // The vendor is told to stop that very job (the cancel follows the FAILED event: waited for).
      await waitFor(`the ${vendor.name} fake to receive the cancel of job ${jobId}`, async () => vendor.cancelled(jobId), 10_000);
      expect(vendor.jobIds()).toEqual([jobId]);
      expect(vendor.submits()).toBe(1);
      expect(vendor.resultServed(jobId)).toBe(false);

      const [row] = await gw.prisma.$queryRawUnsafe<{ attempts: number; upstream_ref: string; refunded_at: Date | null }[]>(
        "SELECT attempts, upstream_ref, refunded_at FROM tasks WHERE id = $1",
        taskId,
      );
      expect(row!.attempts).toBe(1);
      expect(vendorOfRef(row!.upstream_ref)).toBe(name.toLowerCase());
      expect(vendorRequestId(row!.upstream_ref)).toBe(jobId);
      // Refunded at 20 min, not again at 40.
      expect(row!.refunded_at!.getTime()).toBeLessThan(Date.parse(final.finished_at));
      await gw.close();
    }, 90_000);
  }
});
