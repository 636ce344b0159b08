// Subscriptions over graphql-ws (a real WebSocket to /graphql, auth in connectionParams).
// Manual time: the test makes every transition itself (one driver tick per millisecond or two of
// simulated time), so the events are exact, not sampled.
import { randomUUID } from "node:crypto";
import type { Client } from "graphql-ws";
import { expect, it, vi } from "vitest";
import type { TestKey } from "../support/gateway.ts";
import { Recording, record } from "./support/client.ts";
import { describeOnEverySetup, generate, type Harness } from "./support/harness.ts";
import { EVENT_PARAMS_MAX, type TaskEvent } from "../../src/domain/task-events.ts";

const TASK_FIELDS = /* GraphQL */ `id model status progress cost result glbUrls error`;

const TASK_UPDATED = /* GraphQL */ `
  subscription TaskUpdated($id: ID!) {
    taskUpdated(id: $id) {
      __typename
      ... on TaskUpdate { type task { ${TASK_FIELDS} } }
      ... on Error { code message }
    }
  }
`;

const MY_TASKS = /* GraphQL */ `
  subscription MyTasks {
    myTasks {
      __typename
      ... on TaskUpdate { type task { ${TASK_FIELDS} } }
      ... on Error { code message }
    }
  }
`;

const MY_TASKS_PARAMS = /* GraphQL */ `
  subscription MyTasksParams {
    myTasks {
      __typename
      ... on TaskUpdate { type task { id status params requestParams } }
      ... on Error { code message }
    }
  }
`;

const ME_UPDATED = /* GraphQL */ `
  subscription MeUpdated {
    meUpdated {
      __typename
      ... on Dashboard {
        budget { used remaining }
        concurrency { used available activeSlots { taskId } }
        activeTasks { id status }
        recentTasks { id status }
        todaySpending { model requests cost }
      }
      ... on Error { code message }
    }
  }
`;

interface Update {
  __typename: string;
  type?: string;
  code?: string;
  task?: { id: string; status: string; progress: number; result: string[]; glbUrls: string[] };
}

const DECILES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

// GATEAI_TRUST_PROXY=1: connections tell their origin with X-Forwarded-Host (the per-origin test).
describeOnEverySetup("GraphQL subscriptions over graphql-ws", { manualTime: true, env: { GATEAI_TRUST_PROXY: "1" } }, (h: Harness) => {
  const updates = (recording: Recording, field: string): Update[] => recording.data.map((d) => d[field] as Update);

  it("taskUpdated sends the current state first, then PROCESSING, every PROGRESS step and FINISHED with absolute result URLs, then completes", async () => {
    const { key } = await h.gw.createKey();
    // rodin-v2 (3D): 30-120 ms at time scale 1000; a tick every 2 ms sees every 10% step.
    const { id } = await generate(h.gql, key, "rodin-v2", {});
    const subscription = record(h.ws(`Bearer ${key}`), TASK_UPDATED, { id });
    const [first] = await subscription.until((d) => d.length >= 1, "the current state");
    expect(first.taskUpdated).toMatchObject({ __typename: "TaskUpdate", type: "QUEUED", task: { id, status: "QUEUED", progress: 0, result: [] } });

    await h.drive([{ key, id }], 2);
    const events = (await subscription.done()).map((d) => d.taskUpdated as Update);

    expect(events.map((e) => e.type)).toEqual(["QUEUED", "PROCESSING", ...DECILES.map(() => "PROGRESS"), "FINISHED"]);
    expect(events.map((e) => e.task!.status)).toEqual(["QUEUED", "PROCESSING", ...DECILES.map(() => "PROCESSING"), "FINISHED"]);
    expect(events.map((e) => e.task!.progress)).toEqual([0, 0, ...DECILES, 1]);

    const finished = events.at(-1)!.task!;
    expect(finished.result.length).toBeGreaterThan(0);
    expect(finished.glbUrls.length).toBeGreaterThan(0);
    for (const url of [...finished.result, ...finished.glbUrls]) expect(url.startsWith(`${h.gw.baseUrl}/files/${id}/`), url).toBe(true);
    expect(finished.glbUrls.every((url) => url.endsWith(".glb"))).toBe(true);
    const download = await fetch(finished.glbUrls[0]!);
    expect(download.status).toBe(200);
    expect((await download.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });

  it("taskUpdated on a task that already finished sends its final state at once and completes", async () => {
    const { key } = await h.gw.createKey();
    const { id } = await generate(h.gql, key);
    await h.drive([{ key, id }]);

    // connectionParams.authorization takes the header's rule: the scheme in any case.
    const events = updates(await settle(record(h.ws(`bearer ${key}`), TASK_UPDATED, { id })), "taskUpdated");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ __typename: "TaskUpdate", type: "FINISHED", task: { id, status: "FINISHED", progress: 1 } });
    expect(events[0]!.task!.result.every((url) => url.startsWith(`${h.gw.baseUrl}/files/${id}/`))).toBe(true);
  });

  it("taskUpdated answers TaskNotFound for another key's task, and completes", async () => {
    const owner = await h.gw.createKey();
    const stranger = await h.gw.createKey();
    const { id } = await generate(h.gql, owner.key);
    const events = updates(await settle(record(h.ws(`Bearer ${stranger.key}`), TASK_UPDATED, { id })), "taskUpdated");
    expect(events).toEqual([{ __typename: "TaskNotFound", code: "TASK_NOT_FOUND", message: expect.any(String) }]);
  });

  it("myTasks sees every transition of the key's own tasks and nothing of another key's", async () => {
    const mine = await h.gw.createKey();
    const other = await h.gw.createKey();
    const feed = record(h.ws(`Bearer ${mine.key}`), MY_TASKS);
    await untilLive(h, feed, mine);

    const { id } = await generate(h.gql, mine.key);
    const foreign = await generate(h.gql, other.key);
    await h.drive([
      { key: mine.key, id },
      { key: other.key, id: foreign.id },
    ]);
    await feed.until((d) => d.some((e) => e.myTasks.task.id === id && e.myTasks.type === "FINISHED"), "FINISHED of the task");
    // A barrier, not a pause: one more task of this key, started after the other key's task
    // finished. Its events are published after all of that task's, so a stray one (were it
    // wrongly routed here) would arrive before the barrier's FINISHED.
    const barrier = await generate(h.gql, mine.key, "gpt-image-2", { prompt: "barrier" });
    await h.drive([{ key: mine.key, id: barrier.id }]);
    await feed.until((d) => d.some((e) => e.myTasks.task.id === barrier.id && e.myTasks.type === "FINISHED"), "FINISHED of the barrier task");

    const events = updates(feed, "myTasks");
    expect(events.every((e) => e.__typename === "TaskUpdate")).toBe(true);
    expect(events.some((e) => e.task!.id === foreign.id)).toBe(false);
    const ofTask = events.filter((e) => e.task!.id === id);
    expect(ofTask.map((e) => e.type)).toEqual(["QUEUED", "PROCESSING", ...DECILES.map(() => "PROGRESS"), "FINISHED"]);
    expect(ofTask.map((e) => e.task!.progress)).toEqual([0, 0, ...DECILES, 1]);
    expect(feed.completed).toBe(false);
  });

  it("leaves params over an event's bound out of the task's events, and myTasks still answers them, read from the task's row", async () => {
    const mine = await h.gw.createKey();
    const feed = record(h.ws(`Bearer ${mine.key}`), MY_TASKS_PARAMS);
    await untilLive(h, feed, mine);
    const published = h.gw.services.pubsub.subscribe("keyTasks", mine.record.id);
    const large = { prompt: "a dune at noon", motion_strength: { note: "x".repeat(EVENT_PARAMS_MAX) } };
    const small = { prompt: "a dune at dusk" };
    const big = await generate(h.gql, mine.key, "cortex_1.0", large);
    const little = await generate(h.gql, mine.key, "cortex_1.0", small);
    const carried = new Map<string, TaskEvent>();
    for (let i = 0; carried.size < 2 && i < 20; i++) {
      const event = (await published.next()).value as TaskEvent;
      if (event.task.id === big.id || event.task.id === little.id) carried.set(event.task.id, event);
    }
    await published.return?.();
    expect(carried.get(big.id)?.task).not.toHaveProperty("params");
    expect(carried.get(big.id)?.task).not.toHaveProperty("requestParams");
    expect(carried.get(little.id)?.task).toMatchObject({ params: small, requestParams: small });

    await h.drive([
      { key: mine.key, id: big.id },
      { key: mine.key, id: little.id },
    ]);
    const finished = (d: any[], id: string) => d.some((e) => e.myTasks.task.id === id && e.myTasks.type === "FINISHED");
    await feed.until((d) => finished(d, big.id) && finished(d, little.id), "FINISHED of both tasks");
    for (const [id, sent] of [
      [big.id, large],
      [little.id, small],
    ] as const) {
      const told = feed.data.map((d) => d.myTasks).filter((u) => u.task.id === id);
      expect(told.map((u) => u.type)).toEqual(["QUEUED", "PROCESSING", ...DECILES.map(() => "PROGRESS"), "FINISHED"]);
      for (const update of told) {
        expect(update.task.requestParams).toEqual(sent);
        expect(update.task.params).toMatchObject(sent);
      }
    }

    // Params that cannot be read (here: a task with no row) are that update's field error, and
    // the feed goes on with the next event.
    const unreadable = randomUUID();
    const next = randomUUID();
    await h.gw.services.pubsub.publish("keyTasks", mine.record.id, { type: "PROCESSING", task: Object.assign({}, carried.get(big.id)!.task, { id: unreadable }) });
    await h.gw.services.pubsub.publish("keyTasks", mine.record.id, { type: "PROCESSING", task: Object.assign({}, carried.get(little.id)!.task, { id: next }) });
    await vi.waitFor(() => expect(feed.results.some((r) => (r.data?.myTasks as { task?: { id: string } } | null)?.task?.id === next)).toBe(true), { timeout: 5_000 });
    const failed = feed.results.find((r) => r.errors !== undefined);
    expect(failed?.errors?.[0]).toMatchObject({ path: ["myTasks", "task", "params"], extensions: { code: "SERVICE_UNAVAILABLE" } });
    expect(feed.completed).toBe(false);
  });

  it("one key's connections with different origins each get result URLs of their own: results are shared only within an audience", async () => {
    const mine = await h.gw.createKey();
    const hosts = ["a.example", "b.example"];
    const feeds = hosts.map((host) => record(h.ws(`Bearer ${mine.key}`, { "x-forwarded-host": host, "x-forwarded-proto": "https" }), MY_TASKS));
    for (const feed of feeds) await untilLive(h, feed, mine);

    const { id } = await generate(h.gql, mine.key);
    await h.drive([{ key: mine.key, id }]);
    const finishedOf = (d: any[]) => d.find((e) => e.myTasks.task.id === id && e.myTasks.type === "FINISHED");
    const results = await Promise.all(feeds.map(async (feed) => finishedOf(await feed.until((d) => finishedOf(d) !== undefined, "FINISHED of the task")).myTasks.task.result as string[]));
    hosts.forEach((host, i) => {
      expect(results[i]!.length).toBeGreaterThan(0);
      for (const url of results[i]!) expect(url.startsWith(`https://${host}/files/${id}/`), url).toBe(true);
    });
  });

  it("a late event (QUEUED arriving after PROCESSING, as from another process) is dropped: no feed shows a task going back", async () => {
    const mine = await h.gw.createKey();
    const feed = record(h.ws(`Bearer ${mine.key}`), MY_TASKS);
    await untilLive(h, feed, mine);
    const published = h.gw.services.pubsub.subscribe("keyTasks", mine.record.id);

    const { id } = await generate(h.gql, mine.key);
    const queued = (await published.next()).value;
    await published.return?.();
    expect(queued).toMatchObject({ type: "QUEUED", task: { id } });
    const watch = record(h.ws(`Bearer ${mine.key}`), TASK_UPDATED, { id });
    await watch.until((d) => d.length >= 1, "the current state");

    h.clock.advance(1);
    await h.gw.gateway.driver.tick();
    await feed.until((d) => d.some((e) => e.myTasks.task.id === id && e.myTasks.type === "PROCESSING"), "PROCESSING on myTasks");
    await watch.until((d) => d.some((e) => e.taskUpdated.type === "PROCESSING"), "PROCESSING on taskUpdated");
    await h.gw.services.pubsub.publish("keyTasks", mine.record.id, queued);

    await h.drive([{ key: mine.key, id }]);
    await feed.until((d) => d.some((e) => e.myTasks.task.id === id && e.myTasks.type === "FINISHED"), "FINISHED of the task");
    const life = ["QUEUED", "PROCESSING", ...DECILES.map(() => "PROGRESS"), "FINISHED"];
    expect(updates(feed, "myTasks").filter((e) => e.task!.id === id).map((e) => e.type)).toEqual(life);
    expect((await watch.done()).map((d) => (d.taskUpdated as Update).type)).toEqual(life);
  });

  it("an event repeated or late after a task's final state (a relay publishing again after a kill) is dropped: the feed shows the end once", async () => {
    const mine = await h.gw.createKey();
    const feed = record(h.ws(`Bearer ${mine.key}`), MY_TASKS);
    await untilLive(h, feed, mine);
    const published = h.gw.services.pubsub.subscribe("keyTasks", mine.record.id);
    const { id } = await generate(h.gql, mine.key);
    await h.drive([{ key: mine.key, id }]);
    await feed.until((d) => d.some((e) => e.myTasks.task.id === id && e.myTasks.type === "FINISHED"), "FINISHED of the task");
    const events: any[] = [];
    for (let next = await published.next(); ; next = await published.next()) {
      events.push(next.value);
      if (next.value.type === "FINISHED") break;
    }
    await published.return?.();
    await h.gw.services.pubsub.publish("keyTasks", mine.record.id, events.at(-1));
    await h.gw.services.pubsub.publish("keyTasks", mine.record.id, events.find((e) => e.type === "PROCESSING"));
    // Another task's end, as a marker that the two publishes above have been through the feed.
    const marker = await generate(h.gql, mine.key);
    await h.drive([{ key: mine.key, id: marker.id }]);
    await feed.until((d) => d.some((e) => e.myTasks.task.id === marker.id && e.myTasks.type === "FINISHED"), "FINISHED of the marker");
    const life = ["QUEUED", "PROCESSING", ...DECILES.map(() => "PROGRESS"), "FINISHED"];
    expect(updates(feed, "myTasks").filter((e) => e.task!.id === id).map((e) => e.type)).toEqual(life);
  });

  it("meUpdated sends the dashboard at once, then a new one after each change of a generation", async () => {
    const { key } = await h.gw.createKey();
    const dashboards = record(h.ws(`Bearer ${key}`), ME_UPDATED);
    const [initial] = await dashboards.until((d) => d.length >= 1, "the first dashboard");
    expect(initial.meUpdated).toMatchObject({
      __typename: "Dashboard",
      budget: { used: 0, remaining: 100 },
      concurrency: { used: 0, available: 5 },
      activeTasks: [],
      recentTasks: [],
      todaySpending: [],
    });

    const { id, cost } = await generate(h.gql, key);
    const accepted = await dashboards.until((d) => d.some((e) => e.meUpdated.activeTasks.length === 1), "a dashboard with the task in flight");
    expect(accepted.find((e) => e.meUpdated.activeTasks.length === 1)!.meUpdated).toMatchObject({
      budget: { used: cost },
      concurrency: { used: 1, available: 4, activeSlots: [{ taskId: id }] },
      activeTasks: [{ id, status: "QUEUED" }],
      todaySpending: [{ model: "gpt-image-2", requests: 1, cost }],
    });

    await h.drive([{ key, id }]);
    const after = await dashboards.until((d) => d.at(-1)!.meUpdated.recentTasks.length === 1, "a dashboard with the task finished");
    expect(after.at(-1)!.meUpdated).toMatchObject({ budget: { used: cost }, activeTasks: [], recentTasks: [{ id, status: "FINISHED" }] });

    // The finished task's slot is free: the next dashboard counts only the next task's.
    const next = await generate(h.gql, key);
    const later = await dashboards.until((d) => d.some((e) => e.meUpdated.activeTasks.some((t: { id: string }) => t.id === next.id)), "a dashboard with the next task");
    expect(later.at(-1)!.meUpdated.concurrency).toEqual({ used: 1, available: 4, activeSlots: [{ taskId: next.id }] });
    expect(dashboards.completed).toBe(false);
  });

  it("meUpdated's dashboard after FINISHED already shows the task's concurrency slot free", async () => {
    const { key } = await h.gw.createKey();
    const dashboards = record(h.ws(`Bearer ${key}`), ME_UPDATED);
    await dashboards.until((d) => d.length >= 1, "the first dashboard");
    const { id } = await generate(h.gql, key);
    await h.drive([{ key, id }]);
    const after = await dashboards.until((d) => d.at(-1)!.meUpdated.recentTasks.length === 1, "a dashboard with the task finished");
    expect(after.at(-1)!.meUpdated.concurrency).toEqual({ used: 0, available: 5, activeSlots: [] });
  });

  it("answers a malformed or invalid subscription with GraphQL errors, leaving the connection's other subscriptions live", async () => {
    const { key } = await h.gw.createKey();
    const client = h.ws(`Bearer ${key}`);
    const dashboards = record(client, ME_UPDATED);
    await dashboards.until((d) => d.length >= 1, "the first dashboard");

    for (const [query, message] of [
      ["subscription {", /Syntax Error/],
      ["subscription { noSuchField }", /Cannot query field "noSuchField"/],
    ] as const) {
      const broken = record(client, query);
      await expect(broken.done()).rejects.toThrow(/subscription failed/);
      // graphql-ws `error` message: the GraphQL errors themselves, no result.
      expect(broken.error).toEqual([expect.objectContaining({ message: expect.stringMatching(message) })]);
      expect(broken.results).toEqual([]);
    }

    // The socket is still open: the dashboard subscription hears about a new generation.
    const { id } = await generate(h.gql, key);
    await dashboards.until((d) => d.some((e) => e.meUpdated.activeTasks.some((t: { id: string }) => t.id === id)), "a dashboard with the new task");
    expect(dashboards.completed).toBe(false);
  });

  it("answers every subscription without a valid key with Unauthorized, then completes", async () => {
    const { key } = await h.gw.createKey();
    const { id } = await generate(h.gql, key);
    for (const authorization of [undefined, "Bearer sk-not-a-real-key-0000000000"]) {
      const client: Client = h.ws(authorization);
      for (const [field, query, variables] of [
        ["taskUpdated", TASK_UPDATED, { id }],
        ["myTasks", MY_TASKS, {}],
        ["meUpdated", ME_UPDATED, {}],
      ] as const) {
        const events = updates(await settle(record(client, query, variables)), field);
        expect(events).toEqual([{ __typename: "Unauthorized", code: "UNAUTHORIZED", message: expect.any(String) }]);
      }
    }
  });
});

/** Waits until the server completes the subscription; returns the recording. */
async function settle(recording: Recording): Promise<Recording> {
  await recording.done();
  return recording;
}

/**
 * graphql-ws does not acknowledge a subscription: prove `myTasks` listens by publishing a warm-up
 * task's QUEUED event again and again until the feed has it; then finish the warm-up task and wait
 * for its FINISHED, so that its events are all in before the test's own.
 */
async function untilLive(h: Harness, feed: Recording, owner: TestKey): Promise<void> {
  const published = h.gw.services.pubsub.subscribe("keyTasks", owner.record.id);
  const { id } = await generate(h.gql, owner.key, "gpt-image-2", { prompt: "warm-up" });
  const queued = (await published.next()).value;
  await published.return?.();
  expect(queued).toMatchObject({ type: "QUEUED", task: { id } });
  await vi.waitFor(
    async () => {
      if (feed.data.some((e) => e.myTasks.task.id === id)) return;
      await h.gw.services.pubsub.publish("keyTasks", owner.record.id, queued);
      throw new Error("myTasks has not received an event of the warm-up task");
    },
    { timeout: 10_000, interval: 20 },
  );
  await h.drive([{ key: owner.key, id }]);
  await feed.until((d) => d.some((e) => e.myTasks.task.id === id && e.myTasks.type === "FINISHED"), "FINISHED of the warm-up task");
}
