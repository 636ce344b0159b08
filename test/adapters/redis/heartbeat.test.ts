// The heartbeat of a Redis connection: a connection gone silent (a half-open TCP connection, here
// a proxy that stops forwarding) would hold every command sent on it until the system's keepalive
// noticed, hours later. The heartbeat drops it, and ioredis sends the command again on a new one.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { heartbeat } from "../../../src/adapters/redis/heartbeat.ts";
import { freezableProxy, type FreezableProxy } from "../../support/redis-proxy.ts";
import { requireService, testRedisUrl, uniquePrefix } from "../../support/services.ts";

describe.skipIf(!requireService("redis"))("Redis connection heartbeat", () => {
  let proxy: FreezableProxy;
  beforeAll(async () => {
    proxy = await freezableProxy(new URL(testRedisUrl as string));
  });
  afterAll(async () => proxy?.close());

  it("answers a command sent on a connection gone silent: the connection is dropped and the command sent again on a new one", async () => {
    const client = new Redis(proxy.url, { maxRetriesPerRequest: 2, connectionName: `test-${randomUUID()}` });
    let closed = false;
    const timer = heartbeat(client, { everyMs: 50, timeoutMs: 200 }, () => closed);
    const key = `${uniquePrefix()}heartbeat`;
    try {
      await client.set(key, "before");
      const connections: number[] = [];
      client.on("ready", () => connections.push(Date.now()));
      proxy.freeze();
      // Sent into the silence: no answer can come on this connection.
      const answer = client.get(key);
      expect(await answer).toBe("before");
      expect(connections).toHaveLength(1);
      await client.del(key);
    } finally {
      closed = true;
      clearInterval(timer);
      client.disconnect();
    }
  });
});
