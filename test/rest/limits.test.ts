import { expect, test } from "vitest";
import { manualClock } from "../../src/kernel/clock.ts";
import { describeOnEverySetup, expectErrorBody } from "./harness.ts";

const IMAGE = { model: "gpt-image-2", params: { prompt: "hold a slot" } };

// A hand-moved clock and no task driver: generations stay in flight until the clock says otherwise.
const clock = manualClock();

describeOnEverySetup("per-key limits over HTTP (manual clock, tasks held in flight)", { clock, driver: { enabled: false } }, (h) => {
  test("5 in flight: once the 30 s window has passed, the 6th is 429 CONCURRENCY until a slot auto-releases after 10 min", async () => {
    const { key } = await h.gw.createKey();
    for (let i = 0; i < 5; i++) expect((await h.api.post("/api/generate", IMAGE, { key })).status).toBe(200);

    clock.advance(31_000);
    const limited = await h.api.post("/api/generate", IMAGE, { key });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: "RATE_LIMITED", reason: "CONCURRENCY" });
    expectErrorBody(limited.body, "RATE_LIMITED");
    // The first slot frees 10 min after it was taken: 600 s - 31 s.
    expect(Number(limited.headers.get("retry-after"))).toBe(569);

    const me = await h.api.get(`/api/me?key=${key}`);
    expect(me.body.concurrency).toMatchObject({ used: 5, max: 5, available: 0 });
    expect(me.body.concurrency.active_slots).toHaveLength(5);
    for (const slot of me.body.concurrency.active_slots) expect(slot).toEqual({ taskId: expect.any(String), model: "gpt-image-2", elapsed: 31 });

    clock.advance(10 * 60_000);
    expect((await h.api.post("/api/generate", IMAGE, { key })).status).toBe(200);
  });

  test("the window counts requests, not slots: 5 per 30 s, then 429 WINDOW with the seconds until the oldest leaves", async () => {
    const { key, record } = await h.gw.createKey();
    for (let i = 0; i < 5; i++) {
      expect((await h.api.post("/api/generate", IMAGE, { key })).status).toBe(200);
      clock.advance(1_000);
    }
    // Free the slots as finished tasks do (no driver runs here), staying inside the window:
    // the oldest admission is 5 s old.
    for (const slot of (await h.api.get(`/api/me?key=${key}`)).body.concurrency.active_slots) await h.gw.limiter.release(record.id, slot.taskId);
    expect((await h.api.get(`/api/me?key=${key}`)).body.concurrency.used).toBe(0);
    const limited = await h.api.post("/api/generate", IMAGE, { key });
    expect(limited.status).toBe(429);
    expect(limited.body.reason).toBe("WINDOW");
    expect(Number(limited.headers.get("retry-after"))).toBe(25);
  });
});
