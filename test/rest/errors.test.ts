import { randomUUID } from "node:crypto";
import { once } from "node:events";
import type { IncomingMessage } from "node:http";
import { connect } from "node:net";
import { expect, test, vi } from "vitest";
import { describeOnEverySetup, expectErrorBody, FAST } from "./harness.ts";

const IMAGE = { model: "gpt-image-2", params: { prompt: "A serene mountain lake at sunrise" } };

describeOnEverySetup("error codes, statuses and bodies", { env: FAST }, (h) => {
  test("401 UNAUTHORIZED on every keyed route without a key, with an unknown key, or with another scheme", async () => {
    const routes: [string, string][] = [
      ["POST", "/api/generate"],
      ["POST", "/api/estimate"],
      ["POST", "/api/upload"],
      ["GET", "/credits"],
      ["GET", "/get/00000000-0000-4000-8000-000000000000"],
    ];
    const credentials: (Record<string, string> | undefined)[] = [
      undefined,
      { authorization: "Bearer sk-not-a-real-key-000000" },
      { authorization: "Bearer not-even-sk" },
      { authorization: `Basic ${Buffer.from(`user:${h.gw.key}`).toString("base64")}` },
      { authorization: h.gw.key },
    ];
    for (const [method, path] of routes) {
      for (const headers of credentials) {
        const reply = await h.api.request(path, { method, ...(headers ? { headers } : {}), ...(method === "POST" ? { body: JSON.stringify(IMAGE) } : {}) });
        expect(reply.status, `${method} ${path} ${JSON.stringify(headers)}`).toBe(401);
        expect(reply.body).toEqual({ error: expect.any(String), code: "UNAUTHORIZED" });
        expect(reply.headers.get("www-authenticate")).toMatch(/^Bearer/);
      }
    }
  });

  test("401 for a revoked key, which worked a moment before; the key is never echoed back", async () => {
    const { key, record } = await h.gw.createKey();
    expect((await h.api.get("/credits", { key })).status).toBe(200);
    await h.gw.services.keys.revoke(record.id);
    const reply = await h.api.get("/credits", { key });
    expect(reply.status).toBe(401);
    expectErrorBody(reply.body, "UNAUTHORIZED");
    expect(reply.text).not.toContain(key);
    const me = await h.api.get(`/api/me?key=${key}`);
    expect(me.status).toBe(401);
    expect(me.text).not.toContain(key);
  });

  test("/api/me takes its key from the query: missing or unknown is 401", async () => {
    expect((await h.api.get("/api/me")).status).toBe(401);
    const reply = await h.api.get("/api/me?key=sk-unknown-key-123456789");
    expect(reply.status).toBe(401);
    expectErrorBody(reply.body, "UNAUTHORIZED");
  });

  test("400 PROMPT_TOO_LONG with the length and the maximum", async () => {
    const reply = await h.api.post("/api/generate", { model: "gpt-image-2", params: { prompt: "x".repeat(1501) } }, { key: h.gw.key });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: "PROMPT_TOO_LONG", error: expect.any(String), length: 1501, max: 1500 });
  });

  test("400 QUANTITY_TOO_HIGH with the quantity and the maximum", async () => {
    const reply = await h.api.post("/api/generate", { model: "gpt-image-2", params: { prompt: "many", quantity: 9 } }, { key: h.gw.key });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: "QUANTITY_TOO_HIGH", error: expect.any(String), quantity: 9, max: 8 });
  });

  test("400 INVALID_PARAMS with one issue per field", async () => {
    const reply = await h.api.post("/api/estimate", { model: "gpt-image-2", params: { quality: "ultra" } }, { key: h.gw.key });
    expect(reply.status).toBe(400);
    expectErrorBody(reply.body, "INVALID_PARAMS");
    expect(reply.body.issues).toEqual(expect.arrayContaining([expect.objectContaining({ field: "prompt", reason: expect.any(String) })]));
  });

  test("400 BAD_REQUEST for a body that is not JSON, not an object, or has no model", async () => {
    for (const body of ["{not json", "", "[1,2]", "42", JSON.stringify({ params: { prompt: "x" } }), JSON.stringify({ model: 7 })]) {
      for (const path of ["/api/generate", "/api/estimate"]) {
        const reply = await h.api.post(path, body, { key: h.gw.key });
        expect(reply.status, `${path} ${body}`).toBe(400);
        expect(reply.body).toEqual({ error: expect.any(String), code: "BAD_REQUEST" });
      }
    }
  });

  test("400 BAD_REQUEST for an over-long Idempotency-Key", async () => {
    const reply = await h.api.post("/api/generate", IMAGE, { key: h.gw.key, headers: { "idempotency-key": "k".repeat(256) } });
    expect(reply.status).toBe(400);
    expectErrorBody(reply.body, "BAD_REQUEST");
  });

  test("402 INSUFFICIENT_BUDGET when even the cheapest downgrade does not fit, with cheapest_cost and remaining", async () => {
    const { key } = await h.gw.createKey({ dailyLimitUsd: 0.001 });
    const reply = await h.api.post("/api/generate", { model: "seedance-2.0", params: { prompt: "too dear" } }, { key });
    expect(reply.status).toBe(402);
    expect(reply.body).toMatchObject({ code: "INSUFFICIENT_BUDGET", error: expect.any(String), cheapest_cost: expect.any(Number), remaining: 0.001 });
  });

  test("404 MODEL_NOT_FOUND from generate and estimate, with suggestions", async () => {
    for (const path of ["/api/generate", "/api/estimate"]) {
      const reply = await h.api.post(path, { model: "seedance", params: { prompt: "x" } }, { key: h.gw.key });
      expect(reply.status).toBe(404);
      expect(reply.body).toMatchObject({ code: "MODEL_NOT_FOUND", error: expect.any(String), suggestions: ["seedance-2.0"] });
    }
  });

  test("404 TASK_NOT_FOUND for a task that does not exist", async () => {
    const reply = await h.api.get("/get/00000000-0000-4000-8000-000000000000", { key: h.gw.key });
    expect(reply.status).toBe(404);
    expect(reply.body).toMatchObject({ code: "TASK_NOT_FOUND", error: expect.any(String), task_id: "00000000-0000-4000-8000-000000000000" });
    expect((await h.api.get("/get/", { key: h.gw.key })).status).toBe(404);
    expect((await h.api.get("/get/a/b", { key: h.gw.key })).status).toBe(404);
  });

  test("429 RATE_LIMITED with Retry-After on the 6th request in 30 s; the refused request is not charged", async () => {
    const { key } = await h.gw.createKey();
    let used = 0;
    for (let i = 0; i < 5; i++) {
      const reply = await h.api.post("/api/generate", IMAGE, { key });
      expect(reply.status, `request ${i + 1}`).toBe(200);
      used += reply.body.cost;
    }
    const limited = await h.api.post("/api/generate", IMAGE, { key });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: "RATE_LIMITED", error: expect.any(String), reason: expect.stringMatching(/^(WINDOW|CONCURRENCY)$/) });
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(30);
    expect(limited.body.retry_after).toBe(retryAfter);
    const credits = await h.api.get("/credits", { key });
    expect(credits.body.your_budget.used).toBeCloseTo(used, 6);
  });

  test("413 PAYLOAD_TOO_LARGE for a JSON body over the cap, answered without reading it all", async () => {
    const huge = JSON.stringify({ model: "gpt-image-2", params: { prompt: "x", image: `data:image/png;base64,${"A".repeat(16 * 1024 * 1024)}` } });
    const reply = await h.api.post("/api/generate", huge, { key: h.gw.key });
    expect(reply.status).toBe(413);
    expect(reply.body).toMatchObject({ code: "PAYLOAD_TOO_LARGE", error: expect.any(String), max_bytes: expect.any(Number) });
  });

  test("a client that disconnects in the middle of its body leaves the gateway serving", async () => {
    const { port } = new URL(h.gw.url);
    const marker = randomUUID();
    // The gateway's own server says when it has this request, and then when the route is reading its body.
    const server = h.gw.gateway.server;
    const arrived = new Promise<IncomingMessage>((resolve) => {
      const onRequest = (req: IncomingMessage) => {
        if (req.headers["x-test-request"] !== marker) return;
        server.off("request", onRequest);
        resolve(req);
      };
      server.on("request", onRequest);
    });
    const socket = connect(Number(port), "127.0.0.1");
    socket.on("error", () => undefined);
    await once(socket, "connect");
    socket.write(
      `POST /api/estimate HTTP/1.1\r\nHost: x\r\nX-Test-Request: ${marker}\r\nAuthorization: Bearer ${h.gw.key}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"model":`,
    );
    const req = await arrived;
    await vi.waitFor(() => expect(req.readableFlowing).toBe(true), { timeout: 5_000, interval: 5 });
    // Not events.once: the request also emits "error" (aborted) on the way, which would reject it.
    const closed = new Promise<void>((resolve) => req.once("close", () => resolve()));
    socket.destroy();
    await closed;
    expect(req.complete).toBe(false);
    expect((await h.api.post("/api/estimate", IMAGE, { key: h.gw.key })).status).toBe(200);
  });
});
