// `estimate`: the price of a request now, whether it fits today's budget, and what generate would
// run instead when it does not. It charges nothing.
import { expect, it } from "vitest";
import { describeOnEverySetup } from "./support/harness.ts";

const ESTIMATE = /* GraphQL */ `
  query Estimate($input: GenerateInput!) {
    estimate(input: $input) {
      __typename
      ... on Estimate {
        model
        cost
        params
        adjustments { param from to reason }
        dailyRemaining
        fitsInBudget
        suggestion { cost params adjustments { param from to reason } }
        cheapestCost
      }
      ... on Error { code message }
      ... on ModelNotFound { suggestions }
    }
  }
`;

const GENERATE = /* GraphQL */ `
  mutation ($input: GenerateInput!) {
    generate(input: $input) { __typename ... on GenerateSuccess { cost adjustments { param from to reason } task { params } } }
  }
`;

const USED = /* GraphQL */ `query { credits { ... on Credits { yourBudget { used } } } }`;

const SEEDANCE_1080_15 = { seedance20: { prompt: "a storm over the sea", mode: "RESOLUTION_1080", duration: 15 } };

describeOnEverySetup("GraphQL estimate", {}, (h) => {
  it("prices a request that fits: fitsInBudget, no suggestion, nothing charged", async () => {
    const { key } = await h.gw.createKey();
    const { estimate } = await h.gql.data(ESTIMATE, { input: { gptImage2: { prompt: "a cat", quality: "HIGH" } } }, { key });
    expect(estimate).toMatchObject({
      __typename: "Estimate",
      model: "gpt-image-2",
      cost: 0.11,
      dailyRemaining: 100,
      fitsInBudget: true,
      suggestion: null,
      cheapestCost: null,
      adjustments: [],
      params: { prompt: "a cat", quality: "high", width: 1024, height: 1024 },
    });
    expect((await h.gql.data(USED, {}, { key })).credits.yourBudget.used).toBe(0);
  });

  it("shows the normalization adjustments (snapping) of the request as asked", async () => {
    const { key } = await h.gw.createKey();
    const { estimate } = await h.gql.data(ESTIMATE, { input: { raw: { model: "gpt-image-2", params: { prompt: "a cat", width: 1000, height: 1000 } } } }, { key });
    expect(estimate.params).toMatchObject({ width: 1024, height: 1024 });
    expect(estimate.adjustments.map((a: { reason: string }) => a.reason)).toContain("SNAPPED_TO_VALID_SIZE");
  });

  it("suggests the downgrade generate would run when over budget, and generate then runs exactly that", async () => {
    const { key } = await h.gw.createKey({ dailyLimitUsd: 3 });
    const { estimate } = await h.gql.data(ESTIMATE, { input: SEEDANCE_1080_15 }, { key });
    expect(estimate).toMatchObject({ __typename: "Estimate", cost: 11.25, dailyRemaining: 3, fitsInBudget: false, cheapestCost: null });
    expect(estimate.suggestion).toEqual({
      cost: 2.77425,
      params: expect.objectContaining({ mode: "RESOLUTION_1080", duration: 10 }),
      adjustments: [{ param: "duration", from: 15, to: 10, reason: "BUDGET_DOWNGRADE" }],
    });

    const { generate } = await h.gql.data(GENERATE, { input: SEEDANCE_1080_15 }, { key });
    expect(generate.cost).toBe(estimate.suggestion.cost);
    expect(generate.adjustments).toEqual(estimate.suggestion.adjustments);
    expect(generate.task.params).toEqual(estimate.suggestion.params);
  });

  it("gives cheapestCost and no suggestion when nothing fits", async () => {
    const { key } = await h.gw.createKey({ dailyLimitUsd: 0.25 });
    const { estimate } = await h.gql.data(ESTIMATE, { input: SEEDANCE_1080_15 }, { key });
    expect(estimate).toMatchObject({ fitsInBudget: false, suggestion: null, cheapestCost: 0.4932, dailyRemaining: 0.25 });
  });

  it("answers request errors and Unauthorized as typed members", async () => {
    const { key } = await h.gw.createKey();
    const unknown = (await h.gql.data(ESTIMATE, { input: { raw: { model: "gpt-image", params: { prompt: "a" } } } }, { key })).estimate;
    expect(unknown).toMatchObject({ __typename: "ModelNotFound", code: "MODEL_NOT_FOUND" });
    expect(unknown.suggestions).toContain("gpt-image-2");
    const tooLong = (await h.gql.data(ESTIMATE, { input: { gptImage2: { prompt: "x".repeat(1501) } } }, { key })).estimate;
    expect(tooLong).toMatchObject({ __typename: "PromptTooLong", code: "PROMPT_TOO_LONG" });
    const anonymous = (await h.gql.data(ESTIMATE, { input: { gptImage2: { prompt: "a" } } })).estimate;
    expect(anonymous).toMatchObject({ __typename: "Unauthorized", code: "UNAUTHORIZED" });
  });
});
