// One gateway per test file and setup: PGlite with in-process limits and pub/sub always;
// PostgreSQL + Redis when TEST_DATABASE_URL and TEST_REDIS_URL are set (required in CI).
import type { Client as WsClient } from "graphql-ws";
import { afterAll, afterEach, beforeAll, describe, expect } from "vitest";
import { manualClock } from "../../../src/kernel/clock.ts";
import { gatewaySetups, startGateway, type TestGateway } from "../../support/gateway.ts";
import { graphqlHttp, wsClient, type GraphQLHttp } from "./client.ts";

export interface Harness {
  gw: TestGateway;
  gql: GraphQLHttp;
  /** A graphql-ws client with `authorization` in connectionParams (and `headers` on its upgrade request); disposed after the test. */
  ws(authorization?: string, headers?: Record<string, string>): WsClient;
  /** Manual time only: the gateway's clock. */
  clock: ReturnType<typeof manualClock>;
  /**
   * Manual time only: moves the clock by `stepMs` and runs one driver tick, again and again,
   * until every task is FINISHED or FAILED; returns their statuses.
   */
  drive(tasks: readonly { key: string; id: string }[], stepMs?: number): Promise<string[]>;
}

/** Simulated generations in milliseconds (images 10-30 ms, videos 60-300 ms, 3D 30-120 ms). */
export const FAST = { GATEAI_TIME_SCALE: "1000" } as const;

export const ADMIN_TOKEN = "graphql-test-admin-token-0123456789";

export interface SuiteOptions {
  /** More gateway environment (GATEAI_TIME_SCALE defaults to 1000). */
  readonly env?: Record<string, string>;
  /**
   * A hand-moved clock and no background task driver: time passes only in `drive()`, so every
   * transition is the test's. Without it, a loaded machine can hold a task past its (time-scaled)
   * refund deadline: at scale 1000, 20 min are 1.2 s of real time.
   */
  readonly manualTime?: boolean;
}

const TASK_STATUS = /* GraphQL */ `query TaskStatus($id: ID!) { task(id: $id) { __typename ... on Task { id status } ... on Error { code } } }`;

/** Defines the suite once per available setup; `harness` is filled in before the first test. */
export function describeOnEverySetup(title: string, options: SuiteOptions, define: (harness: Harness) => void): void {
  for (const setup of gatewaySetups()) {
    describe.skipIf(!setup.available)(`${title} [${setup.name}]`, () => {
      const clients: WsClient[] = [];
      const clock = manualClock(Date.now());
      const harness: Harness = {
        gw: undefined as unknown as TestGateway,
        gql: undefined as unknown as GraphQLHttp,
        clock,
        ws(authorization?: string, headers?: Record<string, string>) {
          const client = wsClient(harness.gw.url, authorization, headers);
          clients.push(client);
          return client;
        },
        async drive(tasks, stepMs = 1) {
          if (!options.manualTime) throw new Error("drive() needs a suite with manualTime");
          for (let i = 0; i < 2_000; i++) {
            const statuses = await Promise.all(tasks.map(async ({ key, id }) => (await harness.gql.data(TASK_STATUS, { id }, { key })).task.status as string));
            if (statuses.every((s) => s === "FINISHED" || s === "FAILED")) return statuses;
            clock.advance(stepMs);
            await harness.gw.gateway.driver.tick();
          }
          throw new Error("tasks did not finish after 2000 ticks");
        },
      };
      beforeAll(async () => {
        harness.gw = await startGateway({
          ...setup.options,
          env: { ...FAST, ...options.env },
          ...(options.manualTime ? { clock, driver: { enabled: false } } : {}),
        });
        harness.gql = graphqlHttp(harness.gw.url);
      });
      afterEach(async () => {
        await Promise.all(clients.splice(0).map((client) => client.dispose()));
      });
      afterAll(async () => {
        await harness.gw?.close();
      });
      define(harness);
    });
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const GENERATE_RAW = /* GraphQL */ `mutation GenerateRaw($model: String!, $params: JSON) {
  generate(input: { raw: { model: $model, params: $params } }) {
    __typename
    ... on GenerateSuccess { cost task { id model status } }
    ... on Error { code message }
  }
}`;

/** Starts a generation that must be accepted; returns its task id and cost. */
export async function generate(
  gql: GraphQLHttp,
  key: string,
  model = "gpt-image-2",
  params: Record<string, unknown> = { prompt: "a lighthouse at dusk" },
): Promise<{ id: string; cost: number }> {
  const { generate: result } = await gql.data(GENERATE_RAW, { model, params }, { key });
  expect(result.__typename, JSON.stringify(result)).toBe("GenerateSuccess");
  return { id: result.task.id as string, cost: result.cost as number };
}
