// A gateway whose accounts are at vendors (here: the fake fal and OpenAI servers), driven end to
// end: a routed model runs at its vendor and its files are served by the gateway; a validation
// error fails the task with the vendor's words and a refund; a 429 moves the task to another
// account; a gateway stopped mid-task resumes it from the stored vendor request id instead of
// submitting it again; a model no configured vendor runs is simulated.
import { once } from "node:events";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeFal, type FakeFal } from "../fakes/fal.ts";
import { startFakeOpenAI, type FakeOpenAI } from "../fakes/openai.ts";
import { startFakeReplicate, type FakeReplicate } from "../fakes/replicate.ts";
import { Cleanup, fetchBytes, generate, get, launch, postgresDatabase, tempDir, usedMicros, waitFor, waitForFinal, type Launched } from "./support.ts";
import { testDatabaseUrl } from "../support/services.ts";

const cleanup = new Cleanup();
let fal: FakeFal;
let openai: FakeOpenAI;
let replicate: FakeReplicate;
beforeAll(async () => {
  [fal, openai, replicate] = await Promise.all([startFakeFal({ keys: ["fal-a", "fal-b"] }), startFakeOpenAI({ keys: ["sk-a"] }), startFakeReplicate({ tokens: ["r8_a"] })]);
  cleanup.add(() => fal.close());
  cleanup.add(() => openai.close());
  cleanup.add(() => replicate.close());
});
afterAll(() => cleanup.run(), 60_000);

const vendorEnv = () => ({
  FAL_KEYS: "fal-a,fal-b",
  GATEAI_FAL_URL: fal.url,
  OPENAI_KEYS: "sk-a",
  GATEAI_OPENAI_URL: openai.url,
  REPLICATE_TOKENS: "r8_a",
  GATEAI_REPLICATE_URL: replicate.url,
  GATEAI_FAL_JWKS_URL: `${fal.url}/.well-known/jwks.json`,
  GATEAI_TIME_SCALE: "600",
  GATEAI_POOL_SIZE: "2",
});

/** The shared gateway's DNS: the names it looked up, answered from `DNS` (no other name resolves). */
const DNS: Record<string, string[]> = { "cdn.vendor-files.com": ["10.20.30.40"] };
const lookups: string[] = [];
const resolveHost = async (host: string) => {
  lookups.push(host);
  const addresses = DNS[host];
  if (!addresses) throw Object.assign(new Error(`queryA ENOTFOUND ${host}`), { code: "ENOTFOUND" });
  return addresses;
};

describe("a gateway with vendor accounts", () => {
  let shared: Launched;
  beforeAll(async () => {
    shared = await launch(cleanup, { env: vendorEnv(), options: { resolveHost } });
  }, 60_000);
  it("runs a routed model at its vendor, serves its files, and records the vendor's cost beside ours", async () => {
    const gw = shared;
    const { key } = await gw.createKey();
    const before = fal.requests.size;
    const { taskId, cost } = await generate(gw.url, key, "flux-schnell", { prompt: "a lighthouse", width: 1024, height: 1024, quantity: 2 });
    const final = await waitForFinal(gw.url, key, taskId, 20_000);
    expect(final.status).toBe("FINISHED");
    expect(final.result).toHaveLength(2);
    const file = await fetchBytes(new URL(final.result[0], gw.url).href);
    expect(file.contentType).toBe("image/png");
    expect(fal.requests.size - before).toBe(1);
    const row = await gw.prisma.$queryRawUnsafe<{ vendor_cost: unknown; cost_micros: unknown }[]>("SELECT vendor_cost, cost_micros FROM tasks WHERE id = $1", taskId);
    expect(row[0]!.vendor_cost).toEqual({ vendor: "fal", usage: { inference_seconds: 1.25 } });
    expect(Number(row[0]!.cost_micros)).toBe(cost);
  });

  /** The vendor cost stored beside a task's own cost (what operators reconcile the vendors' bills against). */
  const storedCost = async (gw: Launched, taskId: string) =>
    (await gw.prisma.$queryRawUnsafe<{ vendor_cost: unknown; cost_micros: unknown }[]>("SELECT vendor_cost, cost_micros FROM tasks WHERE id = $1", taskId))[0]!;

  it("records Replicate's predict_time as the vendor cost of a task Replicate ran", async () => {
    const gw = shared;
    const { key } = await gw.createKey();
    const before = replicate.predictions.size;
    // Recraft V4 runs only on Replicate; the fake reports `metrics.predict_time: 2.5` for a succeeded prediction.
    const { taskId, cost } = await generate(gw.url, key, "recraft-v4", { prompt: "a replicated lighthouse", width: 1024, height: 1024, quantity: 1 });
    const final = await waitForFinal(gw.url, key, taskId, 20_000);
    expect(final.status).toBe("FINISHED");
    expect(replicate.predictions.size - before).toBe(1);
    const row = await storedCost(gw, taskId);
    expect(row.vendor_cost).toEqual({ vendor: "replicate", usage: { predict_seconds: 2.5 } });
    expect(Number(row.cost_micros)).toBe(cost);
  });

  it("records OpenAI's token usage (its numbers only) as the vendor cost of a task OpenAI ran", async () => {
    const gw = shared;
    const { key } = await gw.createKey();
    const before = openai.calls.generate;
    // Two images: the fake reports 12 input tokens and 272 output tokens per image, and the input's text/image split as an object.
    const { taskId, cost } = await generate(gw.url, key, "gpt-image-1", { prompt: "an itemised lighthouse", width: 1024, height: 1024, quality: "low", quantity: 2 });
    const final = await waitForFinal(gw.url, key, taskId, 20_000);
    expect(final.status).toBe("FINISHED");
    expect(final.result).toHaveLength(2);
    expect(openai.calls.generate - before).toBe(1);
    const row = await storedCost(gw, taskId);
    expect(row.vendor_cost).toEqual({ vendor: "openai", usage: { input_tokens: 12, output_tokens: 544, total_tokens: 556 } });
    expect(Number(row.cost_micros)).toBe(cost);
  });

  it("looks up a vendor's result file host with the resolver references use, and never fetches a name that resolves to a private address", async () => {
    const gw = shared;
    const { key } = await gw.createKey();
    fal.faults.resultUrls = ["https://cdn.vendor-files.com/r/x.png"];
    try {
      const { taskId } = await generate(gw.url, key, "flux-schnell", { prompt: "a private file", width: 1024, height: 1024, quantity: 1 });
      const final = await waitForFinal(gw.url, key, taskId, 20_000);
      expect(final.status).toBe("FAILED");
      expect(final.error).toContain("non-public address");
      expect(lookups).toContain("cdn.vendor-files.com");
      expect(await usedMicros(gw.url, key)).toBe(0);
    } finally {
      delete fal.faults.resultUrls;
    }
  });

  it("fails a request the vendor rejects as invalid with the vendor's message, and refunds it", async () => {
    const gw = shared;
    const { key } = await gw.createKey();
    fal.faults.submitStatuses.push(422);
    const { taskId } = await generate(gw.url, key, "flux-dev", { prompt: "rejected", width: 512, height: 512, quantity: 1 });
    const final = await waitForFinal(gw.url, key, taskId, 20_000);
    expect(final.status).toBe("FAILED");
    expect(final.error).toContain("injected validation error");
    expect(await usedMicros(gw.url, key)).toBe(0);
  });

  it("moves a task the vendor rate-limits to another account, and finishes it there", async () => {
    const gw = shared;
    const { key } = await gw.createKey();
    openai.faults.submitStatuses.push(429);
    const { taskId, cost } = await generate(gw.url, key, "gpt-image-1", { prompt: "limited", width: 1024, height: 1024, quality: "low", quantity: 1 });
    const final = await waitForFinal(gw.url, key, taskId, 20_000);
    expect(final.status).toBe("FINISHED");
    const row = await gw.prisma.$queryRawUnsafe<{ attempts: number; account: number }[]>("SELECT attempts, account FROM tasks WHERE id = $1", taskId);
    expect(row[0]!.attempts).toBe(2);
    // The pool is fal's two accounts, Replicate's one, then OpenAI's one: an OpenAI model runs only on account 4.
    expect(row[0]!.account).toBe(4);
    expect(await usedMicros(gw.url, key)).toBe(cost);
  });

  it("says which models run where (/v1/models, GraphQL) and reports the pool per vendor (/credits)", async () => {
    const gw = shared;
    const { key } = await gw.createKey();
    const models = (await get(gw.url, "/v1/models")).body as { id: string; available: boolean; vendor: string | null; params: string[] }[];
    const byId = new Map(models.map((m) => [m.id, m]));
    expect(byId.get("flux-schnell")).toMatchObject({ available: true, vendor: "fal" });
    expect(byId.get("gpt-image-1")).toMatchObject({ available: true, vendor: "openai" });
    expect(byId.get("kino-xl")).toMatchObject({ available: true, vendor: "simulation" });
    expect(byId.get("flux-schnell")!.params).toContain("prompt");
    const graphql = await fetch(`${gw.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: '{ model(id: "veo-3.1-generate-001") { ... on AiModel { id available vendor } } }' }),
    }).then((r) => r.json() as Promise<{ data?: { model?: { available: boolean; vendor: string } } }>);
    expect(graphql.data?.model).toMatchObject({ available: true, vendor: "fal" });
    const credits = (await get(gw.url, "/credits", key)).body;
    expect(credits.pool).toEqual({
      total_accounts: 4,
      locked: 0,
      vendors: { fal: { total_accounts: 2, locked: 0 }, replicate: { total_accounts: 1, locked: 0 }, openai: { total_accounts: 1, locked: 0 } },
    });
  });

  it("accepts a vendor webhook that verifies and refuses a forged or tampered one", async () => {
    const gw = shared;
    const { key } = await gw.createKey();
    const { taskId } = await generate(gw.url, key, "flux-schnell", { prompt: "hooked", width: 512, height: 512, quantity: 1 });
    await waitForFinal(gw.url, key, taskId, 20_000);
    const ref = (await gw.prisma.$queryRawUnsafe<{ upstream_ref: string }[]>("SELECT upstream_ref FROM tasks WHERE id = $1", taskId))[0]!.upstream_ref;
    const requestId = ref.slice(ref.lastIndexOf("#") + 1);
    const post = (path: string, hook: { headers: Record<string, string>; body: string }) => fetch(`${gw.url}${path}`, { method: "POST", headers: hook.headers, body: hook.body });
    expect((await post("/webhooks/fal", fal.webhookFor(requestId))).status).toBe(204);
    const forged = await post("/webhooks/fal", fal.webhookFor(requestId, true));
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ code: "WEBHOOK_REJECTED" });
    const genuine = fal.webhookFor(requestId);
    expect((await post("/webhooks/fal", { headers: genuine.headers, body: genuine.body.replace('"OK"', '"ERROR"') })).status).toBe(401);

    // Replicate signs with the account's secret, which the gateway reads from Replicate's API.
    const created = await fetch(`${replicate.url}/v1/models/black-forest-labs/flux-dev/predictions`, {
      method: "POST",
      headers: { authorization: "Bearer r8_a", "content-type": "application/json" },
      body: JSON.stringify({ input: { prompt: "hooked" } }),
    }).then((r) => r.json() as Promise<{ id: string }>);
    expect((await post("/webhooks/replicate", replicate.webhookFor(created.id))).status).toBe(204);
    expect((await post("/webhooks/replicate", replicate.webhookFor(created.id, true))).status).toBe(401);
  });

  it("answers a webhook body over 1 MiB with 413 and closes its connection, whose address can then send a large body at once", async () => {
    const gw = shared;
    const { port } = new URL(gw.url);
    const socket = connect(Number(port), "127.0.0.1");
    socket.on("error", () => undefined);
    await once(socket, "connect");
    let answer = "";
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString("latin1")));
    const ended = once(socket, "close");
    socket.write("POST /webhooks/fal HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
    const chunk = "A".repeat(256 * 1024);
    for (let i = 0; i < 8 && !socket.destroyed; i++) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    // The gateway closes it without the body's end (no last chunk is sent).
    await ended;
    expect(answer.split("\r\n")[0]).toBe("HTTP/1.1 413 Payload Too Large");
    expect(answer.toLowerCase()).toContain("connection: close");
    // The same address's next large body (over 64 KiB) is read now, not after the first one's
    // request timeout (300 s): its answer is the bound on a param's text.
    const { key } = await gw.createKey();
    const big = await fetch(`${gw.url}/api/estimate`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "gpt-image-2", params: { prompt: "x", padding: "p".repeat(100_000) } }),
    });
    expect(big.status).toBe(400);
    expect(await big.json()).toMatchObject({ code: "INVALID_PARAMS", issues: [{ field: "params.padding" }] });
  });

  it("simulates a model no configured vendor runs", async () => {
    const gw = shared;
    const { key } = await gw.createKey();
    const { taskId } = await generate(gw.url, key, "kino-xl", {});
    expect((await waitForFinal(gw.url, key, taskId, 20_000)).status).toBe("FINISHED");
  });

  it("resumes a task from the stored vendor request id after a restart, without submitting it again", async () => {
    // PostgreSQL when the test server is there (faster to open twice), else PGlite on disk.
    const database = testDatabaseUrl ? { databaseUrl: await postgresDatabase(cleanup) } : { dataDir: await tempDir(cleanup) };
    fal.stepsToComplete = 1_000_000; // the vendor keeps it running until told otherwise
    try {
      const first = await launch(cleanup, { env: vendorEnv(), ...database });
      const { key } = await first.createKey();
      const before = fal.requests.size;
      const { taskId } = await generate(first.url, key, "flux-schnell", { prompt: "across a restart", width: 512, height: 512, quantity: 1 });
      const stored = await waitFor(
        "the vendor request id to be stored",
        async () => (await first.prisma.$queryRawUnsafe<{ upstream_ref: string | null }[]>("SELECT upstream_ref FROM tasks WHERE id = $1", taskId))[0]?.upstream_ref ?? undefined,
        20_000,
      );
      await first.close();
      expect(fal.requests.size - before).toBe(1);
      const requestId = stored.slice(stored.lastIndexOf("#") + 1);
      expect(fal.requests.has(requestId)).toBe(true);

      fal.stepsToComplete = 0; // done on the next status poll
      const second = await launch(cleanup, { env: vendorEnv(), ...database });
      const final = await waitForFinal(second.url, key, taskId, 20_000);
      expect(final.status).toBe("FINISHED");
      expect(fal.requests.size - before).toBe(1);
      expect((await get(second.url, `/get/${taskId}`, key)).body.result).toHaveLength(1);
    } finally {
      fal.stepsToComplete = 3;
    }
  }, 60_000);
});
