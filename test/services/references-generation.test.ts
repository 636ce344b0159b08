// What generate stores and forwards for media references: `requestParams` as sent, `params`
// (what runs, what the provider receives) with every reference normalized, and nothing at all
// for a reference the checker refuses.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryLimiter } from "../../src/adapters/limits/memory-limiter.ts";
import { openDatabase, type Database } from "../../src/adapters/postgres/database.ts";
import { createStores, type Stores } from "../../src/adapters/postgres/stores.ts";
import { bodyOf, testFileStore } from "../support/file-store.ts";
import type { FileStore } from "../../src/services/ports/file-store.ts";
import { createMemoryPubSub } from "../../src/adapters/pubsub/memory-pubsub.ts";
import { createEngine } from "../../src/engine/engine.ts";
import { manualClock } from "../../src/kernel/clock.ts";
import { usdToMicros } from "../../src/kernel/money.ts";
import type { GatewayEvents } from "../../src/services/events.ts";
import { createGenerationService } from "../../src/services/generation.ts";
import { timingFor } from "../../src/services/timing.ts";
import { apiKeyRecord } from "../support/api-key.ts";
import { pgliteTemplate } from "../support/pglite-template.ts";

const T0 = Date.parse("2030-05-01T08:00:00.000Z");

let db: Database;
let stores: Stores;
let files: FileStore;
beforeAll(async () => {
  db = await openDatabase({ memory: true, pgliteTemplate });
  stores = createStores(db);
  ({ files } = await testFileStore(stores.files));
});
afterAll(async () => db?.close());

const key = () => apiKeyRecord(usdToMicros(100), T0);

const generation = () => {
  const clock = manualClock(T0);
  return createGenerationService({
    tasks: stores.tasks,
    idempotency: stores.idempotency,
    files,
    engine: createEngine(),
    limiter: createMemoryLimiter(clock),
    pubsub: createMemoryPubSub<GatewayEvents>(),
    clock,
    timing: timingFor(1),
    references: { maxBytes: 1_000_000, resolve: async (host) => (host === "cdn.example.com" ? ["93.184.216.34"] : ["127.0.0.1"]) },
  });
};

describe("the references generate stores and forwards", () => {
  it("stores the request as sent and runs it with every URL in its normalized form, nested ones included", async () => {
    const requestParams = {
      prompt: "x",
      start_frame: "HTTPS://CDN.Example.COM:443/a/./b/../cat.png",
      reference_image_urls: ["https://cdn.example.com/x/%2e%2e/y.png", "https://cdn.example.com/ok.png"],
    };
    const accepted = await generation().generate(key(), { model: "seedance-2.0", params: requestParams });
    if (!accepted.ok) throw new Error(JSON.stringify(accepted.error));
    const stored = await stores.tasks.find(accepted.value.task.id);
    expect(stored!.requestParams).toEqual(requestParams);
    expect(stored!.params).toMatchObject({
      start_frame: "https://cdn.example.com/a/cat.png",
      reference_image_urls: ["https://cdn.example.com/y.png", "https://cdn.example.com/ok.png"],
    });
  });

  it("moves inline data: references into the file store and keeps their upload ids in the task, one file per distinct URI", async () => {
    const owner = key();
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(40_000, 7)]);
    const uri = `data:image/png;base64,${png.toString("base64")}`;
    const sent = { prompt: "x", start_frame: uri.replace("data:image/png;", "data:IMAGE/PNG;name=a.png;"), reference_image_urls: [uri, "https://cdn.example.com/ok.png"] };
    const accepted = await generation().generate(owner, { model: "seedance-2.0", params: sent });
    if (!accepted.ok) throw new Error(JSON.stringify(accepted.error));
    const stored = (await stores.tasks.find(accepted.value.task.id))!;
    const id = (stored.params as { start_frame: string }).start_frame;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(stored.params).toMatchObject({ start_frame: id, reference_image_urls: [id, "https://cdn.example.com/ok.png"] });
    expect(stored.requestParams).toEqual({ prompt: "x", start_frame: id, reference_image_urls: [id, "https://cdn.example.com/ok.png"] });
    const upload = await files.getUpload(owner.id, id, T0);
    expect(upload).toMatchObject({ mediaType: "image/png", sizeBytes: png.length });
    const chunks: Buffer[] = [];
    for await (const chunk of (await upload!.open())!) chunks.push(Buffer.from(chunk));
    expect(Buffer.concat(chunks).equals(png)).toBe(true);
    expect(await db.prisma.upload.count({ where: { keyId: owner.id } })).toBe(1);
    const row = await db.prisma.task.findUniqueOrThrow({ where: { id: accepted.value.task.id }, select: { params: true, requestParams: true } });
    expect(JSON.stringify(row)).not.toContain("base64");
  });

  it("keeps no file of an inline data: reference when the generation is refused for its budget", async () => {
    const poor = apiKeyRecord(usdToMicros(0.000001), T0);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(1_000, 7)]);
    const refused = await generation().generate(poor, { model: "seedance-2.0", params: { prompt: "x", start_frame: `data:image/png;base64,${png.toString("base64")}` } });
    expect(refused).toMatchObject({ ok: false, error: { code: "INSUFFICIENT_BUDGET" } });
    expect(await db.prisma.upload.count({ where: { keyId: poor.id } })).toBe(0);
  });

  it("refuses a data: URI whose header is longer than any stored one may be: its bytes would stay in the task row", async () => {
    const owner = key();
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(1_000, 7)]).toString("base64");
    for (const uri of [`data:image/png;x=${"a".repeat(600)};base64,${png}`, `data:image/${"x".repeat(600)};base64,${png}`]) {
      const refused = await generation().generate(owner, { model: "seedance-2.0", params: { prompt: "x", start_frame: uri } });
      expect(refused).toMatchObject({ ok: false, error: { code: "INVALID_PARAMS", issues: [{ field: "start_frame" }] } });
    }
    expect(await db.prisma.task.count({ where: { keyId: owner.id } })).toBe(0);
    expect(await db.prisma.upload.count({ where: { keyId: owner.id } })).toBe(0);
  });

  it("refuses, and keeps nothing for, a long data: URI that is no reference: it would stay in the task row", async () => {
    const owner = key();
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(40_000, 7)]).toString("base64");
    // negative_prompt is text, no reference: nothing moves it out of the row.
    const refused = await generation().generate(owner, { model: "cortex_2.0", params: { prompt: "x", negative_prompt: `data:image/png;base64,${png}` } });
    expect(refused).toMatchObject({ ok: false, error: { code: "INVALID_PARAMS", issues: [{ field: "negative_prompt" }] } });
    expect(await db.prisma.task.count({ where: { keyId: owner.id } })).toBe(0);
    expect(await db.prisma.upload.count({ where: { keyId: owner.id } })).toBe(0);
  });

  it("keeps no base64 in the request as sent when its client typed the URI otherwise than the bytes say", async () => {
    const owner = key();
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(40_000, 7)]).toString("base64");
    // motion_strength takes any value, a reference of any kind included: its bytes say PNG.
    const accepted = await generation().generate(owner, { model: "cortex_1.0", params: { prompt: "x", motion_strength: `data:application/octet-stream;base64,${png}` } });
    if (!accepted.ok) throw new Error(JSON.stringify(accepted.error));
    const row = await db.prisma.task.findUniqueOrThrow({ where: { id: accepted.value.task.id }, select: { params: true, requestParams: true } });
    expect(JSON.stringify(row)).not.toContain("base64");
    expect((row.requestParams as { motion_strength: string }).motion_strength).toBe((row.params as { motion_strength: string }).motion_strength);
  });

  it("stores the same bytes inlined as two media types as two uploads, each of its own type and kind", async () => {
    const owner = key();
    const payload = Buffer.alloc(300, 0x41).toString("base64");
    const accepted = await generation().generate(owner, {
      model: "veo-3.1-generate-001",
      params: { prompt: "x", start_frame: `data:image/x-foo;base64,${payload}`, audio: `data:audio/x-bar;base64,${payload}` },
    });
    if (!accepted.ok) throw new Error(JSON.stringify(accepted.error));
    const { start_frame: image, audio } = (await stores.tasks.find(accepted.value.task.id))!.params as { start_frame: string; audio: string };
    expect(image).not.toBe(audio);
    expect((await files.getUpload(owner.id, image, T0))?.mediaType).toBe("image/x-foo");
    expect((await files.getUpload(owner.id, audio, T0))?.mediaType).toBe("audio/x-bar");
  });

  it("refuses an upload that expires before the generation could end (its vendor may fetch it until the hard limit)", async () => {
    const owner = key();
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 7)]);
    const upload = async (at: number) => {
      const stored = await files.putUpload(owner.id, { mediaType: "image/png", body: bodyOf(png), reserveBytes: png.length }, { now: at, maxBytes: 1_000_000 });
      if (!stored.ok) throw new Error(stored.error.code);
      return stored.value.id;
    };
    // Stored a week (the store's retention) less ten minutes before now: expires ten minutes from now.
    const expiring = await upload(T0 - 7 * 86_400_000 + 10 * 60_000);
    const refused = await generation().generate(owner, { model: "seedance-2.0", params: { prompt: "x", start_frame: expiring } });
    expect(refused).toMatchObject({ ok: false, error: { code: "INVALID_PARAMS", issues: [{ field: "start_frame", reason: expect.stringContaining("expires before the generation could end") }] } });
    const fresh = await upload(T0);
    expect(await generation().generate(owner, { model: "seedance-2.0", params: { prompt: "x", start_frame: fresh } })).toMatchObject({ ok: true });
  });

  it("refuses, and stores nothing for, a URL two parsers read differently", async () => {
    const owner = key();
    const refused = await generation().generate(owner, {
      model: "seedance-2.0",
      params: { prompt: "x", reference_image_urls: ["https://cdn.example.com\\@127.0.0.1:4713/x.png", "file:///etc/passwd"] },
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: "INVALID_PARAMS", issues: [{ field: "reference_image_urls[0]" }, { field: "reference_image_urls[1]" }] },
    });
    expect(await db.prisma.task.count({ where: { keyId: owner.id } })).toBe(0);
  });
});
