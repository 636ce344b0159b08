// A gateway with vendor accounts (the fake fal and OpenAI servers), through REST: a model no
// configured vendor runs is refused before any charge when the simulation of such models is off,
// and simulated when it is on; an upload id (or an inline data: reference, which becomes one) in
// a reference reaches the vendor as a signed, expiring link to the gateway's /files/uploads/…,
// which serves the upload's bytes; without a public address such a reference is refused before
// the charge; a reference the vendor's route cannot carry is refused rather than dropped.
import { FormData } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeFal } from "../fakes/fal.ts";
import { PNG } from "../fakes/http.ts";
import { startFakeOpenAI } from "../fakes/openai.ts";
import { createEngine } from "../../src/engine/engine.ts";
import { startGateway, type TestGateway } from "../support/gateway.ts";
import { client, sleep, type Client } from "./http.ts";
import { waitForFinalTask } from "./harness.ts";

const fal = await startFakeFal({ keys: ["fal-a", "fal-b"] });
const openai = await startFakeOpenAI({ keys: ["sk-a"] });
afterAll(async () => Promise.all([fal.close(), openai.close()]));

const PUBLIC_URL = "https://gateway.example";
const vendorEnv = (extra: Record<string, string>) =>
  Object.assign({ FAL_KEYS: "fal-a,fal-b", GATEAI_FAL_URL: fal.url, OPENAI_KEYS: "sk-a", GATEAI_OPENAI_URL: openai.url, GATEAI_TIME_SCALE: "1000" }, extra);

/** The veo-3.1-fast request of the catalog's example with this start frame (fal's image-to-video takes it as `image_url`). */
const veoWith = (prompt: string, startFrame: string) => ({
  model: "veo-3.1-fast-generate-001",
  params: { prompt, mode: "RESOLUTION_720", width: 1280, height: 720, duration: 8, start_frame: startFrame },
});

async function upload(api: Client, key: string, bytes: Uint8Array = PNG): Promise<string> {
  const form = new FormData();
  form.append("file", new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "image/png" }), "frame.png");
  const reply = await api.request("/api/upload", { method: "POST", body: form, key });
  expect(reply.status, reply.text).toBe(200);
  return reply.body.id as string;
}

/** The input fal received for the request whose prompt is `prompt` (waits for its submission). */
async function falInputFor(prompt: string): Promise<{ app: string; input: Record<string, unknown> }> {
  for (let i = 0; i < 400; i++) {
    const found = [...fal.requests.values()].find((r) => r.input.prompt === prompt);
    if (found) return found;
    await sleep(25);
  }
  throw new Error(`fal never received "${prompt}"`);
}

const used = async (api: Client, key: string): Promise<number> => (await api.get("/credits", { key })).body.your_budget.used as number;
const taskCount = async (gw: TestGateway, keyId: string): Promise<number> =>
  Number((await gw.prisma.$queryRawUnsafe<{ n: bigint }[]>("SELECT count(*) AS n FROM tasks WHERE key_id = $1", keyId))[0]!.n);

describe("vendors configured, simulation of unrouted models off, a public address", () => {
  let gw: TestGateway;
  let api: Client;
  beforeAll(async () => {
    gw = await startGateway({ env: vendorEnv({ GATEAI_SIMULATE_UNROUTED: "false", GATEAI_PUBLIC_URL: PUBLIC_URL }) });
    api = client(gw.url);
  }, 60_000);
  afterAll(async () => gw?.close());

  it("refuses a model no configured vendor runs with 422 MODEL_UNAVAILABLE before any charge, at generate and estimate", async () => {
    const { key, record } = await gw.createKey();
    const generated = await api.post("/api/generate", { model: "kino-xl", params: {} }, { key });
    expect(generated.status).toBe(422);
    expect(generated.body).toMatchObject({ code: "MODEL_UNAVAILABLE", model: "kino-xl", error: expect.stringContaining("kino-xl") });
    const estimated = await api.post("/api/estimate", { model: "kino-xl", params: {} }, { key });
    expect(estimated.status).toBe(422);
    expect(estimated.body).toMatchObject({ code: "MODEL_UNAVAILABLE", model: "kino-xl" });
    expect(await used(api, key)).toBe(0);
    expect(await taskCount(gw, record.id)).toBe(0);
  });

  it("/v1/models says which models run and through which vendor", async () => {
    const models = (await api.get("/v1/models")).body as { id: string; available: boolean; vendor: string | null }[];
    const byId = new Map(models.map((m) => [m.id, m]));
    expect(byId.get("kino-xl")).toMatchObject({ available: false, vendor: null });
    expect(byId.get("flux-schnell")).toMatchObject({ available: true, vendor: "fal" });
    expect(byId.get("gpt-image-1")).toMatchObject({ available: true, vendor: "openai" });
  });

  it("gives the vendor a signed link to /files/uploads/… for an upload id, and the link serves the upload's bytes", async () => {
    const { key } = await gw.createKey();
    const id = await upload(api, key);
    const reply = await api.post("/api/generate", veoWith("from an upload", id), { key });
    expect(reply.status, reply.text).toBe(200);
    const received = await falInputFor("from an upload");
    expect(received.app).toContain("image-to-video");
    const link = received.input.image_url as string;
    expect(link).toMatch(new RegExp(`^${PUBLIC_URL}/files/uploads/[A-Za-z0-9_-]+$`));
    expect(link).not.toContain(id);
    // GATEAI_PUBLIC_URL is the address in front of the gateway: the same path, asked of the gateway.
    const path = new URL(link).pathname;
    const served = await api.fetch(path);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("cache-control")).toBe("private, no-store");
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
    // A link altered by one character opens nothing. (Not the last one: base64url's last character
    // may carry padding bits, and changing only those changes no byte.)
    const at = path.length - 10;
    const altered = `${path.slice(0, at)}${path[at] === "A" ? "B" : "A"}${path.slice(at + 1)}`;
    expect((await api.fetch(altered)).status).toBe(404);
  });

  it("does the same for an inline data: reference (stored as an upload first)", async () => {
    const { key } = await gw.createKey();
    const reply = await api.post("/api/generate", veoWith("from inline data", `data:image/png;base64,${PNG.toString("base64")}`), { key });
    expect(reply.status, reply.text).toBe(200);
    const link = (await falInputFor("from inline data")).input.image_url as string;
    expect(link.startsWith(`${PUBLIC_URL}/files/uploads/`)).toBe(true);
    const served = await api.fetch(new URL(link).pathname);
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it("knows a model as its vendor runs it: FLUX.2 pro on fal makes one image per request, so its quantity is 1 at most and by default here (the catalog's default is 4), priced per image", async () => {
    const schema = (await api.get("/v1/models/flux-pro-2.0")).body as { params: Record<string, { default?: unknown; max?: unknown }>; example: { params: Record<string, unknown> } };
    expect(schema.params.quantity).toMatchObject({ default: 1, max: 1 });
    expect(schema.example.params.quantity ?? 1).toBe(1);
    const { key, record } = await gw.createKey();
    // The catalog's price of one image (the spec's "per generation" is for its default of 4).
    const perImage = createEngine().quote({ model: "flux-pro-2.0", params: { prompt: "one", quantity: 1 } }, 100_000_000);
    expect(perImage.ok).toBe(true);
    const estimate = await api.post("/api/estimate", { model: "flux-pro-2.0", params: { prompt: "one" } }, { key });
    expect(estimate.status, estimate.text).toBe(200);
    expect(Math.round(estimate.body.cost * 1e6)).toBe(perImage.ok && perImage.value.cost);
    const generated = await api.post("/api/generate", { model: "flux-pro-2.0", params: { prompt: "no quantity asked" } }, { key });
    expect(generated.status, generated.text).toBe(200);
    expect((await falInputFor("no quantity asked")).input).not.toHaveProperty("num_images");
    // Four asked for explicitly: refused before any charge, naming this deployment's maximum.
    const before = await used(api, key);
    for (const path of ["/api/generate", "/api/estimate"]) {
      const reply = await api.post(path, { model: "flux-pro-2.0", params: { prompt: "four", quantity: 4 } }, { key });
      expect(reply.status, path).toBe(400);
      expect(reply.body).toMatchObject({ code: "QUANTITY_TOO_HIGH", max: 1 });
    }
    expect(await used(api, key)).toBe(before);
    expect(await taskCount(gw, record.id)).toBe(1);
  });

  it("runs Veo 3.1 with a start and an end frame on fal's first-last-frame endpoint, and refuses an end frame alone before any charge", async () => {
    const { key, record } = await gw.createKey();
    const [first, last] = [await upload(api, key), await upload(api, key)];
    const both = await api.post("/api/generate", { model: "veo-3.1-fast-generate-001", params: Object.assign({}, veoWith("two frames", first).params, { end_frame: last }) }, { key });
    expect(both.status, both.text).toBe(200);
    const received = await falInputFor("two frames");
    expect(received.app).toBe("fal-ai/veo3.1/fast/first-last-frame-to-video");
    expect(received.input).toMatchObject({ first_frame_url: expect.stringContaining(`${PUBLIC_URL}/files/uploads/`), last_frame_url: expect.stringContaining(`${PUBLIC_URL}/files/uploads/`) });
    expect(received.input).not.toHaveProperty("image_url");
    const spent = await used(api, key);
    const endOnly = await api.post("/api/generate", { model: "veo-3.1-fast-generate-001", params: { prompt: "end only", mode: "RESOLUTION_720", width: 1280, height: 720, duration: 8, end_frame: last } }, { key });
    expect(endOnly.status).toBe(400);
    expect(endOnly.body.issues).toEqual([{ field: "end_frame", reason: expect.stringContaining("fal runs veo-3.1-fast-generate-001 here without end_frame") }]);
    expect(await used(api, key)).toBe(spent);
    expect(await taskCount(gw, record.id)).toBe(1);
  });

  it("refuses, before any charge, a reference the vendor's route cannot carry (OpenAI's Images API takes no image here) rather than dropping it", async () => {
    const { key, record } = await gw.createKey();
    const id = await upload(api, key);
    const reply = await api.post("/api/generate", { model: "gpt-image-1", params: { prompt: "guided", image_guidances: [{ image_url: id }] } }, { key });
    expect(reply.status).toBe(400);
    expect(reply.body.code).toBe("INVALID_PARAMS");
    expect(reply.body.issues).toEqual([{ field: "image_guidances[0].image_url", reason: expect.stringContaining("openai runs gpt-image-1 here without image_guidances") }]);
    expect(await used(api, key)).toBe(0);
    expect(await taskCount(gw, record.id)).toBe(0);
  });
});

describe("vendors configured, simulation of unrouted models on (the default), no public address", () => {
  let gw: TestGateway;
  let api: Client;
  beforeAll(async () => {
    gw = await startGateway({ env: vendorEnv({}) });
    api = client(gw.url);
  }, 60_000);
  afterAll(async () => gw?.close());

  it("runs a model no configured vendor runs on the simulation", async () => {
    const { key } = await gw.createKey();
    const reply = await api.post("/api/generate", { model: "kino-xl", params: {} }, { key });
    expect(reply.status, reply.text).toBe(200);
    expect((await waitForFinalTask(api, key, reply.body.task_id as string)).status).toBe("FINISHED");
    const models = (await api.get("/v1/models")).body as { id: string; available: boolean; vendor: string | null }[];
    expect(models.find((m) => m.id === "kino-xl")).toMatchObject({ available: true, vendor: "simulation" });
  });

  it("refuses an upload or inline reference for a vendor with 400 INVALID_PARAMS before any charge: nothing could serve it to the vendor", async () => {
    const { key, record } = await gw.createKey();
    const id = await upload(api, key);
    for (const reference of [id, `data:image/png;base64,${PNG.toString("base64")}`]) {
      const reply = await api.post("/api/generate", veoWith("no public address", reference), { key });
      expect(reply.status).toBe(400);
      expect(reply.body.code).toBe("INVALID_PARAMS");
      expect(reply.body.issues).toEqual([{ field: "start_frame", reason: expect.stringContaining("GATEAI_PUBLIC_URL") }]);
    }
    expect(await used(api, key)).toBe(0);
    expect(await taskCount(gw, record.id)).toBe(0);
    expect([...fal.requests.values()].some((r) => r.input.prompt === "no public address")).toBe(false);
  });
});
