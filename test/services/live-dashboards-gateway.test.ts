// meUpdated derived from the key's events (src/services/live-dashboards.ts), against a fresh read:
// after each step of generate / progress / finish / fail with refund / limit change, the last
// dashboard the subscription delivered equals what `me` reads from the database then; and the
// feed read the database once per new task, never for a progress step or a final state.
// Manual time and no background driver: every transition is the test's.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createSimulatedProvider } from "../../src/adapters/providers/simulated-provider.ts";
import { manualClock } from "../../src/kernel/clock.ts";
import type { Provider } from "../../src/services/ports/provider.ts";
import { gatewaySetups, startGateway, type TestGateway } from "../support/gateway.ts";
import { graphqlHttp, record, wsClient, type GraphQLHttp } from "../graphql/support/client.ts";
import { generate } from "../graphql/support/harness.ts";

const ADMIN_TOKEN = "live-dashboards-admin-token-0123456789";
const FAIL_PROMPT = "this one fails";

const TASK = `id status progress cost chargedCost refunded result`;
const DASHBOARD = /* GraphQL */ `
  budget { dailyLimit used remaining resetsAt }
  concurrency { used max available activeSlots { taskId model } }
  activeTasks { ${TASK} }
  recentTasks { ${TASK} }
  todaySpending { model requests cost }`;
const ME = `query { me { __typename ... on Dashboard { ${DASHBOARD} } } }`;
const ME_UPDATED = `subscription { meUpdated { __typename ... on Dashboard { ${DASHBOARD} } } }`;
const SET_LIMIT = `mutation ($id: ID!, $limit: Float) { setDailyLimit(id: $id, dailyLimit: $limit) { __typename } }`;

/** The simulation, except that a task prompted FAIL_PROMPT fails for good (and is refunded). */
function failingOnRequest(): Provider {
  const simulated = createSimulatedProvider({ timeScale: 1000, failureRate: 0, stallRate: 0 });
  return {
    poll: (job, now) =>
      job.params.prompt === FAIL_PROMPT ? Promise.resolve({ state: "failed", error: "refused by the test", retryable: false }) : simulated.poll(job, now),
  };
}

for (const setup of gatewaySetups()) {
  describe.skipIf(!setup.available)(`meUpdated derived from events [${setup.name}]`, () => {
    const clock = manualClock(Date.now());
    let gw: TestGateway;
    let gql: GraphQLHttp;
    beforeAll(async () => {
      gw = await startGateway({ ...setup.options, env: { GATEAI_TIME_SCALE: "1000", GATEAI_ADMIN_TOKEN: ADMIN_TOKEN }, clock, driver: { enabled: false }, provider: failingOnRequest() });
      gql = graphqlHttp(gw.url);
    });
    afterAll(() => gw?.close());

    /** Moves time and ticks the driver until the task is final. */
    async function drive(keyRecord: Parameters<TestGateway["services"]["tasks"]["get"]>[0], id: string): Promise<string> {
      for (let i = 0; i < 2_000; i++) {
        const found = await gw.services.tasks.get(keyRecord, id);
        if (found.ok && (found.value.status === "FINISHED" || found.value.status === "FAILED")) return found.value.status;
        clock.advance(2);
        await gw.gateway.driver.tick();
      }
      throw new Error("the task did not end");
    }

    it("delivers after every step the dashboard a fresh read gives, reading the database only for new tasks and refunds of today's charges", async () => {
      const { key, record: keyRecord } = await gw.createKey({ dailyLimitUsd: 5 });
      const client = wsClient(gw.url, `Bearer ${key}`);
      try {
        const dashboards = record(client, ME_UPDATED);
        // `me` reads too: the feed's reads are the others.
        let freshReads = 0;
        const fresh = async () => (freshReads++, (await gql.data(ME, {}, { key })).me);
        const feedReads = () => reads.mock.calls.filter(([read]) => read.id === keyRecord.id).length - freshReads;
        /** Waits for a dashboard that `holds`, then checks it is the one a fresh read gives. */
        const matches = async (holds: (dashboard: any) => boolean, what: string) => {
          const seen = await dashboards.until((d) => d.length > 0 && holds(d.at(-1).meUpdated), what);
          expect(seen.at(-1).meUpdated).toEqual(await fresh());
        };
        await matches(() => true, "the first dashboard");
        const reads = vi.spyOn(gw.services.account, "dashboard");
        freshReads = 0;

        // A 3D task: PROCESSING and nine PROGRESS steps before FINISHED.
        const { id: finishing } = await generate(gql, key, "rodin-v2", {});
        await matches((d) => d.activeTasks.some((t: any) => t.id === finishing), "the new task in flight");
        expect(feedReads()).toBe(1);
        const before = dashboards.results.length;
        expect(await drive(keyRecord, finishing)).toBe("FINISHED");
        await matches((d) => d.recentTasks.some((t: any) => t.id === finishing && t.status === "FINISHED"), "the task finished");
        // Steps were delivered (a reader gets the latest dashboard, so some may be skipped); none read.
        expect(dashboards.results.length).toBeGreaterThan(before);
        expect(feedReads()).toBe(1);

        const { id: failing } = await generate(gql, key, "gpt-image-2", { prompt: FAIL_PROMPT });
        await matches((d) => d.activeTasks.some((t: any) => t.id === failing), "the failing task in flight");
        expect(await drive(keyRecord, failing)).toBe("FAILED");
        await matches((d) => d.recentTasks.some((t: any) => t.id === failing && t.refunded), "the task failed and refunded");
        // The new task, and its refund: a refund of today's charge is read, not subtracted.
        expect(feedReads()).toBe(3);

        await gql.data(SET_LIMIT, { id: keyRecord.id, limit: 0.5 }, { headers: { "x-admin-token": ADMIN_TOKEN } });
        await matches((d) => d.budget.dailyLimit === 0.5, "the new daily limit");
        expect(feedReads()).toBe(3);
        reads.mockRestore();
      } finally {
        await client.dispose();
      }
    });

    it("serves every meUpdated of a key from one feed: four hundred subscribers, one read", async () => {
      const { key, record: keyRecord } = await gw.createKey();
      const clients = Array.from({ length: 4 }, () => wsClient(gw.url, `Bearer ${key}`));
      const reads = vi.spyOn(gw.services.account, "dashboard");
      try {
        const all = clients.flatMap((client) => Array.from({ length: 100 }, () => record(client, ME_UPDATED)));
        await Promise.all(all.map((r) => r.until((d) => d.length >= 1, "the first dashboard")));
        expect(gw.services.dashboards.open()).toBeGreaterThanOrEqual(1);
        expect(reads.mock.calls.filter(([read]) => read.id === keyRecord.id)).toHaveLength(1);
      } finally {
        reads.mockRestore();
        await Promise.all(clients.map((client) => client.dispose()));
      }
    });
  });
}
