// One gateway per test file and setup (PGlite always; PostgreSQL + Redis when configured).
import { afterAll, beforeAll, describe, expect } from "vitest";
import { gatewaySetups, startGateway, type StartGatewayOptions, type TestGateway } from "../support/gateway.ts";
import { client, sleep, type Client } from "./http.ts";

export interface Harness {
  gw: TestGateway;
  api: Client;
}

/** Defines the same suite once per setup; `harness` is filled in before the first test runs. */
export function describeOnEverySetup(title: string, options: Omit<StartGatewayOptions, "postgres" | "redis">, define: (harness: Harness) => void): void {
  for (const setup of gatewaySetups()) {
    describe.skipIf(!setup.available)(`${title} [${setup.name}]`, () => {
      const harness = {} as Harness;
      beforeAll(async () => {
        harness.gw = await startGateway({ ...setup.options, ...options });
        harness.api = client(harness.gw.url);
      });
      afterAll(async () => {
        await harness.gw?.close();
      });
      define(harness);
    });
  }
}

/** Fast simulated generations (images in ~10-30 ms, videos in ~60-300 ms). */
export const FAST = { GATEAI_TIME_SCALE: "1000" } as const;

/** Polls GET /get/{id} until the task is FINISHED or FAILED (or the time is up). */
export async function waitForFinalTask(api: Client, key: string, taskId: string, timeoutMs = 15_000): Promise<Record<string, any>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reply = await api.get(`/get/${taskId}`, { key });
    expect(reply.status).toBe(200);
    if (reply.body.status === "FINISHED" || reply.body.status === "FAILED") return reply.body;
    if (Date.now() > deadline) throw new Error(`task ${taskId} still ${reply.body.status} after ${timeoutMs} ms`);
    await sleep(25);
  }
}

/** The `{error, code}` body every failure has, with the code expected. */
export function expectErrorBody(body: unknown, code: string): void {
  expect(body).toMatchObject({ code, error: expect.any(String) });
}
