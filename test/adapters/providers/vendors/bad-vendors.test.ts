// Vendors that misbehave: each case ends in a clear outcome for the attempt — a final failure
// with the vendor's words (the driver refunds it), a retryable failure (another account tries, the
// attempt limit and the refund rules bound it), or "nothing learned, ask again" — and never a
// second submission of the same attempt, a download past the cap or a fetch of a private address.
import { Agent } from "undici";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createFalProvider } from "../../../../src/adapters/providers/fal-provider.ts";
import { createOpenAIProvider } from "../../../../src/adapters/providers/openai-provider.ts";
import { createReplicateProvider } from "../../../../src/adapters/providers/replicate-provider.ts";
import { DEFAULT_MAX_DOWNLOAD_BYTES } from "../../../../src/adapters/providers/result-download.ts";
import { callVendor } from "../../../../src/adapters/providers/vendor-http.ts";
import { ResultRefused, type Provider, type ProviderJob, type ProviderStatus } from "../../../../src/services/ports/provider.ts";
import { noFaults } from "../../../fakes/http.ts";
import { startFakeFal, type FakeFal } from "../../../fakes/fal.ts";
import { startFakeOpenAI, type FakeOpenAI } from "../../../fakes/openai.ts";
import { startFakeReplicate, type FakeReplicate } from "../../../fakes/replicate.ts";
import { withFilesRead } from "../support/read-result.ts";
import { vendorJob } from "../support/vendor-job.ts";

let fal: FakeFal;
let replicate: FakeReplicate;
let openai: FakeOpenAI;
beforeAll(async () => {
  [fal, replicate, openai] = await Promise.all([startFakeFal({ keys: ["fal-key"] }), startFakeReplicate({ tokens: ["r8_token"] }), startFakeOpenAI({ keys: ["sk-fake"] })]);
});
afterAll(async () => Promise.all([fal?.close(), replicate?.close(), openai?.close()]));
beforeEach(() => {
  for (const fake of [fal, replicate, openai]) Object.assign(fake.faults, noFaults(), { resultUrls: undefined, hugeFileBytes: undefined, redirectFilesTo: undefined, heldFile: undefined, requestErrors: undefined });
  openai.urlOutput = false;
});

const job = vendorJob;

async function settle(provider: Provider, j: ProviderJob): Promise<ProviderStatus> {
  let current = j;
  for (let i = 0; i < 50; i++) {
    const status = await provider.poll(current, Date.now());
    if (status.state !== "running") return withFilesRead(status);
    if (status.upstream !== undefined) current = { ...current, upstream: status.upstream };
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error("the attempt never ended");
}

const falProvider = (extra: Partial<Parameters<typeof createFalProvider>[0]> = {}) => createFalProvider({ baseUrl: fal.url, keys: ["fal-key"], ...extra });
const replicateProvider = () => createReplicateProvider({ baseUrl: replicate.url, tokens: ["r8_token"] });

describe("a vendor that refuses or fails", () => {
  it("429 on submit: a retryable failure (another account) that says the account is rate limited and for how long (Retry-After), and nothing was queued", async () => {
    fal.faults.submitStatuses.push(429);
    const before = fal.requests.size;
    const status = await falProvider().poll(job("flux-schnell"), Date.now());
    expect(status).toMatchObject({ state: "failed", retryable: true, rateLimited: { retryAfterMs: 7_000 } });
    expect(status.state === "failed" && status.error).toMatch(/429/);
    expect(fal.requests.size).toBe(before);
  });

  it("a validation error: a final failure carrying the vendor's message (the driver refunds it)", async () => {
    fal.faults.submitStatuses.push(422);
    const status = await falProvider().poll(job("flux-schnell"), Date.now());
    expect(status).toMatchObject({ state: "failed", retryable: false });
    expect(status.state === "failed" && status.error).toContain("injected validation error");
  });

  it("a 5xx on submit: nothing learned, asked again; the attempt is submitted exactly once when the vendor recovers", async () => {
    fal.faults.submitStatuses.push(500, 503);
    const before = fal.requests.size;
    const status = await settle(falProvider(), job("flux-schnell"));
    expect(status.state).toBe("finished");
    expect(fal.requests.size - before).toBe(1);
  });

  it("429 or 5xx while polling a submitted job: still running, asked again at the next poll; the job is submitted once and finishes", async () => {
    for (const [provider, fake, jobs] of [
      [falProvider(), fal, () => fal.requests.size],
      [replicateProvider(), replicate, () => replicate.predictions.size],
    ] as const) {
      const before = jobs();
      const submitted = await provider.poll(job("flux-schnell"), Date.now());
      expect(submitted).toMatchObject({ state: "running", upstream: expect.any(String) });
      fake.faults.pollStatuses.push(429, 503, 429);
      const held = { ...job("flux-schnell"), upstream: submitted.state === "running" ? submitted.upstream! : "" };
      for (let i = 0; i < 3; i++) expect(await provider.poll(held, Date.now())).toMatchObject({ state: "running" });
      expect(fake.faults.pollStatuses).toEqual([]);
      expect(await settle(provider, held)).toMatchObject({ state: "finished" });
      expect(jobs() - before).toBe(1);
    }
  });

  it("a fal request that completed as failed (its result a 5xx with error_type, fal's retries spent): a retryable failure of the attempt, not a job still running", async () => {
    fal.faults.requestErrors = [{ status: 504, errorType: "request_timeout" }];
    const status = await settle(falProvider(), job("flux-schnell"));
    expect(status).toEqual({ state: "failed", error: "fal could not run the request (request_timeout): Request timed out", retryable: true });
  });

  it("a bare 5xx from fal's result endpoint: asked again at the next poll, and the result is read once it answers", async () => {
    fal.faults.requestErrors = [{ status: 502 }];
    const before = fal.calls.result;
    const status = await settle(falProvider(), job("flux-schnell"));
    expect(status.state).toBe("finished");
    expect(fal.calls.result - before).toBe(2);
  });

  it("401 while polling a submitted job: this account lost it, a retryable failure (the driver cancels the job and requeues)", async () => {
    const provider = falProvider();
    const submitted = await provider.poll(job("flux-schnell"), Date.now());
    fal.faults.pollStatuses.push(401);
    const status = await provider.poll({ ...job("flux-schnell"), upstream: submitted.state === "running" ? submitted.upstream! : "" }, Date.now());
    expect(status).toMatchObject({ state: "failed", retryable: true });
  });

  it("an account the vendor refuses (401): retryable, and the vendor's words about the key stay out of the task's error", async () => {
    const provider = createOpenAIProvider({ baseUrl: openai.url, keys: ["sk-wrong-key-of-the-operator"] });
    const oJob = job("gpt-image-1");
    const submitted = await provider.poll(oJob, Date.now());
    const held = { ...oJob, upstream: submitted.state === "running" ? submitted.upstream! : "" };
    const status = await vi.waitFor(async () => {
      const polled = await provider.poll(held, Date.now());
      if (polled.state === "running") throw new Error("still running");
      return polled;
    });
    expect(status).toEqual({ state: "failed", error: "openai refused this account (401)", retryable: true });
  });

  it("a prediction the model fails: final, with Replicate's error", async () => {
    replicate.failWith = "NSFW content detected";
    try {
      const status = await settle(createReplicateProvider({ baseUrl: replicate.url, tokens: ["r8_token"] }), job("flux-schnell"));
      expect(status).toMatchObject({ state: "failed", retryable: false });
      expect(status.state === "failed" && status.error).toContain("NSFW content detected");
    } finally {
      replicate.failWith = undefined;
    }
  });

  it("an OpenAI moderation refusal: final with OpenAI's message; a rate limit: retryable, the account resting; a spent quota (429 insufficient_quota): the account refused, not resting", async () => {
    const provider = createOpenAIProvider({ baseUrl: openai.url, keys: ["sk-fake"] });
    openai.faults.submitStatuses.push(400, 429, 402);
    const refused = await settle(provider, job("gpt-image-1"));
    expect(refused).toMatchObject({ state: "failed", retryable: false });
    expect(refused.state === "failed" && refused.error).toContain("safety system");
    const limited = await settle(provider, job("gpt-image-1"));
    expect(limited).toMatchObject({ state: "failed", retryable: true, rateLimited: {} });
    const spent = await settle(provider, job("gpt-image-1"));
    expect(spent).toEqual({ state: "failed", error: "openai refused this account (429: its quota is spent)", retryable: true });
  });

  it("a model no route sends to this vendor: refused before anything is sent", async () => {
    const before = fal.calls.submit;
    const status = await falProvider().poll(job("kino-xl"), Date.now());
    expect(status).toMatchObject({ state: "failed", retryable: false });
    expect(fal.calls.submit).toBe(before);
  });
});

describe("a vendor that answers garbage or nothing", () => {
  it("garbage instead of a queued request: a failed attempt another account may retry", async () => {
    fal.faults.garbage = true;
    expect(await falProvider().poll(job("flux-schnell"), Date.now())).toMatchObject({ state: "failed", retryable: true });
    replicate.faults.garbage = true;
    expect(await createReplicateProvider({ baseUrl: replicate.url, tokens: ["r8_token"] }).poll(job("flux-schnell"), Date.now())).toMatchObject({ state: "failed", retryable: true });
    openai.faults.garbage = true;
    expect(await settle(createOpenAIProvider({ baseUrl: openai.url, keys: ["sk-fake"] }), job("gpt-image-1"))).toMatchObject({ state: "failed", retryable: true });
  });

  it("a vendor that hangs: the poll gives up at its time limit with nothing submitted, and the next poll asks again", async () => {
    fal.faults.hang = true;
    const started = Date.now();
    const status = await falProvider({ timeoutMs: 200 }).poll(job("flux-schnell"), Date.now());
    expect(status).toEqual({ state: "running", progress: 0 });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe("a vendor's result files", () => {
  it("a 500 MB file is refused at the cap while streaming, not buffered", async () => {
    fal.faults.hugeFileBytes = 500 * 1024 * 1024;
    const before = process.memoryUsage().rss;
    const status = await settle(falProvider({ maxDownloadBytes: 4 * 1024 * 1024 }), job("flux-schnell"));
    expect(status).toMatchObject({ state: "failed", retryable: false });
    expect(status.state === "failed" && status.error).toMatch(/larger than 4194304 bytes/);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it("a 500 MB file is refused at the default cap (a quarter GiB) while streaming without a Content-Length, never held in memory", async () => {
    fal.faults.hugeFileBytes = 500 * 1000 * 1000;
    expect(DEFAULT_MAX_DOWNLOAD_BYTES).toBeLessThan(500 * 1000 * 1000);
    const provider = falProvider();
    let current = job("flux-schnell");
    let status = await provider.poll(current, Date.now());
    for (let i = 0; status.state === "running" && i < 50; i++) {
      if (status.upstream !== undefined) current = { ...current, upstream: status.upstream };
      await new Promise((r) => setTimeout(r, 5));
      status = await provider.poll(current, Date.now());
    }
    expect(status.state === "finished" && status.streamed !== undefined).toBe(true);
    // Read as the file store does, chunk by chunk, but into nothing: what memory grows by is the adapter's.
    const before = process.memoryUsage().rss;
    let bytes = 0;
    const read = status.state === "finished" ? status.streamed!.read(async (file) => {
      for await (const chunk of file.body) bytes += (chunk as Uint8Array).byteLength;
    }) : Promise.resolve();
    const refusal = await read.then(() => undefined, (error: unknown) => error);
    expect(refusal).toBeInstanceOf(ResultRefused);
    expect((refusal as Error).message).toMatch(new RegExp(`larger than ${DEFAULT_MAX_DOWNLOAD_BYTES} bytes`));
    expect(bytes).toBeLessThanOrEqual(DEFAULT_MAX_DOWNLOAD_BYTES);
    // Held whole, the cap's 256 MiB would show; streamed, the chunks in flight do.
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it("a result file that redirects (to the cloud metadata address) is refused, the redirect not followed", async () => {
    fal.faults.redirectFilesTo = "http://169.254.169.254/latest/meta-data/";
    const status = await settle(falProvider(), job("flux-schnell"));
    expect(status).toMatchObject({ state: "failed", retryable: false });
    expect(status.state === "failed" && status.error).toMatch(/redirects \(302\)/);
  });

  it("result URLs on a private address or not https are refused by the one guard", async () => {
    for (const url of ["https://10.0.0.7/image.png", "https://[::1]/image.png", "http://example.com/image.png"]) {
      replicate.faults.resultUrls = [url];
      const status = await settle(createReplicateProvider({ baseUrl: replicate.url, tokens: ["r8_token"] }), job("flux-schnell"));
      expect(status, url).toMatchObject({ state: "failed", retryable: false });
    }
  });

  it("OpenAI URL output on another origin goes through the guard too", async () => {
    openai.urlOutput = true;
    openai.faults.resultUrls = ["https://192.168.1.1/img.png"];
    const status = await settle(createOpenAIProvider({ baseUrl: openai.url, keys: ["sk-fake"] }), job("gpt-image-1"));
    expect(status).toMatchObject({ state: "failed", retryable: false });
    expect(status.state === "failed" && status.error).toMatch(/not a public address/);
  });

  it("result files are fetched without the vendor's key, and the key goes to no other origin", async () => {
    const before = fal.fileAuthorizations.length;
    const status = await settle(falProvider(), job("flux-schnell", { prompt: "p", width: 512, height: 512, quantity: 2 }));
    expect(status.state).toBe("finished");
    const seen = fal.fileAuthorizations.slice(before);
    expect(seen).toEqual([undefined, undefined]);
    await expect(callVendor({ dispatcher: new Agent(), origin: fal.url, timeoutMs: 1_000 }, "GET", "http://127.0.0.2:1/x", { authorization: "Key fal-key" })).rejects.toThrow(/refusing to send a vendor key/);
  });
});

describe("webhooks", () => {
  it("asks fal and Replicate to POST the completion to the configured webhook URL", async () => {
    const falStatus = await falProvider({ webhookUrl: "https://gateway.example/webhooks/fal" }).poll(job("flux-schnell"), Date.now());
    const falId = falStatus.state === "running" ? falStatus.upstream!.split("#")[1]! : "";
    expect(fal.requests.get(falId)?.webhook).toBe("https://gateway.example/webhooks/fal");
    const replicateStatus = await createReplicateProvider({ baseUrl: replicate.url, tokens: ["r8_token"], webhookUrl: "https://gateway.example/webhooks/replicate" }).poll(job("flux-schnell"), Date.now());
    expect(replicateStatus).toMatchObject({ state: "running", upstream: expect.any(String) });
  });
});

describe("cancel", () => {
  it("asks fal and Replicate to stop an attempt they hold (the driver does at the hard deadline)", async () => {
    const falJob = job("flux-schnell");
    const submitted = await falProvider().poll(falJob, Date.now());
    const ref = submitted.state === "running" ? submitted.upstream! : "";
    await falProvider().cancel!({ ...falJob, upstream: ref });
    expect(fal.requests.get(ref.split("#")[1]!)?.cancelled).toBe(true);
    const replicateProvider = createReplicateProvider({ baseUrl: replicate.url, tokens: ["r8_token"] });
    const rJob = job("flux-schnell");
    const created = await replicateProvider.poll(rJob, Date.now());
    const id = created.state === "running" ? created.upstream! : "";
    await replicateProvider.cancel!({ ...rJob, upstream: id });
    expect(replicate.predictions.get(id)?.status).toBe("canceled");
  });

  it("ends OpenAI's synchronous call when its attempt is cancelled, and keeps nothing of it", async () => {
    const provider = createOpenAIProvider({ baseUrl: openai.url, keys: ["sk-fake"] });
    openai.faults.hang = true;
    const oJob = job("gpt-image-1");
    const submitted = await provider.poll(oJob, Date.now());
    const held = { ...oJob, upstream: submitted.state === "running" ? submitted.upstream! : "" };
    await provider.cancel!(held);
    openai.faults.hang = false;
    expect(await provider.poll(held, Date.now())).toMatchObject({ state: "failed", error: expect.stringContaining("lost with the process") });
  });

  it("drops an OpenAI outcome no one collected once its attempt is past the hard limit", async () => {
    const provider = createOpenAIProvider({ baseUrl: openai.url, keys: ["sk-fake"] });
    const oJob = job("gpt-image-1");
    const submitted = await provider.poll(oJob, Date.now());
    const held = { ...oJob, upstream: submitted.state === "running" ? submitted.upstream! : "" };
    // Asked for only an hour after its start: running while the call is in flight, then gone (never "finished").
    const anHourLater = oJob.startedAt + 61 * 60_000;
    await expect.poll(async () => (await provider.poll(held, anHourLater)).state, { timeout: 5_000, interval: 20 }).toBe("failed");
  });
});

describe("polling cost", () => {
  it("one status request per poll while running, one submit per attempt", async () => {
    const provider = falProvider();
    const before = { ...fal.calls };
    let current = job("flux-schnell");
    const first = await provider.poll(current, Date.now());
    current = { ...current, upstream: first.state === "running" ? first.upstream! : null };
    await provider.poll(current, Date.now());
    await provider.poll(current, Date.now());
    expect(fal.calls.submit - before.submit).toBe(1);
    expect(fal.calls.status - before.status).toBe(2);
    expect(fal.calls.result - before.result).toBe(0);
  });
});
