/**
 * A gateway whose Redis or PostgreSQL goes down: money fails closed (nothing charged, no limit
 * bypassed), every face answers 503 SERVICE_UNAVAILABLE with Retry-After instead of a 500 or a
 * hang, /readyz says which service is down, and the gateway serves again once the service is
 * back, without a restart. Runs on its own PostgreSQL cluster and redis-server (the harness of
 * `npm run chaos`), never the shared ones: stopping those would break other tests.
 */
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresCluster, createRedisServer, type PostgresCluster, type RedisServer } from "../../bench/chaos/cluster.ts";
import { startGateway, type TestGateway } from "../support/gateway.ts";

const available = existsSync("/usr/lib/postgresql/15/bin/initdb") && spawnSync("redis-server", ["--version"]).status === 0;

describe.skipIf(!available)("while Redis or PostgreSQL is down", () => {
  let postgres: PostgresCluster;
  let redis: RedisServer;
  let gw: TestGateway;
  beforeAll(async () => {
    postgres = await createPostgresCluster();
    redis = await createRedisServer();
    gw = await startGateway({ env: { DATABASE_URL: postgres.url, REDIS_URL: redis.url } });
  }, 90_000);
  afterAll(async () => {
    await gw?.close();
    await redis?.destroy();
    postgres?.destroy();
  }, 30_000);

  const generate = async () => {
    const response = await fetch(`${gw.url}/api/generate`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${gw.key}` },
      body: JSON.stringify({ model: "flux-dev", params: { prompt: "a fox" } }),
      signal: AbortSignal.timeout(20_000),
    });
    return { status: response.status, retryAfter: response.headers.get("retry-after"), body: (await response.json()) as Record<string, unknown> };
  };
  const graphqlCredits = async () => {
    const response = await fetch(`${gw.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${gw.key}` },
      body: JSON.stringify({ query: "{ credits { __typename ... on Credits { yourBudget { used } } } }" }),
      signal: AbortSignal.timeout(20_000),
    });
    return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] } };
  };
  const readiness = async () => {
    const response = await fetch(`${gw.url}/readyz`, { signal: AbortSignal.timeout(20_000) });
    return { status: response.status, body: (await response.json()) as { checks: Record<string, string> } };
  };
  const used = async () => {
    const response = await fetch(`${gw.url}/credits`, { headers: { authorization: `Bearer ${gw.key}` } });
    return ((await response.json()) as { your_budget: { used: number } }).your_budget.used;
  };

  it("Redis down: generation refused with 503 and Retry-After, nothing charged; readiness names Redis; served again once it is back", async () => {
    expect((await generate()).status).toBe(200);
    const before = await used();
    await redis.stop();
    try {
      const refused = await generate();
      expect(refused).toMatchObject({ status: 503, retryAfter: "5", body: { code: "SERVICE_UNAVAILABLE" } });
      expect(await used()).toBe(before);
      const ready = await readiness();
      expect(ready.status).toBe(503);
      expect(ready.body.checks.redis).toMatch(/^unreachable/);
      expect(ready.body.checks.database).toBe("ok");
    } finally {
      await redis.start();
    }
    await expect.poll(async () => (await generate()).status, { timeout: 15_000, interval: 250 }).toBe(200);
    expect((await readiness()).status).toBe(200);
  }, 60_000);

  it("PostgreSQL down: REST and GraphQL answer 503 SERVICE_UNAVAILABLE; readiness names the database; served again once it is back", async () => {
    postgres.stop();
    try {
      expect(await generate()).toMatchObject({ status: 503, retryAfter: "5", body: { code: "SERVICE_UNAVAILABLE" } });
      const credits = await graphqlCredits();
      expect(credits.status).toBe(503);
      expect(credits.body.errors?.[0]?.extensions?.code).toBe("SERVICE_UNAVAILABLE");
      const ready = await readiness();
      expect(ready.status).toBe(503);
      expect(ready.body.checks.database).toMatch(/^unreachable/);
    } finally {
      postgres.start();
    }
    await expect.poll(async () => (await generate()).status, { timeout: 20_000, interval: 250 }).toBe(200);
    expect((await graphqlCredits()).status).toBe(200);
    expect((await readiness()).status).toBe(200);
  }, 60_000);
});
