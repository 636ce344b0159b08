import { readFile } from "node:fs/promises";
import { expect, test } from "vitest";
import { catalog } from "../../src/catalog/index.ts";
import { createEngine } from "../../src/engine/engine.ts";
import { describeOnEverySetup, expectErrorBody } from "./harness.ts";

/** A model's parameter names as generate takes them: the catalog's, then any the engine adds. */
const paramNames = (modelId: string) => [...createEngine().profile(modelId)!.params.keys()];
const param = (modelId: string, name: string) => catalog.find((m) => m.id === modelId)!.params.find((p) => p.name === name)!;

describeOnEverySetup("model discovery, docs and health (no auth)", {}, (h) => {
  test("GET /v1/models lists every catalog model as {id, type, name, cost, params: [names]}, plus where it runs {available, vendor}", async () => {
    const reply = await h.api.get("/v1/models");
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toMatch(/^application\/json/);
    expect(reply.body).toHaveLength(catalog.length);
    for (const [i, model] of catalog.entries()) {
      // The spec's five fields, and the two additive ones (no vendor configured here: simulated).
      expect(reply.body[i]).toEqual({ id: model.id, type: model.kind, name: model.name, cost: model.costSummary, params: paramNames(model.id), available: true, vendor: "simulation" });
    }
    expect(reply.body.find((m: { id: string }) => m.id === "gpt-image-2")).toMatchObject({
      type: "image",
      params: expect.arrayContaining(["prompt", "width", "height", "quality", "quantity"]),
    });
  });

  test("GET /v1/models/schema returns every model's full schema, the same as the single-model answer", async () => {
    const all = await h.api.get("/v1/models/schema");
    expect(all.status).toBe(200);
    expect(all.body.map((m: { id: string }) => m.id)).toEqual(catalog.map((m) => m.id));
    for (const id of ["seedance-2.0", "rodin-v2", "hailuo-2_3"]) {
      const single = await h.api.get(`/v1/models/${id}`);
      expect(all.body.find((m: { id: string }) => m.id === id)).toEqual(single.body);
    }
  });

  test("GET /v1/models/seedance-2.0 has the spec example's shape: typed params, enums, defaults and an example body", async () => {
    const reply = await h.api.get("/v1/models/seedance-2.0");
    expect(reply.status).toBe(200);
    const model = catalog.find((m) => m.id === "seedance-2.0")!;
    expect(reply.body).toMatchObject({ id: "seedance-2.0", type: "video", name: model.name, cost: model.costSummary, example: model.example });
    expect(reply.body.params.prompt).toMatchObject({ type: "string", required: true });
    // The catalog lists seedance durations as allowed integers: "integer" plus the enum.
    expect(reply.body.params.duration).toMatchObject({ type: "integer", enum: param("seedance-2.0", "duration").values, default: param("seedance-2.0", "duration").default });
    // The model's own params, then the `mode` the engine adds (the discovery example lists it, and generate takes it).
    expect(Object.keys(reply.body.params)).toEqual([...model.params.map((p) => p.name), "mode"]);
    expect(reply.body.params.mode).toMatchObject({ type: "string", enum: expect.arrayContaining(["RESOLUTION_720", "RESOLUTION_1080"]), required: false });
    const listed = (await h.api.get("/v1/models")).body.find((m: { id: string }) => m.id === "seedance-2.0");
    expect(listed.params).toContain("mode");
    // veo-3.1-lite shows the spec's string enum shape.
    const veo = (await h.api.get("/v1/models/veo-3.1-lite")).body;
    expect(veo.params.mode).toMatchObject({ type: "string", enum: ["RESOLUTION_720", "RESOLUTION_1080"], default: "RESOLUTION_720", required: false });
  });

  test("param types: bounds and lengths in snake_case, references as URI strings, untyped params without a type", async () => {
    const flux = (await h.api.get("/v1/models/flux-dev")).body;
    expect(flux.params.prompt).toEqual({
      type: "string",
      required: true,
      min_length: 1,
      max_length: 2000,
      description: "The prompt to use for the generation",
    });
    expect(flux.params.width).toEqual({ type: "integer", required: false, default: 1024, min: 16, max: 2496, step: 8 });
    expect(flux.params.mode).toEqual({ type: "string", required: false, default: "FAST", enum: ["FAST", "ULTRA"] });
    expect(flux.dimension_range).toEqual({ width: { min: 480, max: 2048, step: 8 }, height: { min: 480, max: 2048, step: 8 } });

    const seedance = (await h.api.get("/v1/models/seedance-2.0")).body;
    expect(seedance.params.start_frame).toMatchObject({ type: "string", format: "uri" });

    const cortex = (await h.api.get("/v1/models/cortex_1.0")).body;
    expect(cortex.params.motion_strength).not.toHaveProperty("type");
    expect(cortex.params.motion_strength.required).toBe(false);

    const gemini = (await h.api.get("/v1/models/gemini-2.5-flash-image")).body;
    expect(gemini.params.width).toMatchObject({ type: "integer", enum: param("gemini-2.5-flash-image", "width").values });
    expect(gemini.resolutions).toContainEqual({ label: "1:1", width: 1024, height: 1024 });

    const hailuo = (await h.api.get("/v1/models/hailuo-2_3")).body;
    expect(hailuo.valid_widths).toEqual(catalog.find((m) => m.id === "hailuo-2_3")!.validWidths);
  });

  test("model ids with dots and underscores resolve, percent-encoded or not", async () => {
    for (const id of ["cortex_2.0", "veo-3.1-lite", "ideogram-v3.0", "hailuo-2_3-fast"]) {
      const reply = await h.api.get(`/v1/models/${id}`);
      expect(reply.status, id).toBe(200);
      expect(reply.body.id).toBe(id);
    }
    const encoded = await h.api.get("/v1/models/cortex%5F2%2E0");
    expect(encoded.status).toBe(200);
    expect(encoded.body.id).toBe("cortex_2.0");
  });

  test("an unknown model id is 404 MODEL_NOT_FOUND with fuzzy suggestions: seedance suggests seedance-2.0", async () => {
    const reply = await h.api.get("/v1/models/seedance");
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({ error: "Model not found", code: "MODEL_NOT_FOUND", suggestions: ["seedance-2.0"] });
    const far = await h.api.get("/v1/models/zzzzzzzzzzzzzzzzzz");
    expect(far.status).toBe(404);
    expect(far.body.suggestions).toEqual(expect.any(Array));
  });

  test("GET /docs.txt serves the API document as plain text", async () => {
    const reply = await h.api.get("/docs.txt");
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const document = await readFile(new URL("../../docs/gateai-core-api.md", import.meta.url), "utf8");
    expect(reply.text).toBe(document);
    expect(reply.text).toContain("# GateAI Core API Documentation");
  });

  test("GET /healthz answers ok; GET /readyz reports the database (and Redis) checks", async () => {
    const health = await h.api.get("/healthz");
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: "ok" });
    const ready = await h.api.get("/readyz");
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe("ok");
    expect(ready.body.checks.database).toBe("ok");
    if (h.gw.config.redisUrl) expect(ready.body.checks.redis).toBe("ok");
  });

  test("HEAD on a GET route answers the headers without a body", async () => {
    const reply = await h.api.fetch("/v1/models", { method: "HEAD" });
    expect(reply.status).toBe(200);
    expect(Number(reply.headers.get("content-length"))).toBeGreaterThan(0);
    expect(await reply.text()).toBe("");
  });

  test("a known path with the wrong method is 405 METHOD_NOT_ALLOWED with an Allow header", async () => {
    for (const [method, path, allow] of [
      ["POST", "/v1/models", "GET, HEAD"],
      ["DELETE", "/v1/models/seedance-2.0", "GET, HEAD"],
      ["GET", "/api/generate", "POST"],
      ["PUT", "/api/estimate", "POST"],
      ["POST", "/credits", "GET, HEAD"],
      ["DELETE", "/get/some-task", "GET, HEAD"],
      ["POST", "/healthz", "GET, HEAD"],
    ] as const) {
      const reply = await h.api.request(path, { method, key: h.gw.key });
      expect(reply.status, `${method} ${path}`).toBe(405);
      expect(reply.headers.get("allow")).toBe(allow);
      expectErrorBody(reply.body, "METHOD_NOT_ALLOWED");
    }
  });

  test("an unknown path falls through to a JSON 404", async () => {
    const reply = await h.api.get("/api/nothing-here", { key: h.gw.key });
    expect(reply.status).toBe(404);
    expectErrorBody(reply.body, "NOT_FOUND");
  });

  test("a path starting with // is a path, answered 404, not a host or a server error", async () => {
    for (const path of ["//", "//credits", "//v1/models?x=1"]) {
      const reply = await h.api.get(path, { key: h.gw.key });
      expect(reply.status, path).toBe(404);
      expectErrorBody(reply.body, "NOT_FOUND");
    }
  });
});
