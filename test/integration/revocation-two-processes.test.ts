/**
 * Revocation across processes: two gateway processes (`node --import tsx src/main.ts`) share one
 * PostgreSQL database and one Redis. A key's subscriptions on process B end, with the
 * UNAUTHORIZED (KEY_REVOKED) error, when an admin revokes the key on process A; none of the
 * key's later task events reaches them. Needs TEST_DATABASE_URL and TEST_REDIS_URL (CI has them).
 *
 * GATEAI_TIME_SCALE=100: a video takes 0.6-3 s, so the task is still running when the key is
 * revoked and finishes soon after.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { KEY_REVOKED_MESSAGE } from "../../src/graphql/plugins/shared-subscriptions.ts";
import { hashKey } from "../../src/services/keys.ts";
import { sse } from "../graphql/support/client.ts";
import { Cleanup, generate, postgresAndRedis, postgresDatabase, spawnGateway, sqlPool, tempDir, waitFor, watchTask, type ChildGateway } from "../lifecycle/support.ts";

const available = postgresAndRedis();
const ADMIN_TOKEN = "revocation-test-admin-token-0123456789";
const ME_UPDATED = /* GraphQL */ `subscription { meUpdated { __typename ... on Dashboard { activeTasks { id } } ... on Error { code } } }`;

describe.skipIf(!available)("revocation ends a key's live subscriptions in every process", () => {
  const cleanup = new Cleanup();
  const key = `sk-revoke_${randomBytes(24).toString("base64url")}`;
  let a: ChildGateway;
  let b: ChildGateway;
  let databaseUrl: string;

  beforeAll(async () => {
    databaseUrl = await postgresDatabase(cleanup);
    const dataDir = await tempDir(cleanup, "gateai-revoke-");
    const env = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: process.env.TEST_REDIS_URL!,
      GATEAI_API_KEYS: key,
      GATEAI_ADMIN_TOKEN: ADMIN_TOKEN,
      GATEAI_TIME_SCALE: "100",
      GATEAI_DATA_DIR: dataDir,
    };
    [a, b] = await Promise.all([spawnGateway(cleanup, env), spawnGateway(cleanup, env)]);
  }, 90_000);

  afterAll(() => cleanup.run(), 30_000);

  it("a subscriber on B ends with KEY_REVOKED when A revokes the key, and gets nothing after", async () => {
    const { taskId } = await generate(a.url, key, "veo-3.1-lite", { prompt: "a slow pan over hills" });
    // Each subscription answers at once (the task's current state, the dashboard): then it is live.
    const watch = watchTask(cleanup, b.url, key, taskId);
    await watch.until((e) => e.id === taskId, 10_000, "the task's current state");
    const dashboards = sse(b.url, ME_UPDATED, {}, { key });
    await dashboards.until((d) => d.length >= 1, "the first dashboard");

    const db = sqlPool(cleanup, databaseUrl);
    const { rows } = await db.query<{ id: string }>("SELECT id FROM api_keys WHERE hash = $1", [hashKey(key)]);
    const revoke = await fetch(`${a.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-admin-token": ADMIN_TOKEN },
      body: JSON.stringify({ query: "mutation ($id: ID!) { revokeApiKey(id: $id) { __typename } }", variables: { id: rows[0]!.id } }),
    });
    expect(((await revoke.json()) as { data: unknown }).data).toEqual({ revokeApiKey: { __typename: "ApiKey" } });

    const revokedError = [expect.objectContaining({ message: KEY_REVOKED_MESSAGE, extensions: { code: "UNAUTHORIZED", reason: "KEY_REVOKED" } })];
    await watch.completed;
    expect(watch.others.at(-1)).toEqual(revokedError);
    await vi.waitFor(() => expect(dashboards.completed).toBe(true));
    expect(dashboards.results.at(-1)).toEqual({ errors: revokedError });

    // The task runs on to its end (published by whichever process drives it); none of it arrives.
    const seen = { task: watch.events.length, dashboards: dashboards.results.length };
    await waitFor(
      "the task's final state",
      async () => {
        const { rows: tasks } = await db.query<{ status: string }>("SELECT status FROM tasks WHERE id = $1", [taskId]);
        return tasks[0]?.status === "FINISHED" || tasks[0]?.status === "FAILED";
      },
      30_000,
    );
    expect(watch.events.slice(seen.task)).toEqual([]);
    expect(dashboards.results.length).toBe(seen.dashboards);
  }, 60_000);
});
