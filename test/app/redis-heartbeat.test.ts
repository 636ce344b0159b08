// A gateway's limiter connection to Redis gone silent (a half-open TCP connection, here a proxy
// that stops forwarding) does not hang requests: its heartbeat drops it, and the limiter's command
// is sent again on a new connection.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { freezableProxy, type FreezableProxy } from "../support/redis-proxy.ts";
import { requireService, testRedisUrl } from "../support/services.ts";
import { startGateway, type TestGateway } from "../support/gateway.ts";

describe.skipIf(!requireService("redis"))("the limiter's Redis connection", () => {
  let proxy: FreezableProxy;
  beforeAll(async () => {
    proxy = await freezableProxy(new URL(testRedisUrl as string));
  });
  afterAll(async () => proxy?.close());
  let gw: TestGateway | undefined;
  afterEach(async () => gw?.close());

  it("answers a generation whose limits are checked on a connection gone silent", async () => {
    gw = await startGateway({ redis: true, env: { REDIS_URL: proxy.url }, redisHeartbeat: { everyMs: 50, timeoutMs: 200 }, driver: { enabled: false } });
    const generate = () =>
      fetch(`${gw!.url}/api/generate`, {
        method: "POST",
        headers: { authorization: `Bearer ${gw!.key}`, "content-type": "application/json" },
        body: JSON.stringify({ model: "gpt-image-2", params: { prompt: "p", quality: "low" } }),
        // A request held by the silent connection would wait for the system's keepalive: hours.
        signal: AbortSignal.timeout(5_000),
      });
    expect((await generate()).status).toBe(200);
    proxy.freeze();
    const answer = await generate();
    expect(answer.status).toBe(200);
    expect((await answer.json()).task_id).toEqual(expect.any(String));
  });
});
