import { expect, test } from "vitest";
import { describeOnEverySetup, expectErrorBody, FAST, waitForFinalTask } from "./harness.ts";

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

// GATEAI_TRUST_PROXY=1: the forwarded-origin test below stands for a gateway behind a proxy.
describeOnEverySetup("GET /get/{task_id} and result files", { env: { ...FAST, GATEAI_TRUST_PROXY: "1" } }, (h) => {
  test("a new task reads back with the spec's fields: task_id, status, result, model, cost, progress, created_at", async () => {
    const { key } = await h.gw.createKey();
    const generated = await h.api.post("/api/generate", { model: "gpt-image-2", params: { prompt: "status check" } }, { key });
    const reply = await h.api.get(generated.body.url, { key });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      task_id: generated.body.task_id,
      status: expect.stringMatching(/^(QUEUED|PROCESSING|FINISHED)$/),
      result: expect.any(Array),
      model: "gpt-image-2",
      cost: generated.body.cost,
      progress: expect.any(Number),
      refunded: false,
      created_at: expect.stringMatching(ISO),
    });
  });

  test("an image task reaches FINISHED with absolute result URLs whose bytes are served, cacheable forever", async () => {
    const { key } = await h.gw.createKey();
    const generated = await h.api.post("/api/generate", { model: "gpt-image-2", params: { prompt: "a finished picture", quantity: 2 } }, { key });
    expect(generated.status).toBe(200);
    const task = await waitForFinalTask(h.api, key, generated.body.task_id);
    expect(task).toMatchObject({ status: "FINISHED", model: "gpt-image-2", cost: generated.body.cost, progress: 100, finished_at: expect.stringMatching(ISO) });
    expect(task).not.toHaveProperty("error");
    expect(task.result).toHaveLength(2);
    for (const url of task.result) {
      expect(url.startsWith(`${h.gw.baseUrl}/files/${task.task_id}/`)).toBe(true);
      const file = await h.api.fetch(url);
      expect(file.status).toBe(200);
      expect(file.headers.get("content-type")).toMatch(/^image\//);
      expect(file.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      const bytes = new Uint8Array(await file.arrayBuffer());
      expect(bytes.byteLength).toBeGreaterThan(0);
      expect(Number(file.headers.get("content-length"))).toBe(bytes.byteLength);
    }
  });

  test("a video task reaches FINISHED with a served video file", async () => {
    const { key } = await h.gw.createKey();
    const generated = await h.api.post("/api/generate", { model: "seedance-2.0", params: { prompt: "a short clip", duration: 4 } }, { key });
    expect(generated.status).toBe(200);
    const task = await waitForFinalTask(h.api, key, generated.body.task_id);
    expect(task.status).toBe("FINISHED");
    expect(task.result.length).toBeGreaterThan(0);
    const file = await h.api.fetch(task.result[0]);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toMatch(/^(video|image)\//);
    expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });

  test("a 3D task reaches FINISHED with preview images in result and .glb models in glb_urls, all served", async () => {
    const { key } = await h.gw.createKey();
    const generated = await h.api.post("/api/generate", { model: "rodin-v2", type: "3d", params: { quality: "low" } }, { key });
    expect(generated.status).toBe(200);
    const task = await waitForFinalTask(h.api, key, generated.body.task_id);
    expect(task.status).toBe("FINISHED");
    expect(task.glb_urls.length).toBeGreaterThan(0);
    expect(task.glb_urls).toHaveLength(task.result.length);
    for (const url of task.glb_urls) {
      expect(url).toMatch(/\.glb$/);
      const file = await h.api.fetch(url);
      expect(file.status).toBe(200);
      const bytes = new Uint8Array(await file.arrayBuffer());
      // Binary glTF starts with the magic "glTF".
      expect(Buffer.from(bytes.subarray(0, 4)).toString("latin1")).toBe("glTF");
    }
    for (const url of task.result) {
      const preview = await h.api.fetch(url);
      expect(preview.headers.get("content-type")).toMatch(/^image\//);
      expect((await preview.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
  });

  test("result URLs use the forwarded origin behind a trusted proxy (GATEAI_TRUST_PROXY=1) when no public URL is configured", async () => {
    const { key } = await h.gw.createKey();
    const generated = await h.api.post("/api/generate", { model: "gpt-image-2", params: { prompt: "behind a proxy" } }, { key });
    await waitForFinalTask(h.api, key, generated.body.task_id);
    const reply = await h.api.get(generated.body.url, { key, headers: { "x-forwarded-proto": "https", "x-forwarded-host": "core.example.test" } });
    expect(reply.body.result[0]).toMatch(new RegExp(`^https://core\\.example\\.test/files/${generated.body.task_id}/`));
  });

  test("a key sees only its own tasks: another key's task is 404 TASK_NOT_FOUND, exactly like a missing one", async () => {
    const owner = await h.gw.createKey();
    const stranger = await h.gw.createKey();
    const generated = await h.api.post("/api/generate", { model: "gpt-image-2", params: { prompt: "mine" } }, { key: owner.key });
    const taskId = generated.body.task_id as string;
    expect((await h.api.get(`/get/${taskId}`, { key: owner.key })).status).toBe(200);

    const foreign = await h.api.get(`/get/${taskId}`, { key: stranger.key });
    expect(foreign.status).toBe(404);
    expectErrorBody(foreign.body, "TASK_NOT_FOUND");
    const missingId = "00000000-0000-4000-8000-000000000000";
    const missing = await h.api.get(`/get/${missingId}`, { key: stranger.key });
    expect(foreign.body).toEqual({ ...missing.body, error: missing.body.error.replace(missingId, taskId), task_id: taskId });

    const dashboard = await h.api.get(`/api/me?key=${stranger.key}`);
    expect(JSON.stringify(dashboard.body)).not.toContain(taskId);
    // An empty ?key= names no key: the Authorization header does.
    const empty = await h.api.get("/api/me?key=", { key: stranger.key });
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual(dashboard.body);
  });

  test("GET /files answers 404 for a missing file or a malformed path", async () => {
    for (const path of ["/files/00000000-0000-4000-8000-000000000000/nothing.png", "/files/only-one-segment", "/files/a/b/c", "/files/%E0%A4%A/x"]) {
      const reply = await h.api.get(path);
      expect(reply.status, path).toBe(404);
      expectErrorBody(reply.body, "NOT_FOUND");
    }
  });
});
