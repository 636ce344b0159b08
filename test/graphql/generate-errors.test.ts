// Every expected failure of `generate` is a typed member of GenerateResult (implementing Error),
// not a GraphQL error, and none of them charges anything.
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { describeOnEverySetup, generate } from "./support/harness.ts";

const GENERATE = /* GraphQL */ `
  mutation Generate($input: GenerateInput!, $idempotencyKey: String) {
    generate(input: $input, idempotencyKey: $idempotencyKey) {
      __typename
      ... on Error { code message }
      ... on GenerateSuccess { cost task { id } }
      ... on ModelNotFound { model suggestions }
      ... on PromptTooLong { length max }
      ... on QuantityTooHigh { quantity max }
      ... on InvalidParams { issues { field reason } }
      ... on InsufficientBudget { cheapestCost remaining }
      ... on RateLimited { reason retryAfterSeconds }
    }
  }
`;

const USED = /* GraphQL */ `query { credits { ... on Credits { yourBudget { used } } } }`;
const SLOTS = /* GraphQL */ `query { me { ... on Dashboard { concurrency { used } } } }`;

describeOnEverySetup("GraphQL generate errors", { manualTime: true }, (h) => {
  const used = async (key: string) => (await h.gql.data(USED, {}, { key })).credits.yourBudget.used as number;

  it("answers Unauthorized without an API key, and with an unknown one", async () => {
    const input = { gptImage2: { prompt: "a cat" } };
    for (const key of [undefined, "sk-not-a-real-key-0000000000"]) {
      const reply = await h.gql.post(GENERATE, { input }, { key });
      expect(reply.status).toBe(200);
      expect(reply.body.errors).toBeUndefined();
      expect(reply.body.data?.generate).toEqual({ __typename: "Unauthorized", code: "UNAUTHORIZED", message: expect.stringContaining("API key") });
    }
  });

  it("answers PromptTooLong with the prompt's length and the maximum (1,500)", async () => {
    const { key } = await h.gw.createKey();
    const { generate: result } = await h.gql.data(GENERATE, { input: { gptImage2: { prompt: "x".repeat(1501) } } }, { key });
    expect(result).toMatchObject({ __typename: "PromptTooLong", code: "PROMPT_TOO_LONG", length: 1501, max: 1500 });
    expect(await used(key)).toBe(0);
  });

  it("answers QuantityTooHigh with the quantity asked and the model's maximum", async () => {
    const { key } = await h.gw.createKey();
    const { generate: result } = await h.gql.data(GENERATE, { input: { gptImage2: { prompt: "a cat", quantity: 9 } } }, { key });
    expect(result).toMatchObject({ __typename: "QuantityTooHigh", code: "QUANTITY_TOO_HIGH", quantity: 9, max: 8 });
    expect(await used(key)).toBe(0);
  });

  it("answers InvalidParams with one issue per bad parameter", async () => {
    const { key } = await h.gw.createKey();
    const { generate: result } = await h.gql.data(
      GENERATE,
      { input: { raw: { model: "gpt-image-2", params: { prompt: "a cat", quality: "ultra", quantity: 2.5 } } } },
      { key },
    );
    expect(result).toMatchObject({ __typename: "InvalidParams", code: "INVALID_PARAMS" });
    expect(result.issues).toEqual([
      { field: "quality", reason: expect.stringContaining('"ultra"') },
      { field: "quantity", reason: expect.stringContaining("integer") },
    ]);
    expect(await used(key)).toBe(0);
  });

  it("answers ModelNotFound for an unknown raw model, with suggestions", async () => {
    const { key } = await h.gw.createKey();
    const { generate: result } = await h.gql.data(GENERATE, { input: { raw: { model: "seedance", params: { prompt: "a cat" } } } }, { key });
    expect(result).toMatchObject({ __typename: "ModelNotFound", code: "MODEL_NOT_FOUND", model: "seedance", suggestions: ["seedance-2.0"] });
  });

  it("answers InsufficientBudget when even the cheapest downgrade costs more than what is left today", async () => {
    const { key } = await h.gw.createKey({ dailyLimitUsd: 0.001 });
    const { generate: result } = await h.gql.data(GENERATE, { input: { seedance20: { prompt: "a cat", duration: 15, mode: "RESOLUTION_1080" } } }, { key });
    // The cheapest seedance-2.0 is 4 s at 720p: $0.4932.
    expect(result).toMatchObject({ __typename: "InsufficientBudget", code: "INSUFFICIENT_BUDGET", cheapestCost: 0.4932, remaining: 0.001 });
    expect(await used(key)).toBe(0);
  });

  it("answers RateLimited (WINDOW) with retryAfterSeconds on the 6th request within 30 s, charging nothing for it", async () => {
    const { key } = await h.gw.createKey();
    const accepted = [];
    for (let i = 0; i < 5; i++) accepted.push(await generate(h.gql, key, "gpt-image-2", { prompt: `cat ${i}`, quality: "low" }));
    // Every task finished within a few simulated milliseconds and freed its slot: only the
    // 30-second window can refuse now.
    expect(await h.drive(accepted.map(({ id }) => ({ key, id })))).toEqual(Array(5).fill("FINISHED"));
    expect((await h.gql.data(SLOTS, {}, { key })).me.concurrency.used).toBe(0);
    const spent = await used(key);

    const { generate: result } = await h.gql.data(GENERATE, { input: { gptImage2: { prompt: "one more" } } }, { key });
    expect(result).toMatchObject({ __typename: "RateLimited", code: "RATE_LIMITED", reason: "WINDOW" });
    // The oldest of the 5 was admitted a few simulated milliseconds ago.
    expect(result.retryAfterSeconds).toBe(30);
    expect(await used(key)).toBe(spent);

    // Limits are per key: another key is not affected.
    const other = await h.gw.createKey();
    expect((await h.gql.data(GENERATE, { input: { gptImage2: { prompt: "one more" } } }, { key: other.key })).generate.__typename).toBe("GenerateSuccess");
  });

  it("answers IdempotencyKeyReused when an idempotency key comes back with another request", async () => {
    const { key } = await h.gw.createKey();
    const idempotencyKey = randomUUID();
    const first = await h.gql.data(GENERATE, { input: { gptImage2: { prompt: "a cat" } }, idempotencyKey }, { key });
    expect(first.generate.__typename).toBe("GenerateSuccess");
    const { generate: result } = await h.gql.data(GENERATE, { input: { gptImage2: { prompt: "a dog" } }, idempotencyKey }, { key });
    expect(result).toMatchObject({ __typename: "IdempotencyKeyReused", code: "IDEMPOTENCY_KEY_REUSED", message: expect.any(String) });
    expect(await used(key)).toBe(first.generate.cost);
  });
});
