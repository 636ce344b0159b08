// GenerationService.generate as its story runs: an Idempotency-Key replay answers before any
// reference is checked, and what generate charges is what the engine's quote says fits the
// budget left (the path estimate and planBudget take too).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryLimiter } from "../../src/adapters/limits/memory-limiter.ts";
import { openDatabase, type Database } from "../../src/adapters/postgres/database.ts";
import { createStores, type Stores } from "../../src/adapters/postgres/stores.ts";
import { testFileStore } from "../support/file-store.ts";
import type { FileStore } from "../../src/services/ports/file-store.ts";
import { createMemoryPubSub } from "../../src/adapters/pubsub/memory-pubsub.ts";
import { createEngine } from "../../src/engine/engine.ts";
import { manualClock } from "../../src/kernel/clock.ts";
import { usdToMicros } from "../../src/kernel/money.ts";
import type { GatewayEvents } from "../../src/services/events.ts";
import { createGenerationService } from "../../src/services/generation.ts";
import { checkReferences } from "../../src/services/references.ts";
import { timingFor } from "../../src/services/timing.ts";
import { arbParams, MOSTLY_VALID } from "../engine/arbitraries.ts";
import { models } from "../engine/oracle.ts";
import { apiKeyRecord } from "../support/api-key.ts";
import { newTask } from "../support/new-task.ts";
import { pgliteTemplate } from "../support/pglite-template.ts";

const T0 = Date.parse("2030-05-01T08:00:00.000Z");
const engine = createEngine();

let db: Database;
let stores: Stores;
let files: FileStore;
beforeAll(async () => {
  db = await openDatabase({ memory: true, pgliteTemplate });
  stores = createStores(db);
  ({ files } = await testFileStore(stores.files));
});
afterAll(async () => db?.close());

const keyWith = (dailyLimit: number) => apiKeyRecord(dailyLimit, T0);

const publicResolver = async () => ["93.184.216.34"];

function service(resolve: (host: string) => Promise<readonly string[]> = publicResolver) {
  const clock = manualClock(T0);
  return createGenerationService({
    tasks: stores.tasks,
    idempotency: stores.idempotency,
    files,
    engine,
    limiter: createMemoryLimiter(clock),
    pubsub: createMemoryPubSub<GatewayEvents>(),
    clock,
    timing: timingFor(1),
    references: { maxBytes: 1_000_000, resolve },
  });
}

describe("an Idempotency-Key replay", () => {
  it("returns the stored answer without checking references again (no DNS lookup)", async () => {
    let lookups = 0;
    const generation = service(async () => {
      lookups++;
      return ["93.184.216.34"];
    });
    const key = keyWith(usdToMicros(100));
    const request = { model: "seedance-2.0", params: { prompt: "A cat walking", start_frame: "https://cdn.example.com/cat.jpg" } };
    const first = await generation.generate(key, request, { idempotencyKey: "once" });
    expect(first).toMatchObject({ ok: true, value: { replayed: false } });
    expect(lookups).toBe(1);
    const again = await generation.generate(key, request, { idempotencyKey: "once" });
    expect(again).toMatchObject({ ok: true, value: { replayed: true } });
    if (!first.ok || !again.ok) throw new Error("unreachable");
    expect(again.value.task.id).toBe(first.value.task.id);
    expect(lookups).toBe(1);
  });

  it("gives the key back when a reference is refused, so a corrected retry with the same key runs", async () => {
    const generation = service(async (host) => (host === "intranet.example.com" ? ["10.0.0.1"] : ["93.184.216.34"]));
    const key = keyWith(usdToMicros(100));
    const refused = await generation.generate(key, { model: "seedance-2.0", params: { prompt: "x", start_frame: "https://intranet.example.com/a.jpg" } }, { idempotencyKey: "k" });
    expect(refused).toMatchObject({ ok: false, error: { code: "INVALID_PARAMS" } });
    const retried = await generation.generate(key, { model: "seedance-2.0", params: { prompt: "x", start_frame: "https://cdn.example.com/a.jpg" } }, { idempotencyKey: "k" });
    expect(retried).toMatchObject({ ok: true, value: { replayed: false } });
  });
});

describe("what generate charges", () => {
  it("refuses what no downgrade fits with the budget really left today, not the whole daily limit", async () => {
    const generation = service();
    const key = keyWith(1_000);
    expect((await stores.tasks.accept(newTask(key.id, 400, T0), key.dailyLimit))?.used).toBe(400);
    const refused = await generation.generate(key, { model: "veo-3.1-generate-001", params: { prompt: "A long shot of the sea" } });
    expect(refused).toMatchObject({ ok: false, error: { code: "INSUFFICIENT_BUDGET", remaining: 600 } });
  });

  // Requests without upload ids or inline data (checked against storage and bytes, which the
  // engine does not see); https references resolve to a public address.
  it("is the engine's quote for the budget left, downgraded or refused alike (property, every model)", async () => {
    const cases = fc.oneof(
      ...models.map((model) =>
        fc.record({
          model: fc.constant(model.id),
          params: arbParams(model, MOSTLY_VALID).filter((p) => !/f578692c|"data:/.test(JSON.stringify(p))),
          /** The day's limit, in percent of what the request costs as asked (integers: fast-check's doubles crowd the ends). */
          limitPercent: fc.integer({ min: 40, max: 150 }),
          spentPercent: fc.integer({ min: 0, max: 40 }),
        }),
      ),
    );
    const generation = service();
    let downgraded = 0;
    await fc.assert(
      fc.asyncProperty(cases, async ({ model, params, limitPercent, spentPercent }) => {
        const request = { model, params };
        const asked = engine.quote(request, Number.MAX_SAFE_INTEGER);
        const limit = asked.ok ? Math.floor((asked.value.cost * limitPercent) / 100) : usdToMicros(1);
        const key = keyWith(limit);
        // Spend part of the day's budget first, as earlier generations of the key would have.
        const spent = Math.floor((limit * spentPercent) / 100);
        const earlier = await stores.tasks.accept(newTask(key.id, spent, T0), limit);
        expect(earlier?.used).toBe(spent);
        // A request whose references are refused never reaches the charge: not this property's concern.
        const normalized = engine.normalize(request);
        if (normalized.ok) {
          const issues = await checkReferences({ files: stores.files, policy: { maxBytes: 1_000_000, resolve: publicResolver } }, key.id, normalized.value.profile, normalized.value.params);
          fc.pre(issues.length === 0);
        }
        const quote = engine.quote(request, limit - spent);
        const accepted = await generation.generate(key, request);
        if (!quote.ok) {
          expect(accepted).toMatchObject({ ok: false, error: { code: quote.error.code } });
          return;
        }
        if (!accepted.ok) throw new Error(`generate refused what the quote priced: ${JSON.stringify(accepted.error)}`);
        expect(accepted.value.cost).toBe(quote.value.cost);
        expect(accepted.value.task.params).toEqual(quote.value.params);
        expect(accepted.value.adjustments).toEqual(quote.value.adjustments);
        expect(accepted.value.remaining).toBe(limit - spent - quote.value.cost);
        if (!quote.value.fitsInBudget) downgraded++;
      }),
      { numRuns: 200 },
    );
    // The property saw downgrades, not only requests that fit as asked.
    expect(downgraded).toBeGreaterThan(0);
  }, 120_000);
});
