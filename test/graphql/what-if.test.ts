// What-if questions, answered by the cost engine without charging: priceAcross, planBudget and
// cheapestModels.
import { expect, it } from "vitest";
import { describeOnEverySetup } from "./support/harness.ts";

const PRICE_ACROSS = /* GraphQL */ `
  query PriceAcross($input: GenerateInput!, $across: String!, $by: String, $values: [JSON!], $byValues: [JSON!]) {
    priceAcross(input: $input, across: $across, by: $by, values: $values, byValues: $byValues) {
      __typename
      ... on PriceTable { across by series { by points { value cost params adjustments { param reason } error { code message } } } }
      ... on Error { code message }
      ... on ModelNotFound { suggestions }
    }
  }
`;

const PLAN = /* GraphQL */ `
  query Plan($requests: [GenerateInput!]!, $budget: Float) {
    planBudget(requests: $requests, budget: $budget) {
      __typename
      ... on BudgetPlan {
        startingBudget
        totalCost
        remaining
        steps { index model cost requestedCost params adjustments { param from to reason } error { code message } remainingAfter }
      }
      ... on Error { code }
    }
  }
`;

const CHEAPEST = /* GraphQL */ `
  query Cheapest($need: NeedInput!, $first: Int) {
    cheapestModels(need: $need, first: $first) {
      __typename
      ... on ModelOptions { options { model { __typename ... on AiModel { id output } } cost params needsStartFrame } }
      ... on Error { code message }
    }
  }
`;

const USED = /* GraphQL */ `query { credits { ... on Credits { yourBudget { used remaining } } } }`;

describeOnEverySetup("GraphQL what-if queries", {}, (h) => {
  it('priceAcross(seedance-2.0, across: "duration", by: "mode"): one series per mode, 15 s at RESOLUTION_1080 costs $11.25', async () => {
    const { priceAcross } = await h.gql.data(PRICE_ACROSS, { input: { seedance20: { prompt: "a storm" } }, across: "duration", by: "mode" });
    expect(priceAcross).toMatchObject({ __typename: "PriceTable", across: "duration", by: "mode" });
    expect(priceAcross.series.map((s: { by: string }) => s.by)).toEqual(["RESOLUTION_720", "RESOLUTION_1080"]);
    const durations = [4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
    for (const series of priceAcross.series) {
      expect(series.points.map((p: { value: number }) => p.value)).toEqual(durations);
      const costs = series.points.map((p: { cost: number }) => p.cost);
      // Priced per second: strictly rising with the duration.
      for (let i = 1; i < costs.length; i++) expect(costs[i]).toBeGreaterThan(costs[i - 1]);
      for (const point of series.points) {
        expect(point.error).toBeNull();
        expect(point.params).toMatchObject({ mode: series.by, duration: point.value });
      }
    }
    const at1080 = priceAcross.series[1].points;
    expect(at1080.find((p: { value: number }) => p.value === 15).cost).toBe(11.25);
    expect(at1080.find((p: { value: number }) => p.value === 10).cost).toBe(2.77425);
    expect(priceAcross.series[0].points[0]).toMatchObject({ value: 4, cost: 0.4932 });
  });

  it("priceAcross prices only the values asked, needs no key and charges nothing", async () => {
    const { key } = await h.gw.createKey();
    const { priceAcross } = await h.gql.data(
      PRICE_ACROSS,
      { input: { raw: { model: "seedance-2.0", params: { prompt: "a storm" } } }, across: "duration", values: [5, 15], by: "mode", byValues: ["RESOLUTION_1080"] },
      { key },
    );
    expect(priceAcross.series).toEqual([
      {
        by: "RESOLUTION_1080",
        points: [expect.objectContaining({ value: 5, cost: 1.387125 }), expect.objectContaining({ value: 15, cost: 11.25 })],
      },
    ]);
    expect((await h.gql.data(PRICE_ACROSS, { input: { seedance20: { prompt: "a" } }, across: "duration" })).priceAcross.__typename).toBe("PriceTable");
    expect((await h.gql.data(USED, {}, { key })).credits.yourBudget.used).toBe(0);
  });

  it("priceAcross over a boolean parameter without values prices both its values", async () => {
    const { priceAcross } = await h.gql.data(PRICE_ACROSS, { input: { raw: { model: "seedance-2.0", params: { prompt: "x" } } }, across: "generate_audio" });
    expect(priceAcross.__typename).toBe("PriceTable");
    expect(priceAcross.series).toHaveLength(1);
    expect(priceAcross.series[0].points.map((p: { value: unknown; error: unknown }) => [p.value, p.error])).toEqual([[true, null], [false, null]]);
    for (const point of priceAcross.series[0].points) expect(point.params.generate_audio).toBe(point.value);
  });

  it("priceAcross answers an unknown model with ModelNotFound and an unknown parameter with InvalidParams", async () => {
    const unknownModel = (await h.gql.data(PRICE_ACROSS, { input: { raw: { model: "seedance", params: { prompt: "a" } } }, across: "duration" })).priceAcross;
    expect(unknownModel).toMatchObject({ __typename: "ModelNotFound", suggestions: ["seedance-2.0"] });
    const unknownParam = (await h.gql.data(PRICE_ACROSS, { input: { seedance20: { prompt: "a" } }, across: "colour" })).priceAcross;
    expect(unknownParam).toMatchObject({ __typename: "InvalidParams", code: "INVALID_PARAMS" });
  });

  it("planBudget runs requests in order against a budget, downgrading as generate would", async () => {
    const { planBudget } = await h.gql.data(PLAN, {
      budget: 3,
      requests: [{ gptImage2: { prompt: "a", quality: "HIGH" } }, { seedance20: { prompt: "b", mode: "RESOLUTION_1080", duration: 15 } }, { gptImage2: { prompt: "c", quality: "HIGH" } }],
    });
    expect(planBudget).toMatchObject({ __typename: "BudgetPlan", startingBudget: 3 });
    const [image, video, last] = planBudget.steps;
    expect(image).toMatchObject({ index: 0, model: "gpt-image-2", cost: 0.11, requestedCost: 0.11, adjustments: [], error: null, remainingAfter: 2.89 });
    // $2.89 left: the costliest version that fits is 1080p 10 s ($2.77425).
    expect(video).toMatchObject({ index: 1, model: "seedance-2.0", requestedCost: 11.25, cost: 2.77425, error: null });
    expect(video.adjustments).toEqual([{ param: "duration", from: 15, to: 10, reason: "BUDGET_DOWNGRADE" }]);
    expect(video.remainingAfter).toBeCloseTo(2.89 - 2.77425, 6);
    // $0.11575 left: the last image ($0.11) still fits.
    expect(last).toMatchObject({ index: 2, cost: 0.11, error: null });
    expect(planBudget.totalCost).toBeCloseTo(0.11 + 2.77425 + 0.11, 6);
    expect(planBudget.remaining).toBeCloseTo(3 - planBudget.totalCost, 6);
  });

  it("planBudget reports a step that cannot fit as an InsufficientBudget error and goes on", async () => {
    const { planBudget } = await h.gql.data(PLAN, {
      budget: 0.5,
      requests: [{ seedance20: { prompt: "too much" } }, { gptImage2: { prompt: "fits", quality: "HIGH" } }],
    });
    // The cheapest seedance-2.0 (720p 4 s) is $0.4932: it fits $0.5.
    expect(planBudget.steps[0]).toMatchObject({ cost: 0.4932, error: null });
    expect(planBudget.steps[1]).toMatchObject({ cost: null, error: { code: "INSUFFICIENT_BUDGET" } });
    const invalid = (await h.gql.data(PLAN, { budget: 1, requests: [{ raw: { model: "nope", params: {} } }] })).planBudget;
    expect(invalid.steps[0]).toMatchObject({ cost: null, error: { code: "MODEL_NOT_FOUND" } });
  });

  it("planBudget starts from the caller's remaining budget when none is given, and needs a key then", async () => {
    const { key } = await h.gw.createKey({ dailyLimitUsd: 2 });
    const { planBudget } = await h.gql.data(PLAN, { requests: [{ gptImage2: { prompt: "a", quality: "HIGH" } }] }, { key });
    expect(planBudget).toMatchObject({ startingBudget: 2, totalCost: 0.11, remaining: 1.89 });
    expect((await h.gql.data(USED, {}, { key })).credits.yourBudget.used).toBe(0);
    expect((await h.gql.data(PLAN, { requests: [{ gptImage2: { prompt: "a" } }] })).planBudget).toMatchObject({ __typename: "Unauthorized", code: "UNAUTHORIZED" });
  });

  it("cheapestModels lists models that meet a need, cheapest first, with the parameters to use", async () => {
    const need = { output: "VIDEO", aspectRatio: "16:9", minShortSide: 720, minDuration: 10 };
    const { cheapestModels } = await h.gql.data(CHEAPEST, { need, first: 5 });
    expect(cheapestModels.__typename).toBe("ModelOptions");
    const { options } = cheapestModels;
    expect(options).toHaveLength(5);
    for (let i = 1; i < options.length; i++) expect(options[i].cost).toBeGreaterThanOrEqual(options[i - 1].cost);
    for (const option of options) {
      expect(option.model.__typename).toBe("VideoModel");
      expect(option.model.output).toBe("VIDEO");
      expect(Math.min(option.params.width, option.params.height)).toBeGreaterThanOrEqual(720);
      expect(option.params.width / option.params.height).toBeCloseTo(16 / 9, 1);
      const duration = option.params.duration ?? option.params.durationSeconds;
      expect(duration).toBeGreaterThanOrEqual(10);
    }
    // Each option's cost is what estimate says for the same request.
    const { key } = await h.gw.createKey();
    const first = options[0];
    const { estimate } = await h.gql.data(`query ($input: GenerateInput!) { estimate(input: $input) { ... on Estimate { cost } } }`, { input: { raw: { model: first.model.id, params: first.params } } }, { key });
    expect(estimate.cost).toBe(first.cost);
  });

  it("cheapestModels answers a malformed need with InvalidParams", async () => {
    const { cheapestModels } = await h.gql.data(CHEAPEST, { need: { output: "IMAGE", aspectRatio: "wide" } });
    expect(cheapestModels).toMatchObject({ __typename: "InvalidParams", code: "INVALID_PARAMS" });
  });
});
