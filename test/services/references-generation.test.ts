// What generate stores and forwards for media references: `requestParams` as sent, `params`
// (what runs, what the provider receives) with every reference normalized, and nothing at all
// for a reference the checker refuses.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryLimiter } from "../../src/adapters/limits/memory-limiter.ts";
import { openDatabase, type Database } from "../../src/adapters/postgres/database.ts";
import { createStores, type Stores } from "../../src/adapters/postgres/stores.ts";
import { createMemoryPubSub } from "../../src/adapters/pubsub/memory-pubsub.ts";
import { createEngine } from "../../src/engine/engine.ts";
import { manualClock } from "../../src/kernel/clock.ts";
import { usdToMicros } from "../../src/kernel/money.ts";
import type { GatewayEvents } from "../../src/services/events.ts";
import { createGenerationService } from "../../src/services/generation.ts";
import { timingFor } from "../../src/services/timing.ts";
import { apiKeyRecord } from "../support/api-key.ts";

const T0 = Date.parse("2030-05-01T08:00:00.000Z");

let db: Database;
let stores: Stores;
beforeAll(async () => {
  db = await openDatabase({ memory: true });
  stores = createStores(db);
});
afterAll(async () => db?.close());

const key = () => apiKeyRecord(usdToMicros(100), T0);

const generation = () => {
  const clock = manualClock(T0);
  return createGenerationService({
    tasks: stores.tasks,
    idempotency: stores.idempotency,
    files: stores.files,
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
