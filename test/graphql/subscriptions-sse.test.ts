// Subscriptions over Server-Sent Events: POST /graphql with `accept: text/event-stream`, auth in
// the Authorization header, one `data:` line per result, `event: complete` at the end.
// Manual time: the test makes every transition, so the stream's events are exact.
import { expect, it } from "vitest";
import { sse } from "./support/client.ts";
import { describeOnEverySetup, generate } from "./support/harness.ts";

const TASK_UPDATED = /* GraphQL */ `
  subscription TaskUpdated($id: ID!) {
    taskUpdated(id: $id) {
      __typename
      ... on TaskUpdate { type task { id status progress result } }
      ... on Error { code message }
    }
  }
`;

interface Update {
  type: string;
  task: { id: string; status: string; progress: number; result: string[] };
}

const DECILES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

describeOnEverySetup("GraphQL subscriptions over SSE", { manualTime: true }, (h) => {
  it("taskUpdated streams the current state, PROCESSING, every PROGRESS step and FINISHED with absolute result URLs, then completes", async () => {
    const { key } = await h.gw.createKey();
    // seedance-2.0 (video): 60-300 ms at time scale 1000; a tick every 2 ms sees every 10% step.
    const { id } = await generate(h.gql, key, "seedance-2.0", { prompt: "waves", duration: 4 });
    const stream = sse<{ taskUpdated: Update }>(h.gw.url, TASK_UPDATED, { id }, { key });
    expect(await stream.response).toMatchObject({ status: 200, contentType: expect.stringMatching(/^text\/event-stream/) });
    const [first] = await stream.until((d) => d.length >= 1, "the current state");
    expect(first!.taskUpdated).toMatchObject({ type: "QUEUED", task: { id, status: "QUEUED", progress: 0, result: [] } });

    expect(await h.drive([{ key, id }], 2)).toEqual(["FINISHED"]);
    const events = (await stream.done()).map((d) => d.taskUpdated);
    expect(events.map((e) => e.type)).toEqual(["QUEUED", "PROCESSING", ...DECILES.map(() => "PROGRESS"), "FINISHED"]);
    expect(events.map((e) => e.task.progress)).toEqual([0, 0, ...DECILES, 1]);
    expect(stream.events.at(-1)?.event).toBe("complete");

    const finished = events.at(-1)!.task;
    expect(finished.result.length).toBeGreaterThan(0);
    for (const url of finished.result) expect(url.startsWith(`${h.gw.baseUrl}/files/${id}/`), url).toBe(true);
    expect((await fetch(finished.result[0]!)).status).toBe(200);
  });

  it("taskUpdated on a finished task streams one FINISHED event and completes", async () => {
    const { key } = await h.gw.createKey();
    const { id } = await generate(h.gql, key);
    await h.drive([{ key, id }]);
    const events = await sse(h.gw.url, TASK_UPDATED, { id }, { key }).done();
    expect(events).toEqual([{ taskUpdated: { __typename: "TaskUpdate", type: "FINISHED", task: expect.objectContaining({ id, status: "FINISHED", progress: 1 }) } }]);
  });

  it("answers taskUpdated without a key with one Unauthorized event, and another key's task with TaskNotFound", async () => {
    const owner = await h.gw.createKey();
    const stranger = await h.gw.createKey();
    const { id } = await generate(h.gql, owner.key);

    const anonymous = await sse(h.gw.url, TASK_UPDATED, { id }).done();
    expect(anonymous).toEqual([{ taskUpdated: { __typename: "Unauthorized", code: "UNAUTHORIZED", message: expect.any(String) } }]);

    const foreign = await sse(h.gw.url, TASK_UPDATED, { id }, { key: stranger.key }).done();
    expect(foreign).toEqual([{ taskUpdated: { __typename: "TaskNotFound", code: "TASK_NOT_FOUND", message: expect.any(String) } }]);
  });
});
