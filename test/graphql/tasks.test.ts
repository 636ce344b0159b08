// `task(id)` and `tasks(first, after, status, model)`: one key's tasks, newest first, by cursor.
// Manual time: the test decides which tasks finish, so the status filter has both kinds.
import { beforeAll, expect, it } from "vitest";
import { describeOnEverySetup, generate } from "./support/harness.ts";

const TASK = /* GraphQL */ `
  query Task($id: ID!) {
    task(id: $id) {
      __typename
      ... on Task { id model output status cost result adjustments { param } createdAt }
      ... on TaskNotFound { code message taskId }
      ... on Unauthorized { code }
    }
  }
`;

const TASKS = /* GraphQL */ `
  query Tasks($first: Int, $after: String, $status: [TaskStatus!], $model: String) {
    tasks(first: $first, after: $after, status: $status, model: $model) {
      __typename
      ... on TaskConnection {
        edges { cursor node { id model status createdAt } }
        nodes { id }
        pageInfo { hasNextPage endCursor }
      }
      ... on Error { code }
    }
  }
`;

interface Node {
  id: string;
  model: string;
  status: string;
  createdAt: string;
}

describeOnEverySetup("GraphQL task and tasks", { manualTime: true }, (h) => {
  let key: string;
  /** In creation order: 3 gpt-image-2 a (simulated) second apart (FINISHED), then 2 nano-banana-2 (QUEUED). */
  const created: { id: string; model: string; cost: number }[] = [];

  beforeAll(async () => {
    ({ key } = await h.gw.createKey());
    for (let i = 0; i < 3; i++) {
      created.push({ ...(await generate(h.gql, key, "gpt-image-2", { prompt: `image ${i}` })), model: "gpt-image-2" });
      h.clock.advance(1);
    }
    expect(await h.drive(created.map(({ id }) => ({ key, id })))).toEqual(["FINISHED", "FINISHED", "FINISHED"]);
    h.clock.advance(1);
    // These two at the same instant: the order (and cursors) fall back to the id.
    for (let i = 0; i < 2; i++) created.push({ ...(await generate(h.gql, key, "nano-banana-2", { prompt: `banana ${i}` })), model: "nano-banana-2" });
  });

  /** Every page of a query, following endCursor. */
  const allPages = async (variables: Record<string, unknown>) => {
    const pages: { nodes: Node[]; hasNextPage: boolean; endCursor: string | null }[] = [];
    let after: string | undefined;
    for (let i = 0; i < 20; i++) {
      const { tasks } = await h.gql.data(TASKS, { ...variables, ...(after ? { after } : {}) }, { key });
      expect(tasks.__typename).toBe("TaskConnection");
      const nodes = tasks.edges.map((e: { cursor: string; node: Node }) => {
        expect(e.cursor).toBe(e.node.id);
        return e.node;
      });
      expect(tasks.nodes.map((n: { id: string }) => n.id)).toEqual(nodes.map((n: Node) => n.id));
      expect(tasks.pageInfo.endCursor).toBe(nodes.at(-1)?.id ?? null);
      pages.push({ nodes, ...tasks.pageInfo });
      if (!tasks.pageInfo.hasNextPage) return pages;
      after = tasks.pageInfo.endCursor;
    }
    throw new Error("more than 20 pages");
  };

  /** Newest first: createdAt descending, ties by id descending. */
  const expectNewestFirst = (nodes: Node[]) => {
    const sorted = [...nodes].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0));
    expect(nodes.map((n) => n.id)).toEqual(sorted.map((n) => n.id));
  };

  it("task(id) answers the caller's own task", async () => {
    const { task } = await h.gql.data(TASK, { id: created[0]!.id }, { key });
    expect(task).toMatchObject({ __typename: "Task", id: created[0]!.id, model: "gpt-image-2", output: "IMAGE", status: "FINISHED", cost: created[0]!.cost });
    expect(task.result.length).toBeGreaterThan(0);
    for (const url of task.result) expect(url.startsWith(`${h.gw.baseUrl}/files/`)).toBe(true);
  });

  it("task(id) answers TaskNotFound for another key's task, exactly as for an id that does not exist", async () => {
    const stranger = await h.gw.createKey();
    const { task } = await h.gql.data(TASK, { id: created[0]!.id }, { key: stranger.key });
    expect(task).toEqual({ __typename: "TaskNotFound", code: "TASK_NOT_FOUND", message: expect.any(String), taskId: created[0]!.id });
    const missing = "00000000-0000-4000-8000-000000000000";
    const { task: none } = await h.gql.data(TASK, { id: missing }, { key });
    expect(none).toEqual({ __typename: "TaskNotFound", code: "TASK_NOT_FOUND", message: task.message.replace(created[0]!.id, missing), taskId: missing });
  });

  it("task(id) and tasks answer Unauthorized without a key", async () => {
    expect((await h.gql.data(TASK, { id: created[0]!.id })).task).toMatchObject({ __typename: "Unauthorized", code: "UNAUTHORIZED" });
    expect((await h.gql.data(TASKS, {})).tasks).toMatchObject({ __typename: "Unauthorized", code: "UNAUTHORIZED" });
  });

  it("tasks lists every task of the key once, newest first, on one page", async () => {
    const [page, ...more] = await allPages({ first: 100 });
    expect(more).toHaveLength(0);
    expect(page!.hasNextPage).toBe(false);
    expect(page!.nodes.map((n) => n.id).sort()).toEqual(created.map((c) => c.id).sort());
    expectNewestFirst(page!.nodes);
    // The two nano-banana-2 (same instant: higher id first), then the images, last created first.
    const bananas = created.slice(3).map((c) => c.id).sort().reverse();
    expect(page!.nodes.map((n) => n.id)).toEqual([...bananas, created[2]!.id, created[1]!.id, created[0]!.id]);
  });

  it("tasks pages by the `after` cursor with no duplicates or gaps (first: 2 → 2, 2, 1)", async () => {
    const pages = await allPages({ first: 2 });
    expect(pages.map((p) => p.nodes.length)).toEqual([2, 2, 1]);
    expect(pages.map((p) => p.hasNextPage)).toEqual([true, true, false]);
    const ids = pages.flatMap((p) => p.nodes.map((n) => n.id));
    const [whole] = await allPages({ first: 100 });
    expect(ids).toEqual(whole!.nodes.map((n) => n.id));
    expect(new Set(ids).size).toBe(5);
  });

  it("tasks filters by status, and pages within the filter", async () => {
    const finished = (await allPages({ first: 100, status: ["FINISHED"] }))[0]!.nodes;
    expect(finished.map((n) => n.id).sort()).toEqual(created.slice(0, 3).map((c) => c.id).sort());
    expect(finished.every((n) => n.status === "FINISHED")).toBe(true);
    expectNewestFirst(finished);

    const inFlight = (await allPages({ first: 100, status: ["QUEUED", "PROCESSING"] }))[0]!.nodes;
    expect(inFlight.map((n) => n.id).sort()).toEqual(created.slice(3).map((c) => c.id).sort());
    expect((await allPages({ first: 100, status: ["FAILED"] }))[0]!.nodes).toEqual([]);

    const pages = await allPages({ first: 1, status: ["FINISHED"] });
    expect(pages.flatMap((p) => p.nodes.map((n) => n.id))).toEqual(finished.map((n) => n.id));
  });

  it("tasks filters by model, and pages within the filter", async () => {
    const bananas = (await allPages({ first: 100, model: "nano-banana-2" }))[0]!.nodes;
    expect(bananas.map((n) => n.id).sort()).toEqual(created.filter((c) => c.model === "nano-banana-2").map((c) => c.id).sort());
    const pages = await allPages({ first: 2, model: "gpt-image-2" });
    expect(pages.map((p) => p.nodes.length)).toEqual([2, 1]);
    expect(pages.flatMap((p) => p.nodes).every((n) => n.model === "gpt-image-2")).toBe(true);
    expect((await allPages({ first: 10, model: "seedance-2.0" }))[0]!.nodes).toEqual([]);
    // A page boundary between two tasks of the same instant loses and repeats nothing.
    const onePerPage = await allPages({ first: 1, model: "nano-banana-2" });
    expect(onePerPage.flatMap((p) => p.nodes.map((n) => n.id))).toEqual(bananas.map((n) => n.id));
  });

  it("tasks never shows another key's tasks, and an unknown cursor gives an empty page", async () => {
    const stranger = await h.gw.createKey();
    const { tasks } = await h.gql.data(TASKS, { first: 100 }, { key: stranger.key });
    expect(tasks).toMatchObject({ __typename: "TaskConnection", nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
    // A cursor from another key's list is no cursor for this key.
    const foreign = await h.gql.data(TASKS, { first: 100, after: created[4]!.id }, { key: stranger.key });
    expect(foreign.tasks.nodes).toEqual([]);
  });
});
