// What a gateway with vendor accounts (the fake fal, Replicate and OpenAI servers) does with
// them beyond running tasks: /credits counts a vendor's rested account in that vendor's share of
// the pool and in no other's; the vendor keys and the gateway's API keys never reach a log line,
// whatever the vendors answer (a refused key, a rate limit, garbage); and with a public address,
// fal and Replicate are asked to POST each completion to the gateway's webhook for them.
import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeFal, type FakeFal } from "../fakes/fal.ts";
import { startFakeOpenAI, type FakeOpenAI } from "../fakes/openai.ts";
import { startFakeReplicate, type FakeReplicate } from "../fakes/replicate.ts";
import { Cleanup, generate, get, launch, waitFor, waitForFinal, type Launched } from "./support.ts";

const cleanup = new Cleanup();
afterAll(() => cleanup.run(), 60_000);

/** Keys no other text of a run contains by chance (a log line holding one holds that key). */
const secret = (prefix: string) => `${prefix}${randomBytes(18).toString("hex")}`;

interface Vendors {
  readonly fal: FakeFal;
  readonly replicate: FakeReplicate;
  readonly openai: FakeOpenAI;
  readonly keys: { readonly fal: readonly string[]; readonly replicate: readonly string[]; readonly openai: readonly string[] };
  /** The environment of a gateway whose pool is fal's two accounts (1, 2), Replicate's one (3), OpenAI's one (4). */
  env(extra?: Record<string, string>): Record<string, string>;
}

async function startVendors(): Promise<Vendors> {
  const keys = { fal: [secret("fal-"), secret("fal-")], replicate: [secret("r8_")], openai: [secret("sk-")] };
  const [fal, replicate, openai] = await Promise.all([startFakeFal({ keys: keys.fal }), startFakeReplicate({ tokens: keys.replicate }), startFakeOpenAI({ keys: keys.openai })]);
  cleanup.add(() => fal.close());
  cleanup.add(() => replicate.close());
  cleanup.add(() => openai.close());
  return {
    fal,
    replicate,
    openai,
    keys,
    env: (extra = {}) => ({
      FAL_KEYS: keys.fal.join(","),
      GATEAI_FAL_URL: fal.url,
      REPLICATE_TOKENS: keys.replicate.join(","),
      GATEAI_REPLICATE_URL: replicate.url,
      OPENAI_KEYS: keys.openai.join(","),
      GATEAI_OPENAI_URL: openai.url,
      GATEAI_FAL_JWKS_URL: `${fal.url}/.well-known/jwks.json`,
      ...extra,
    }),
  };
}

/** A logger that keeps every line it writes, at every level. */
function capturedLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) lines.push(line);
      done();
    },
  });
  return { logger: pino({ level: "trace" }, stream), lines };
}

describe("/credits' pool per vendor", () => {
  let vendors: Vendors;
  let gw: Launched;
  beforeAll(async () => {
    vendors = await startVendors();
    // Real time: an account the vendor answers 429 without Retry-After rests 30 s, long past this test.
    gw = await launch(cleanup, { env: vendors.env({ GATEAI_TIME_SCALE: "1" }) });
  }, 60_000);

  it("counts an account Replicate rate-limits as locked in Replicate's share and in the total, and in neither fal's nor OpenAI's", async () => {
    const { key } = await gw.createKey();
    const pool = async () => (await get(gw.url, "/credits", key)).body.pool;
    expect(await pool()).toEqual({
      total_accounts: 4,
      locked: 0,
      vendors: { fal: { total_accounts: 2, locked: 0 }, replicate: { total_accounts: 1, locked: 0 }, openai: { total_accounts: 1, locked: 0 } },
    });
    vendors.replicate.faults.submitStatuses.push(429);
    // Recraft V4 runs only on Replicate: account 3, between fal's accounts and OpenAI's.
    await generate(gw.url, key, "recraft-v4", { prompt: "rate limited", width: 1024, height: 1024, quantity: 1 });
    await waitFor("Replicate's 429 to be answered", async () => vendors.replicate.faults.submitStatuses.length === 0 && vendors.replicate.calls.create === 1, 20_000);
    const rested = await waitFor("an account of the pool to be locked", async () => {
      const seen = await pool();
      return seen.locked > 0 ? seen : undefined;
    }, 20_000);
    expect(rested).toEqual({
      total_accounts: 4,
      locked: 1,
      vendors: { fal: { total_accounts: 2, locked: 0 }, replicate: { total_accounts: 1, locked: 1 }, openai: { total_accounts: 1, locked: 0 } },
    });
  });
});

describe("a gateway's logs while its vendors refuse keys, rate-limit and answer garbage", () => {
  let vendors: Vendors;
  let gw: Launched;
  const log = capturedLogger();
  beforeAll(async () => {
    vendors = await startVendors();
    // Scaled: a 429's rest (30 s without Retry-After) is 0.5 s, so the rate-limited task finishes on the same account.
    gw = await launch(cleanup, { env: vendors.env({ GATEAI_TIME_SCALE: "60" }), options: { logger: log.logger } });
  }, 60_000);

  it("writes no vendor key and no API key into any log line", async () => {
    const { key } = await gw.createKey();
    const secrets = [...vendors.keys.fal, ...vendors.keys.replicate, ...vendors.keys.openai, key];

    // fal refuses the key of the first submit's account (401): the task is submitted again, and finishes.
    const falSubmits = vendors.fal.calls.submit;
    vendors.fal.faults.submitStatuses.push(401);
    const refused = await generate(gw.url, key, "flux-schnell", { prompt: "a refused key", width: 512, height: 512, quantity: 1 });
    expect((await waitForFinal(gw.url, key, refused.taskId, 20_000)).status).toBe("FINISHED");
    expect(vendors.fal.calls.submit - falSubmits).toBe(2);

    // OpenAI rate-limits its only account (429): the task runs again once the account has rested.
    const openaiCalls = vendors.openai.calls.generate;
    vendors.openai.faults.submitStatuses.push(429);
    const limited = await generate(gw.url, key, "gpt-image-1", { prompt: "a rate limit", width: 1024, height: 1024, quality: "low", quantity: 1 });
    expect((await waitForFinal(gw.url, key, limited.taskId, 20_000)).status).toBe("FINISHED");
    expect(vendors.openai.calls.generate - openaiCalls).toBe(2);

    // Replicate answers garbage to every attempt: the task fails after its last, and its account
    // is locked after three failures in a row (a warning in the log).
    vendors.replicate.faults.garbage = true;
    try {
      const garbled = await generate(gw.url, key, "recraft-v4", { prompt: "garbage", width: 1024, height: 1024, quantity: 1 });
      const final = await waitForFinal(gw.url, key, garbled.taskId, 20_000);
      expect(final.status).toBe("FAILED");
      expect(final.error).toContain("not a prediction");
    } finally {
      vendors.replicate.faults.garbage = false;
    }
    const locked = await waitFor("the lock of Replicate's account to be logged", async () => log.lines.find((line) => line.includes("upstream account locked after repeated failures")), 10_000);
    expect(JSON.parse(locked)).toMatchObject({ account: 3 });

    // Requests with the API key (header and query) were logged too: one access-log line each.
    expect((await get(gw.url, "/credits", key)).status).toBe(200);
    expect((await fetch(`${gw.url}/api/me?key=${encodeURIComponent(key)}`)).status).toBeLessThan(500);
    await waitFor("the access log of /credits", async () => log.lines.some((line) => line.includes('"path":"/credits"')), 10_000);
    await waitFor("the access log of /api/me (the key in its query)", async () => log.lines.some((line) => line.includes("/api/me")), 10_000);

    expect(log.lines.length).toBeGreaterThan(10);
    const leaks = log.lines.filter((line) => secrets.some((s) => line.includes(s)));
    expect(leaks).toEqual([]);
  });
});

describe("vendors configured, with a public address", () => {
  const PUBLIC_URL = "https://gateway.example";
  let vendors: Vendors;
  let gw: Launched;
  beforeAll(async () => {
    vendors = await startVendors();
    gw = await launch(cleanup, { env: vendors.env({ GATEAI_PUBLIC_URL: PUBLIC_URL, GATEAI_TIME_SCALE: "600" }) });
  }, 60_000);

  it("asks fal and Replicate to POST each completion to <public URL>/webhooks/fal and /webhooks/replicate", async () => {
    const { key } = await gw.createKey();
    await generate(gw.url, key, "flux-schnell", { prompt: "hooked at fal", width: 512, height: 512, quantity: 1 });
    await generate(gw.url, key, "recraft-v4", { prompt: "hooked at replicate", width: 1024, height: 1024, quantity: 1 });
    const falRequest = await waitFor("fal to receive the submit", async () => [...vendors.fal.requests.values()].find((r) => r.input.prompt === "hooked at fal"), 20_000);
    const prediction = await waitFor("Replicate to receive the create", async () => [...vendors.replicate.predictions.values()].find((p) => p.input.prompt === "hooked at replicate"), 20_000);
    expect(falRequest.webhook).toBe(`${PUBLIC_URL}/webhooks/fal`);
    expect(prediction.webhook).toBe(`${PUBLIC_URL}/webhooks/replicate`);
    // Only the completion: Replicate would otherwise POST every start, log line and output.
    expect(prediction.webhookEventsFilter).toEqual(["completed"]);
  });
});
