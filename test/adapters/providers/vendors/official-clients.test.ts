// Each fake vendor driven once by the vendor's own JavaScript client, pointed at it: the fakes
// follow each protocol as the vendor's client reads it, so the adapters tested against the fakes
// are tested against that protocol.
import { createFalClient } from "@fal-ai/client";
import OpenAI from "openai";
import Replicate, { validateWebhook } from "replicate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyReplicateWebhook } from "../../../../src/adapters/providers/replicate-webhook.ts";
import { falKeysFromJwks, verifyFalWebhook } from "../../../../src/adapters/providers/fal-webhook.ts";
import { startFakeFal, type FakeFal } from "../../../fakes/fal.ts";
import { startFakeOpenAI, type FakeOpenAI } from "../../../fakes/openai.ts";
import { startFakeReplicate, type FakeReplicate } from "../../../fakes/replicate.ts";

let fal: FakeFal;
let replicate: FakeReplicate;
let openai: FakeOpenAI;
beforeAll(async () => {
  [fal, replicate, openai] = await Promise.all([startFakeFal({ keys: ["fal-key"] }), startFakeReplicate({ tokens: ["r8_token"] }), startFakeOpenAI({ keys: ["sk-fake"] })]);
});
afterAll(async () => Promise.all([fal?.close(), replicate?.close(), openai?.close()]));

describe("the fal fake, driven by @fal-ai/client", () => {
  it("queues a request, reports its status until COMPLETED, and returns its images", async () => {
    const client = createFalClient({
      credentials: "fal-key",
      // The client builds https://queue.fal.run/... URLs; send them to the fake instead.
      requestMiddleware: async (request) => ({ ...request, url: request.url.replace("https://queue.fal.run", fal.url) }),
    });
    const queued = await client.queue.submit("fal-ai/flux/schnell", { input: { prompt: "a lighthouse", num_images: 2 } });
    expect(queued.request_id).toMatch(/^[0-9a-f-]{36}$/);
    const statuses: string[] = [];
    for (let i = 0; i < 5; i++) {
      const status = await client.queue.status("fal-ai/flux/schnell", { requestId: queued.request_id });
      statuses.push(status.status);
      if (status.status === "COMPLETED") break;
    }
    expect(statuses).toEqual(["IN_QUEUE", "IN_PROGRESS", "COMPLETED"]);
    const result = await client.queue.result("fal-ai/flux/schnell", { requestId: queued.request_id });
    expect(result.requestId).toBe(queued.request_id);
    expect((result.data as { images: { url: string }[] }).images).toHaveLength(2);
  });

  it("signs webhooks the way fal documents, and our verifier accepts them and refuses a forged one", async () => {
    const client = createFalClient({ credentials: "fal-key", requestMiddleware: async (r) => ({ ...r, url: r.url.replace("https://queue.fal.run", fal.url) }) });
    const { request_id } = await client.queue.submit("fal-ai/flux/dev", { input: { prompt: "hooked" }, webhookUrl: "https://gateway.example/webhooks/fal" });
    expect(fal.requests.get(request_id)?.webhook).toBe("https://gateway.example/webhooks/fal");
    const keys = falKeysFromJwks(fal.jwks);
    const genuine = fal.webhookFor(request_id);
    const now = Math.floor(Date.now() / 1000);
    expect(verifyFalWebhook({ headers: genuine.headers, body: Buffer.from(genuine.body), keys, nowSeconds: now })).toEqual({ ok: true, requestId: request_id });
    const forged = fal.webhookFor(request_id, true);
    expect(verifyFalWebhook({ headers: forged.headers, body: Buffer.from(forged.body), keys, nowSeconds: now }).ok).toBe(false);
    // A genuine signature over another body, and a genuine webhook replayed an hour later.
    expect(verifyFalWebhook({ headers: genuine.headers, body: Buffer.from(genuine.body.replace("OK", "ERROR")), keys, nowSeconds: now }).ok).toBe(false);
    expect(verifyFalWebhook({ headers: genuine.headers, body: Buffer.from(genuine.body), keys, nowSeconds: now + 3600 }).ok).toBe(false);
  });
});

describe("the Replicate fake, driven by the replicate client", () => {
  it("creates a prediction of an official model and waits until it succeeds with its output URLs", async () => {
    const client = new Replicate({ auth: "r8_token", baseUrl: `${replicate.url}/v1` });
    const created = await client.predictions.create({ model: "black-forest-labs/flux-schnell", input: { prompt: "a lighthouse", num_outputs: 2 } });
    expect(created.status).toBe("starting");
    const done = await client.wait(created, { interval: 5 });
    expect(done.status).toBe("succeeded");
    expect(done.output).toHaveLength(2);
    expect(done.metrics?.predict_time).toBeGreaterThan(0);
  });

  it("answers a bad token with 401, which the client raises", async () => {
    const client = new Replicate({ auth: "r8_wrong", baseUrl: `${replicate.url}/v1` });
    await expect(client.predictions.create({ model: "black-forest-labs/flux-schnell", input: { prompt: "x" } })).rejects.toThrow(/401/);
  });

  it("signs webhooks so that the client's validateWebhook and our verifier both accept them, and neither accepts a forgery", async () => {
    const client = new Replicate({ auth: "r8_token", baseUrl: `${replicate.url}/v1` });
    const created = await client.predictions.create({ model: "black-forest-labs/flux-dev", input: { prompt: "hooked" } });
    const now = Math.floor(Date.now() / 1000);
    const genuine = replicate.webhookFor(created.id);
    const asRequest = (hook: { headers: Record<string, string>; body: string }) => ({
      id: hook.headers["webhook-id"]!,
      timestamp: hook.headers["webhook-timestamp"]!,
      signature: hook.headers["webhook-signature"]!,
      body: hook.body,
      secret: replicate.webhookSecret,
    });
    expect(await validateWebhook(asRequest(genuine))).toBe(true);
    expect(verifyReplicateWebhook({ headers: genuine.headers, body: Buffer.from(genuine.body), secrets: [replicate.webhookSecret], nowSeconds: now })).toEqual({ ok: true, requestId: created.id });
    const forged = replicate.webhookFor(created.id, true);
    expect(await validateWebhook(asRequest(forged))).toBe(false);
    expect(verifyReplicateWebhook({ headers: forged.headers, body: Buffer.from(forged.body), secrets: [replicate.webhookSecret], nowSeconds: now }).ok).toBe(false);
  });
});

describe("the OpenAI fake, driven by the openai client", () => {
  it("generates base64 images with usage, and raises the documented errors", async () => {
    const client = new OpenAI({ apiKey: "sk-fake", baseURL: `${openai.url}/v1`, maxRetries: 0 });
    const images = await client.images.generate({ model: "gpt-image-1", prompt: "a lighthouse", n: 2, size: "1024x1024", quality: "low" });
    expect(images.data).toHaveLength(2);
    expect(Buffer.from(images.data![0]!.b64_json!, "base64").subarray(1, 4).toString()).toBe("PNG");
    expect(images.usage?.total_tokens).toBeGreaterThan(0);
    openai.faults.submitStatuses.push(400);
    await expect(client.images.generate({ model: "gpt-image-1", prompt: "x" })).rejects.toBeInstanceOf(OpenAI.BadRequestError);
    const wrongKey = new OpenAI({ apiKey: "sk-wrong", baseURL: `${openai.url}/v1`, maxRetries: 0 });
    await expect(wrongKey.images.generate({ model: "gpt-image-1", prompt: "x" })).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  });
});
