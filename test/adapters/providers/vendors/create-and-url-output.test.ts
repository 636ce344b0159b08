// Vendor paths no route runs today, driven through the fakes: Replicate's create by version
// (`owner/name:version`), and OpenAI's answer that names its images by URL instead of carrying them.
import { Agent, type Dispatcher } from "undici";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createOpenAIProvider } from "../../../../src/adapters/providers/openai-provider.ts";
import { createReplicateProvider } from "../../../../src/adapters/providers/replicate-provider.ts";
import { vendorInputFor } from "../../../../src/adapters/providers/vendor-input.ts";
import type { Provider, ProviderJob, ProviderStatus } from "../../../../src/services/ports/provider.ts";
import { noFaults, PNG } from "../../../fakes/http.ts";
import { startFakeOpenAI, type FakeOpenAI } from "../../../fakes/openai.ts";
import { startFakeReplicate, type FakeReplicate } from "../../../fakes/replicate.ts";
import { withFilesRead } from "../support/read-result.ts";
import { vendorJob } from "../support/vendor-job.ts";

let replicate: FakeReplicate;
let openai: FakeOpenAI;
beforeAll(async () => {
  [replicate, openai] = await Promise.all([startFakeReplicate({ tokens: ["r8_token"] }), startFakeOpenAI({ keys: ["sk-fake"] })]);
});
afterAll(async () => Promise.all([replicate?.close(), openai?.close()]));
beforeEach(() => {
  for (const fake of [replicate, openai]) Object.assign(fake.faults, noFaults(), { resultUrls: undefined });
  openai.urlOutput = false;
});

const job = (model: string, params: Record<string, unknown> = { prompt: "a lighthouse", width: 1024, height: 1024, quantity: 2 }) => vendorJob(model, params);

/** Polls until the attempt ends (its files read as the driver reads them); returns the vendor handle it was polled with too. */
async function settle(provider: Provider, j: ProviderJob): Promise<{ status: ProviderStatus; upstream: string | null | undefined }> {
  let current = j;
  for (let i = 0; i < 50; i++) {
    const status = await provider.poll(current, Date.now());
    if (status.state !== "running") return { status: await withFilesRead(status), upstream: current.upstream };
    if (status.upstream !== undefined) current = { ...current, upstream: status.upstream };
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error("the attempt never ended");
}

describe("Replicate: a prediction is created by model or by version, as the route's model id says", () => {
  const VERSION = "5c7d5dc6dd8bf75c1acaa8565735e7986bc5b66206b55cca93cb72c9bf15ccaa";
  const HOOK = "https://gateway.example/webhooks/replicate";

  it("an official model (`owner/name`): POST /v1/models/{owner}/{name}/predictions, without a version", async () => {
    const j = job("flux-schnell");
    const routed = vendorInputFor("replicate")(j);
    if (!routed.ok) throw new Error(routed.reason);
    expect(routed.model).not.toContain(":");
    const { status, upstream } = await settle(createReplicateProvider({ baseUrl: replicate.url, tokens: ["r8_token"] }), j);
    expect(status).toMatchObject({ state: "finished" });
    expect(replicate.predictions.get(upstream!)).toMatchObject({ path: `/v1/models/${routed.model}/predictions`, model: routed.model, input: routed.input });
    expect(replicate.predictions.get(upstream!)?.version).toBeUndefined();
  });

  it("a model id with a version (`owner/name:version`): POST /v1/predictions carrying the version, the input and the webhook, then read to a finished result", async () => {
    replicate.versions.set(VERSION, "someone/community-model");
    const input = { prompt: "a lighthouse", num_outputs: 2 };
    const provider = createReplicateProvider({
      baseUrl: replicate.url,
      tokens: ["r8_token"],
      webhookUrl: HOOK,
      // No route names a version today: this one does, as a community model's route would.
      inputFor: () => ({ ok: true, model: `someone/community-model:${VERSION}`, input }),
    });
    const creates = replicate.calls.create;
    const { status, upstream } = await settle(provider, job("flux-schnell"));

    expect(replicate.calls.create - creates).toBe(1);
    expect(replicate.predictions.get(upstream!)).toMatchObject({
      path: "/v1/predictions",
      version: VERSION,
      model: "someone/community-model",
      input,
      token: "r8_token",
      webhook: HOOK,
      webhookEventsFilter: ["completed"],
    });
    expect(status).toMatchObject({ state: "finished", result: ["out-0.png", "out-1.png"], vendorCost: { vendor: "replicate", usage: { predict_seconds: 2.5 } } });
    const files = status.state === "finished" ? status.files : [];
    expect(files.map((f) => [f.name, f.mediaType, Buffer.compare(f.data, PNG)])).toEqual([
      ["out-0.png", "image/png", 0],
      ["out-1.png", "image/png", 0],
    ]);
  });

  it("the fake refuses a version it does not know, as Replicate does (422), which the adapter reports as a final failure", async () => {
    const provider = createReplicateProvider({ baseUrl: replicate.url, tokens: ["r8_token"], inputFor: () => ({ ok: true, model: `someone/community-model:${"0".repeat(64)}`, input: { prompt: "x" } }) });
    const status = await provider.poll(job("flux-schnell"), Date.now());
    expect(status).toMatchObject({ state: "failed", retryable: false, error: expect.stringContaining("Invalid version or not permitted") });
  });
});

describe("OpenAI: images answered as URLs", () => {
  /** A dispatcher that records each request and sends it on to `target` (the fake), whatever origin it was for. */
  const recording = (target?: string) => {
    const seen: { method: string; origin: string; path: string; headers: string }[] = [];
    const agent = new Agent();
    const dispatcher: Dispatcher = agent.compose((dispatch) => (options, handler) => {
      seen.push({ method: options.method, origin: String(options.origin), path: options.path, headers: JSON.stringify(options.headers ?? {}).toLowerCase() });
      return dispatch(target ? { ...options, origin: target } : options, handler);
    });
    return { dispatcher, seen, close: () => agent.close() };
  };

  it("a URL on another origin is read through the download dispatcher (the guarded agent's seam), without the key, and the file is the bytes and media type the file host served", async () => {
    openai.urlOutput = true;
    // An https URL on another origin, as OpenAI's would be; its name has no extension, so the media type can only come from the answer.
    const cdn = "https://images.openai-results.invalid";
    openai.faults.resultUrls = [`${cdn}/files/gen/img-a`, `${cdn}/files/gen/img-b`];
    // The guarded agent refuses the fake's loopback address, so the test's download dispatcher stands in
    // for it where the gateway passes it (app/provider.ts: `downloadDispatcher`), and forwards to the fake.
    const api = recording();
    const download = recording(openai.url);
    const files = openai.calls.files;
    try {
      const provider = createOpenAIProvider({ baseUrl: openai.url, keys: ["sk-fake"], dispatcher: api.dispatcher, downloadDispatcher: download.dispatcher });
      const { status } = await settle(provider, job("gpt-image-1"));

      expect(status).toMatchObject({ state: "finished", result: ["img-a", "img-b"], glb: [] });
      const read = status.state === "finished" ? status.files : [];
      expect(read.map((f) => [f.name, f.mediaType, Buffer.compare(f.data, PNG)])).toEqual([
        ["img-a", "image/png", 0],
        ["img-b", "image/png", 0],
      ]);
      expect(openai.calls.files - files).toBe(2);
      expect(download.seen.map((r) => [r.method, r.origin, r.path]).sort()).toEqual([
        ["GET", cdn, "/files/gen/img-a"],
        ["GET", cdn, "/files/gen/img-b"],
      ]);
      for (const r of download.seen) {
        expect(r.headers).not.toContain("authorization");
        expect(r.headers).not.toContain("sk-fake");
      }
      // The key's dispatcher carried the API call only.
      expect(api.seen.map((r) => [r.method, r.path])).toEqual([["POST", "/v1/images/generations"]]);
    } finally {
      await Promise.all([api.close(), download.close()]);
    }
  });
});
