// A vendor whose answer never comes whole — it hangs, or the connection drops after the status
// line or halfway through the body — while an attempt is submitted or its status read. For fal and
// Replicate that is "nothing learned, still running": the poll returns within the call deadline,
// the next poll asks again, and the vendor holds one job for the attempt. OpenAI keeps no job to
// ask about again: its one call ending so is a retryable failure of the attempt, after one call.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createFalProvider } from "../../../../src/adapters/providers/fal-provider.ts";
import { createOpenAIProvider } from "../../../../src/adapters/providers/openai-provider.ts";
import { createReplicateProvider } from "../../../../src/adapters/providers/replicate-provider.ts";
import type { Provider, ProviderJob, ProviderStatus } from "../../../../src/services/ports/provider.ts";
import { noFaults, type AnswerBreak, type Faults } from "../../../fakes/http.ts";
import { startFakeFal, type FakeFal } from "../../../fakes/fal.ts";
import { startFakeOpenAI, type FakeOpenAI } from "../../../fakes/openai.ts";
import { startFakeReplicate, type FakeReplicate } from "../../../fakes/replicate.ts";
import { withFilesRead } from "../support/read-result.ts";
import { vendorJob } from "../support/vendor-job.ts";

/** The call deadline the adapters are given (`timeoutMs`). */
const DEADLINE_MS = 300;
/** How much later than the deadline a poll may return on a busy machine before it counts as not bounded by it. */
const SLACK_MS = 3_000;

let fal: FakeFal;
let replicate: FakeReplicate;
let openai: FakeOpenAI;
beforeAll(async () => {
  [fal, replicate, openai] = await Promise.all([startFakeFal({ keys: ["fal-key"] }), startFakeReplicate({ tokens: ["r8_token"] }), startFakeOpenAI({ keys: ["sk-fake"] })]);
});
afterAll(async () => Promise.all([fal?.close(), replicate?.close(), openai?.close()]));
beforeEach(() => {
  for (const fake of [fal, replicate, openai]) Object.assign(fake.faults, noFaults());
});

const job = (model: string) => vendorJob(model);

/** `promise`, or a rejection once `ms` have passed without it settling. */
const within = <T>(ms: number, promise: Promise<T>): Promise<T> =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);

async function settle(provider: Provider, j: ProviderJob): Promise<ProviderStatus> {
  let current = j;
  for (let i = 0; i < 50; i++) {
    const status = await within(DEADLINE_MS + SLACK_MS, provider.poll(current, Date.now()));
    if (status.state !== "running") return withFilesRead(status);
    if (status.upstream !== undefined) current = { ...current, upstream: status.upstream };
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error("the attempt never ended");
}

/** A queue-style vendor: its adapter, its faults, and what its fake counted. */
interface QueueVendor {
  provider(): Provider;
  readonly faults: Faults;
  /** Submit requests the fake received (broken ones included). */
  submits(): number;
  /** Status reads of a submitted job the fake received (broken ones included). */
  reads(): number;
  /** Jobs the vendor holds. */
  jobs(): number;
}

const vendors: Record<"fal" | "replicate", () => QueueVendor> = {
  fal: () => ({
    provider: () => createFalProvider({ baseUrl: fal.url, keys: ["fal-key"], timeoutMs: DEADLINE_MS }),
    faults: fal.faults,
    submits: () => fal.calls.submit,
    reads: () => fal.calls.status,
    jobs: () => fal.requests.size,
  }),
  replicate: () => ({
    provider: () => createReplicateProvider({ baseUrl: replicate.url, tokens: ["r8_token"], timeoutMs: DEADLINE_MS }),
    faults: replicate.faults,
    submits: () => replicate.calls.create,
    reads: () => replicate.calls.get,
    jobs: () => replicate.predictions.size,
  }),
};

const counts = (v: QueueVendor) => ({ submits: v.submits(), reads: v.reads(), jobs: v.jobs() });

/** Submits an attempt that the vendor answers properly: the job, polled with its vendor handle. */
async function submitted(v: QueueVendor, provider: Provider): Promise<ProviderJob> {
  const j = job("flux-schnell");
  const status = await provider.poll(j, Date.now());
  if (status.state !== "running" || !status.upstream) throw new Error(`not submitted: ${JSON.stringify(status)}`);
  return { ...j, upstream: status.upstream };
}

/** A status read that breaks `how`: the poll returns within the deadline, still running; the job is read again (never submitted again) to its end. */
async function expectStatusReadBreakSurvived(name: "fal" | "replicate", how: AnswerBreak): Promise<void> {
  const v = vendors[name]();
  const provider = v.provider();
  const held = await submitted(v, provider);
  const before = counts(v);
  v.faults.pollBreaks.push(how);

  const status = await within(DEADLINE_MS + SLACK_MS, provider.poll(held, Date.now()));
  expect(status).toEqual({ state: "running", progress: 0 });
  expect(v.faults.pollBreaks).toEqual([]);
  expect(counts(v)).toEqual({ ...before, reads: before.reads + 1 });

  expect(await settle(provider, held)).toMatchObject({ state: "finished" });
  expect(v.reads() - before.reads).toBeGreaterThan(1);
  expect(v.submits()).toBe(before.submits);
  expect(v.jobs()).toBe(before.jobs);
}

describe("a vendor that hangs while a job's status is read", () => {
  it.each(["fal", "replicate"] as const)(
    "%s: the poll gives up at the call deadline with nothing learned (still running), and the next polls read the job again to its end, never submitting it again",
    async (name) => expectStatusReadBreakSurvived(name, "hang"),
  );

  it("openai: a poll answers at once while the call hangs (running); at the call deadline the attempt is a retryable failure, the call made once", async () => {
    const provider = createOpenAIProvider({ baseUrl: openai.url, keys: ["sk-fake"], timeoutMs: DEADLINE_MS });
    openai.faults.submitBreaks.push("hang");
    const before = openai.calls.generate;
    const j = job("gpt-image-1");
    const first = await provider.poll(j, Date.now());
    expect(first).toMatchObject({ state: "running", upstream: expect.any(String) });
    const held = { ...j, upstream: first.state === "running" ? first.upstream! : "" };
    // The call has reached the vendor, which holds it: the poll answers from the call still in flight.
    await vi.waitFor(() => expect(openai.calls.generate - before).toBe(1), { timeout: SLACK_MS, interval: 10 });
    expect(await provider.poll(held, Date.now())).toMatchObject({ state: "running" });

    const outcome = await vi.waitFor(
      async () => {
        const polled = await provider.poll(held, Date.now());
        if (polled.state === "running") throw new Error("still running");
        return polled;
      },
      { timeout: DEADLINE_MS + SLACK_MS, interval: 20 },
    );
    expect(outcome).toEqual({ state: "failed", error: expect.stringMatching(/^openai: POST \S+\/v1\/images\/generations: /), retryable: true });
    expect(openai.calls.generate - before).toBe(1);
    expect(openai.faults.submitBreaks).toEqual([]);
  });
});

describe("a connection dropped mid-answer", () => {
  const cases = (["fal", "replicate"] as const).flatMap((name) => (["drop-after-status-line", "drop-mid-body"] as const).map((how) => [name, how] as const));

  it.each(cases)("%s, a submit answered %s: nothing learned (running, no vendor handle); the next poll submits again, and the vendor holds one job for the attempt", async (name, how) => {
    const v = vendors[name]();
    const provider = v.provider();
    const before = counts(v);
    v.faults.submitBreaks.push(how);
    const j = job("flux-schnell");

    const cut = await within(DEADLINE_MS + SLACK_MS, provider.poll(j, Date.now()));
    expect(cut).toEqual({ state: "running", progress: 0 });
    expect(v.faults.submitBreaks).toEqual([]);
    expect(counts(v)).toEqual({ ...before, submits: before.submits + 1 });

    expect(await settle(provider, j)).toMatchObject({ state: "finished" });
    expect(v.submits() - before.submits).toBe(2);
    expect(v.jobs() - before.jobs).toBe(1);
  });

  it.each(cases)("%s, a status read answered %s: nothing learned (still running); the job is read again to its end, never submitted again", async (name, how) =>
    expectStatusReadBreakSurvived(name, how),
  );

  it.each(["drop-after-status-line", "drop-mid-body"] as const)("openai, its call answered %s: a retryable failure of the attempt, the call made once", async (how) => {
    const provider = createOpenAIProvider({ baseUrl: openai.url, keys: ["sk-fake"], timeoutMs: DEADLINE_MS });
    openai.faults.submitBreaks.push(how);
    const before = openai.calls.generate;
    const status = await settle(provider, job("gpt-image-1"));
    expect(status).toEqual({ state: "failed", error: expect.stringMatching(/^openai: POST \S+\/v1\/images\/generations: /), retryable: true });
    expect(openai.calls.generate - before).toBe(1);
  });
});
