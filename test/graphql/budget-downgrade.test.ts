// When today's budget is short, generate runs a cheaper version of the request (shorter, lower
// resolution) and says so in `adjustments` with reason BUDGET_DOWNGRADE.
import { expect, it } from "vitest";
import { describeOnEverySetup } from "./support/harness.ts";

const GENERATE_SEEDANCE = /* GraphQL */ `
  mutation GenerateSeedance($input: Seedance20Params!) {
    generate(input: { seedance20: $input }) {
      __typename
      ... on GenerateSuccess {
        cost
        remaining
        adjustments { param from to reason }
        task { id params cost adjustments { param from to reason } }
      }
      ... on Error { code message }
    }
  }
`;

const REQUEST = { prompt: "a storm over the sea", mode: "RESOLUTION_1080", duration: 15 };

describeOnEverySetup("GraphQL budget downgrade", { manualTime: true }, (h) => {
  it("charges the full price when the budget covers it: seedance-2.0 1080p 15 s costs $11.25", async () => {
    const { key } = await h.gw.createKey();
    const { generate } = await h.gql.data(GENERATE_SEEDANCE, { input: REQUEST }, { key });
    expect(generate).toMatchObject({ __typename: "GenerateSuccess", cost: 11.25, adjustments: [] });
    expect(generate.task.params).toMatchObject({ mode: "RESOLUTION_1080", duration: 15, width: 1920, height: 1080 });
  });

  it("shortens the duration to fit a $3 daily limit (15 s → 10 s at 1080p, $2.77425)", async () => {
    const { key } = await h.gw.createKey({ dailyLimitUsd: 3 });
    const { generate } = await h.gql.data(GENERATE_SEEDANCE, { input: REQUEST }, { key });
    expect(generate).toMatchObject({ __typename: "GenerateSuccess", cost: 2.77425 });
    expect(generate.remaining).toBeCloseTo(3 - 2.77425, 6);
    expect(generate.adjustments).toEqual([{ param: "duration", from: 15, to: 10, reason: "BUDGET_DOWNGRADE" }]);
    // The task records what actually ran, and why.
    expect(generate.task.params).toMatchObject({ mode: "RESOLUTION_1080", duration: 10 });
    expect(generate.task.cost).toBe(2.77425);
    expect(generate.task.adjustments).toEqual(generate.adjustments);
  });

  it("lowers the resolution too when even the shortest 1080p video does not fit ($1 limit)", async () => {
    const { key } = await h.gw.createKey({ dailyLimitUsd: 1 });
    const { generate } = await h.gql.data(GENERATE_SEEDANCE, { input: REQUEST }, { key });
    expect(generate.__typename).toBe("GenerateSuccess");
    expect(generate.cost).toBeLessThanOrEqual(1);
    const byParam = Object.fromEntries(generate.adjustments.map((a: { param: string }) => [a.param, a]));
    expect(byParam.mode).toEqual({ param: "mode", from: "RESOLUTION_1080", to: "RESOLUTION_720", reason: "BUDGET_DOWNGRADE" });
    expect(byParam.duration).toMatchObject({ param: "duration", from: 15, reason: "BUDGET_DOWNGRADE" });
    expect(generate.task.params).toMatchObject({ mode: "RESOLUTION_720", duration: byParam.duration.to });
    // 720p costs $0.1233 a second: the longest duration that fits $1 is 8 s.
    expect(byParam.duration.to).toBe(8);
    expect(generate.cost).toBe(0.9864);
  });

  it("downgrades against what is left today, after earlier charges", async () => {
    const { key } = await h.gw.createKey({ dailyLimitUsd: 4 });
    const first = (await h.gql.data(GENERATE_SEEDANCE, { input: { ...REQUEST, duration: 8 } }, { key })).generate;
    expect(first).toMatchObject({ __typename: "GenerateSuccess", cost: 2.2194, adjustments: [] });
    // $1.7806 left. Of every lower-or-equal resolution and duration, the costliest that fits runs:
    // 720p 14 s ($1.7262) beats 1080p 6 s ($1.66455).
    const second = (await h.gql.data(GENERATE_SEEDANCE, { input: REQUEST }, { key })).generate;
    expect(second).toMatchObject({ __typename: "GenerateSuccess", cost: 1.7262 });
    const byParam = Object.fromEntries(second.adjustments.map((a: { param: string }) => [a.param, a]));
    expect(byParam.mode).toEqual({ param: "mode", from: "RESOLUTION_1080", to: "RESOLUTION_720", reason: "BUDGET_DOWNGRADE" });
    expect(byParam.duration).toEqual({ param: "duration", from: 15, to: 14, reason: "BUDGET_DOWNGRADE" });
    expect(second.remaining).toBeCloseTo(4 - 2.2194 - 1.7262, 6);
  });
});
