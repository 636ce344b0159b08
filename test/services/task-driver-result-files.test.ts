// The task driver and a vendor's result files: they are streamed into the file store as they
// arrive (never held whole in memory); a one-file result that goes over the cap while it streams
// fails the task, refunded, and leaves no file of it; a file host that fails once is read again at
// the next poll, and the file is kept once. A failed task keeps no file of its result (nor of one
// still streaming when another process failed it), and a retried attempt's files are its own,
// not those an earlier attempt stored before it failed. A result still streaming holds no other
// task back.
import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createFalProvider } from "../../src/adapters/providers/fal-provider.ts";
import { ResultRefused, type Provider, type ProviderJob, type ProviderStatus, type StreamedFiles } from "../../src/services/ports/provider.ts";
import { startFakeFal, type FakeFal } from "../fakes/fal.ts";
import { noFaults } from "../fakes/http.ts";
import { fetchBytes, generate, usedMicros, waitForFinal } from "../lifecycle/support.ts";
import { startGateway, type TestGateway } from "../support/gateway.ts";

const CAP = 4 * 1024 * 1024;

let fal: FakeFal;
beforeAll(async () => {
  fal = await startFakeFal({ keys: ["fal-key"] });
});
afterAll(async () => fal?.close());

let gw: TestGateway | undefined;
/** The gateway's blob store directory (GATEAI_FILES_DIR). */
let filesDir: string;
/** Sends the rest of a held file (`heldFile`); called again after each test, so no read is left waiting. */
let release: () => void = () => undefined;
afterEach(async () => {
  release();
  Object.assign(fal.faults, noFaults(), { hugeFileBytes: undefined, heldFile: undefined });
  await gw?.close();
  gw = undefined;
  await rm(filesDir, { recursive: true, force: true });
});

const start = async (provider: Provider = createFalProvider({ baseUrl: fal.url, keys: ["fal-key"], maxDownloadBytes: CAP })) => {
  filesDir = await mkdtemp(join(tmpdir(), "gateai-results-"));
  return (gw = await startGateway({ env: { GATEAI_FILES_DIR: filesDir }, provider, driver: { tickMs: 20 } }));
};

/**
 * A vendor that takes each attempt on its first poll (its handle: the attempt's number) and then
 * answers `answer(attempt, poll)`, the polls of that attempt after the submit counted from 1.
 */
function scriptedVendor(answer: (attempt: number, poll: number) => ProviderStatus): Provider {
  const polls = new Map<number, number>();
  return {
    async poll(job: ProviderJob) {
      if (!job.upstream) return { state: "running", progress: 0, upstream: String(job.attempt) };
      const poll = (polls.get(job.attempt) ?? 0) + 1;
      polls.set(job.attempt, poll);
      return answer(job.attempt, poll);
    },
  };
}

async function* bytes(chunk: Uint8Array) {
  yield chunk;
}

const png = (fill: number) => ({ name: "a.png", mediaType: "image/png", data: Buffer.alloc(64, fill) });
/** A streamed file whose read fails with `error`. */
const failingRead = (error: Error): StreamedFiles => ({
  names: ["b.png"],
  read: async () => {
    throw error;
  },
});

/**
 * A finished status whose one streamed file is held: `inStore` resolves once the read has begun
 * (the file's bytes stored first, unless `storeAfterHold`); the read goes on when `letGo` is called
 * (and after each test), then fails with `failWith` when given.
 */
function heldResult(options: { readonly storeAfterHold?: boolean; readonly failWith?: Error } = {}) {
  let begun!: () => void;
  const inStore = new Promise<void>((resolve) => (begun = resolve));
  let letGo!: () => void;
  const held = new Promise<void>((resolve) => (letGo = resolve));
  release = letGo;
  const file = () => ({ name: "a.png", mediaType: "image/png", body: bytes(Buffer.alloc(64, 1)) });
  const status: ProviderStatus = {
    state: "finished",
    files: [],
    streamed: {
      names: ["a.png"],
      read: async (into) => {
        if (!options.storeAfterHold) await into(file());
        begun();
        await held;
        if (options.storeAfterHold) await into(file());
        if (options.failWith) throw options.failWith;
      },
    },
    result: ["a.png"],
    glb: [],
  };
  return { status, inStore, letGo };
}

const image = (g: TestGateway, prompt: string) => generate(g.url, g.key, "flux-schnell", { prompt, width: 1024, height: 1024, quantity: 1 });

/** The bytes of every file under `dir` (recursively), by path. */
async function filesUnder(dir: string): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    found.set(path, (await stat(path)).size);
  }
  return found;
}

const resultRows = (g: TestGateway, taskId: string) => g.prisma.storedFile.count({ where: { ownerId: taskId } });

describe("task driver: a vendor's result files", () => {
  it("streams a result into the file store: bytes are stored before the vendor has sent the last one, and the whole file is served", async () => {
    const first = Buffer.alloc(256 * 1024, 1);
    const rest = Buffer.alloc(3 * 1024 * 1024, 2);
    fal.faults.heldFile = { first, rest, release: new Promise<void>((resolve) => (release = resolve)) };
    const g = await start();
    const { taskId } = await image(g, "held");
    // The vendor holds the rest of the file until the store has some of it: a driver that read
    // the whole file before storing it would wait here for ever.
    await expect.poll(async () => [...(await filesUnder(filesDir)).values()].some((size) => size > 0), { timeout: 10_000, interval: 20 }).toBe(true);
    release();
    const final = await waitForFinal(g.url, g.key, taskId, 10_000);
    expect(final.status).toBe("FINISHED");
    const served = await fetchBytes(new URL(final.result[0], g.url).href);
    expect(served.bytes.byteLength).toBe(first.byteLength + rest.byteLength);
    expect(createHash("sha256").update(served.bytes).digest("hex")).toBe(createHash("sha256").update(Buffer.concat([first, rest])).digest("hex"));
  });

  it("fails a task whose result goes over the cap while it streams, refunds it, and keeps no file of it", async () => {
    fal.faults.hugeFileBytes = 64 * 1024 * 1024;
    const g = await start();
    const { taskId } = await image(g, "huge");
    const final = await waitForFinal(g.url, g.key, taskId, 10_000);
    expect(final.status).toBe("FAILED");
    expect(final.error).toMatch(/^fal result refused: .*larger than 4194304 bytes/);
    expect(await usedMicros(g.url, g.key)).toBe(0);
    expect(await resultRows(g, taskId)).toBe(0);
    expect([...(await filesUnder(filesDir)).keys()]).toEqual([]);
  });

  it("keeps no file of a failed task: one its attempt stored before a later file of the result was refused is deleted", async () => {
    const g = await start(scriptedVendor(() => ({ state: "finished", files: [png(1)], streamed: failingRead(new ResultRefused("test result refused: too large")), result: ["a.png", "b.png"], glb: [] })));
    const { taskId } = await image(g, "refused later");
    const final = await waitForFinal(g.url, g.key, taskId, 10_000);
    expect(final).toMatchObject({ status: "FAILED", error: "test result refused: too large" });
    expect(await usedMicros(g.url, g.key)).toBe(0);
    await expect.poll(() => resultRows(g, taskId), { timeout: 5_000, interval: 20 }).toBe(0);
    expect([...(await filesUnder(filesDir)).keys()]).toEqual([]);
  });

  it("stores a retried attempt's files under names of its own: a file an earlier attempt stored before it failed does not stand in for the later one's", async () => {
    const g = await start(
      scriptedVendor((attempt, poll) => {
        // The first attempt stores a.png, its b.png cannot be read; then the vendor loses the job.
        if (attempt === 1) return poll === 1 ? { state: "finished", files: [png(1)], streamed: failingRead(new Error("host down")), result: ["a.png", "b.png"], glb: [] } : { state: "failed", error: "lost the job", retryable: true };
        return { state: "finished", files: [png(2)], result: ["a.png"], glb: [] };
      }),
    );
    const { taskId } = await image(g, "retried");
    const final = await waitForFinal(g.url, g.key, taskId, 10_000);
    expect(final.status).toBe("FINISHED");
    expect(final.result).toHaveLength(1);
    expect(final.result[0]).toMatch(/\/2~a\.png$/);
    const served = await fetchBytes(new URL(final.result[0], g.url).href);
    expect([...new Set(served.bytes)]).toEqual([2]);
  });

  it("deletes the files it stored for a task another process failed while they streamed (the hard limit): a failed task keeps no file", async () => {
    // The file lands in the store, then the read is held: the task is failed meanwhile.
    const held = heldResult();
    const g = await start(scriptedVendor(() => held.status));
    const { taskId } = await image(g, "failed elsewhere");
    await held.inStore;
    expect(await resultRows(g, taskId)).toBe(1);
    // Another process's hard-limit sweep fails the task (and deletes its files: none yet to it).
    await g.prisma.task.update({ where: { id: taskId }, data: { status: "FAILED", error: "the hard time limit", finishedAt: new Date() } });
    held.letGo();
    await expect.poll(() => resultRows(g, taskId), { timeout: 5_000, interval: 20 }).toBe(0);
    expect([...(await filesUnder(filesDir)).keys()]).toEqual([]);
    expect((await waitForFinal(g.url, g.key, taskId, 5_000)).status).toBe("FAILED");
  });

  it("polls, starts and finishes other tasks while one task's result is still streaming from its vendor", async () => {
    // The first bytes land, then the vendor's host holds the rest (a large video, a slow host).
    const held = heldResult();
    const g = await start({
      async poll(job: ProviderJob) {
        if (!job.upstream) return { state: "running", progress: 0, upstream: "1" };
        return job.params.prompt === "slow video" ? held.status : { state: "finished", files: [png(3)], result: ["a.png"], glb: [] };
      },
    });
    const slow = await image(g, "slow video");
    await held.inStore;
    // Accepted after the slow result began to stream: started, submitted, polled and finished meanwhile.
    const quick = await image(g, "quick");
    expect(await waitForFinal(g.url, g.key, quick.taskId, 5_000)).toMatchObject({ status: "FINISHED" });
    expect((await g.prisma.task.findUniqueOrThrow({ where: { id: slow.taskId } })).status).toBe("PROCESSING");
    held.letGo();
    expect(await waitForFinal(g.url, g.key, slow.taskId, 5_000)).toMatchObject({ status: "FINISHED" });
  });

  it("deletes what a read stored before it failed, when another process failed the task meanwhile", async () => {
    const held = heldResult({ failWith: new Error("the host dropped the connection") });
    const g = await start(scriptedVendor(() => held.status));
    const { taskId } = await image(g, "dropped");
    await held.inStore;
    await g.prisma.task.update({ where: { id: taskId }, data: { status: "FAILED", error: "the hard time limit", finishedAt: new Date() } });
    held.letGo();
    await expect.poll(() => resultRows(g, taskId), { timeout: 5_000, interval: 20 }).toBe(0);
    expect([...(await filesUnder(filesDir)).keys()]).toEqual([]);
  });

  it("keeps the lease of a task whose result is being stored while the driver stops, until the store ends", async () => {
    const held = heldResult({ storeAfterHold: true });
    filesDir = await mkdtemp(join(tmpdir(), "gateai-results-"));
    const g = (gw = await startGateway({ env: { GATEAI_FILES_DIR: filesDir }, driver: { tickMs: 20, leaseMs: 300 }, provider: scriptedVendor(() => held.status) }));
    const { taskId } = await image(g, "stopping");
    await held.inStore;
    const stopped = g.gateway.driver.stop();
    // The pass stores it for a second, then leaves it to go on beside it and ends: then, with no
    // pass running, only the store's heartbeat keeps the task this process's, for longer than a lease.
    await new Promise((resolve) => setTimeout(resolve, 1_800));
    const row = await g.prisma.task.findUniqueOrThrow({ where: { id: taskId } });
    expect(row.status).toBe("PROCESSING");
    expect(row.leaseUntil!.getTime()).toBeGreaterThan(Date.now());
    held.letGo();
    await stopped;
    expect((await g.prisma.task.findUniqueOrThrow({ where: { id: taskId } })).status).toBe("FINISHED");
  });

  it("reads a file again at the next poll when its host fails once, and keeps it once", async () => {
    fal.faults.fileStatuses.push(503);
    const g = await start();
    const before = fal.calls.files;
    const { taskId } = await image(g, "flaky host");
    const final = await waitForFinal(g.url, g.key, taskId, 10_000);
    expect(final.status).toBe("FINISHED");
    expect(fal.calls.files - before).toBe(2);
    expect(fal.faults.fileStatuses).toEqual([]);
    expect(await resultRows(g, taskId)).toBe(1);
    expect((await fetchBytes(new URL(final.result[0], g.url).href)).status).toBe(200);
  });
});
