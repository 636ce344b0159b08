// `credits` and `me`: the caller's budget, concurrency slots, tasks and spending.
// Manual time: tasks stay QUEUED until the test drives them, so the dashboard can be seen with
// generations in flight.
import { expect, it } from "vitest";
import { describeOnEverySetup, generate } from "./support/harness.ts";

const CREDITS = /* GraphQL */ `
  query Credits {
    credits {
      __typename
      ... on Credits { yourBudget { dailyLimit used remaining resetsAt } pool { totalAccounts locked } }
      ... on Error { code message }
    }
  }
`;

const ME = /* GraphQL */ `
  query Me {
    me {
      __typename
      ... on Dashboard {
        budget { dailyLimit used remaining resetsAt }
        concurrency { used max available activeSlots { taskId model elapsed takenAt } }
        activeTasks { id model status }
        recentTasks { id model status }
        todaySpending { model requests cost }
      }
      ... on Error { code message }
    }
  }
`;

/** The next midnight UTC, as the budget's resetsAt. */
const nextMidnightUtc = () => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)).toISOString();
};

describeOnEverySetup("GraphQL credits and me", { manualTime: true }, (h) => {
  it("credits: the key's own daily limit, used and remaining in USD, the reset time, and the pool's health", async () => {
    const { key } = await h.gw.createKey({ dailyLimitUsd: 5 });
    const before = (await h.gql.data(CREDITS, {}, { key })).credits;
    expect(before).toEqual({
      __typename: "Credits",
      yourBudget: { dailyLimit: 5, used: 0, remaining: 5, resetsAt: nextMidnightUtc() },
      pool: { totalAccounts: 12, locked: 0 },
    });
    const { cost } = await generate(h.gql, key, "gpt-image-2", { prompt: "spend", quality: "high" });
    const after = (await h.gql.data(CREDITS, {}, { key })).credits;
    expect(after.yourBudget).toMatchObject({ dailyLimit: 5, used: cost, remaining: expect.closeTo(5 - cost, 6) });
  });

  it("me: budget, taken concurrency slots, active tasks newest first, nothing recent yet, and today's spending per model", async () => {
    const { key } = await h.gw.createKey();
    const image = await generate(h.gql, key, "gpt-image-2", { prompt: "dash", quantity: 3 });
    h.clock.advance(1);
    const video = await generate(h.gql, key, "seedance-2.0", { prompt: "dash", duration: 4 });
    const spent = image.cost + video.cost;

    const { me } = await h.gql.data(ME, {}, { key });
    expect(me.__typename).toBe("Dashboard");
    expect(me.budget).toEqual({ dailyLimit: 100, used: expect.closeTo(spent, 6), remaining: expect.closeTo(100 - spent, 6), resetsAt: nextMidnightUtc() });
    expect(me.concurrency).toMatchObject({ used: 2, max: 5, available: 3 });
    expect(me.concurrency.activeSlots).toEqual(
      expect.arrayContaining([
        { taskId: image.id, model: "gpt-image-2", elapsed: expect.any(Number), takenAt: expect.any(String) },
        { taskId: video.id, model: "seedance-2.0", elapsed: expect.any(Number), takenAt: expect.any(String) },
      ]),
    );
    expect(me.concurrency.activeSlots).toHaveLength(2);
    expect(me.activeTasks).toEqual([
      { id: video.id, model: "seedance-2.0", status: "QUEUED" },
      { id: image.id, model: "gpt-image-2", status: "QUEUED" },
    ]);
    expect(me.recentTasks).toEqual([]);
    expect(me.todaySpending).toEqual([
      { model: "gpt-image-2", requests: 1, cost: image.cost },
      { model: "seedance-2.0", requests: 1, cost: video.cost },
    ]);
  });

  it("me after the generations finish: slots free again, the tasks under recentTasks, spending unchanged", async () => {
    const { key } = await h.gw.createKey();
    const image = await generate(h.gql, key, "gpt-image-2", { prompt: "dash" });
    const video = await generate(h.gql, key, "seedance-2.0", { prompt: "dash", duration: 4 });
    expect(await h.drive([image, video].map(({ id }) => ({ key, id })))).toEqual(["FINISHED", "FINISHED"]);

    const { me } = await h.gql.data(ME, {}, { key });
    expect(me.concurrency).toEqual({ used: 0, max: 5, available: 5, activeSlots: [] });
    expect(me.activeTasks).toEqual([]);
    expect(me.recentTasks).toHaveLength(2);
    expect(me.recentTasks).toEqual(
      expect.arrayContaining([
        { id: image.id, model: "gpt-image-2", status: "FINISHED" },
        { id: video.id, model: "seedance-2.0", status: "FINISHED" },
      ]),
    );
    expect(me.todaySpending).toEqual([
      { model: "gpt-image-2", requests: 1, cost: image.cost },
      { model: "seedance-2.0", requests: 1, cost: video.cost },
    ]);
    expect(me.budget.used).toBeCloseTo(image.cost + video.cost, 6);
  });

  it("shows each key only its own account", async () => {
    const mine = await h.gw.createKey();
    const other = await h.gw.createKey();
    const task = await generate(h.gql, other.key, "gpt-image-2", { prompt: "not yours" });
    const { me } = await h.gql.data(ME, {}, { key: mine.key });
    expect(me).toMatchObject({ budget: { used: 0 }, concurrency: { used: 0 }, activeTasks: [], recentTasks: [], todaySpending: [] });
    expect(JSON.stringify(me)).not.toContain(task.id);
  });

  it("answers Unauthorized to credits and me without a valid key", async () => {
    for (const key of [undefined, "sk-revoked-or-never-existed-000"]) {
      const { credits } = await h.gql.data(CREDITS, {}, { key });
      const { me } = await h.gql.data(ME, {}, { key });
      expect(credits).toEqual({ __typename: "Unauthorized", code: "UNAUTHORIZED", message: expect.any(String) });
      expect(me).toEqual({ __typename: "Unauthorized", code: "UNAUTHORIZED", message: expect.any(String) });
    }
  });
});
