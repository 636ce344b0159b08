// The `generate` mutation's happy paths: GenerateInput through `raw` and through a typed model
// field, the @oneOf rule, and idempotent retries.
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { describeOnEverySetup } from "./support/harness.ts";

const RESULT = /* GraphQL */ `
  __typename
  ... on GenerateSuccess {
    cost
    remaining
    replayed
    adjustments { param from to reason }
    task { id model output status cost chargedCost refunded params requestParams adjustments { param reason } }
  }
  ... on Error { code message }
`;

const GENERATE = /* GraphQL */ `
  mutation Generate($input: GenerateInput!, $idempotencyKey: String) {
    generate(input: $input, idempotencyKey: $idempotencyKey) { ${RESULT} }
  }
`;

const BUDGET = /* GraphQL */ `query { credits { ... on Credits { yourBudget { dailyLimit used remaining } } } }`;

describeOnEverySetup("GraphQL generate", { manualTime: true }, (h) => {
  it("accepts a raw { model, params } request, charges it and returns the created task", async () => {
    const { key } = await h.gw.createKey();
    const { generate } = await h.gql.data(GENERATE, { input: { raw: { model: "gpt-image-2", params: { prompt: "a red fox", quality: "medium" } } } }, { key });
    expect(generate).toMatchObject({ __typename: "GenerateSuccess", replayed: false, adjustments: [] });
    expect(generate.cost).toBeGreaterThan(0);
    expect(generate.remaining).toBeCloseTo(100 - generate.cost, 6);
    expect(generate.task).toMatchObject({
      model: "gpt-image-2",
      output: "IMAGE",
      status: expect.stringMatching(/^(QUEUED|PROCESSING|FINISHED)$/),
      cost: generate.cost,
      chargedCost: generate.cost,
      refunded: false,
      requestParams: { prompt: "a red fox", quality: "medium" },
      params: { prompt: "a red fox", quality: "medium", width: 1024, height: 1024, quantity: 1, output_format: "jpeg" },
    });
    expect(await h.drive([{ key, id: generate.task.id }])).toEqual(["FINISHED"]);
  });

  it("accepts a typed model field: gptImage2 { prompt, quality: HIGH } costs $0.11 at 1024x1024", async () => {
    const { key } = await h.gw.createKey();
    const { generate } = await h.gql.data(
      /* GraphQL */ `mutation { generate(input: { gptImage2: { prompt: "a red fox", quality: HIGH } }) { ${RESULT} } }`,
      {},
      { key },
    );
    expect(generate).toMatchObject({ __typename: "GenerateSuccess", cost: 0.11, remaining: 99.89, adjustments: [] });
    // The typed field becomes the same { model, params } as raw: enum names map back to the spec's values.
    expect(generate.task.model).toBe("gpt-image-2");
    expect(generate.task.requestParams).toEqual({ prompt: "a red fox", quality: "high" });
    expect(generate.task.params).toMatchObject({ width: 1024, height: 1024, quality: "high" });
  });

  it("maps camelCase typed fields back to the spec's parameter names (outputFormat → output_format) and reports snapping", async () => {
    const { key } = await h.gw.createKey();
    const { generate } = await h.gql.data(
      GENERATE,
      { input: { gptImage2: { prompt: "a red fox", width: 1000, height: 1000, outputFormat: "PNG", quality: "LOW" } } },
      { key },
    );
    expect(generate.__typename).toBe("GenerateSuccess");
    expect(generate.task.requestParams).toEqual({ prompt: "a red fox", width: 1000, height: 1000, output_format: "png", quality: "low" });
    expect(generate.task.params).toMatchObject({ width: 1024, height: 1024, output_format: "png" });
    expect(generate.adjustments.map((a: { param: string; reason: string }) => a.reason)).toContain("SNAPPED_TO_VALID_SIZE");
  });

  it("prices a typed request exactly as the same raw request", async () => {
    const { key } = await h.gw.createKey();
    const typed = await h.gql.data(GENERATE, { input: { seedance20: { prompt: "waves", duration: 5, mode: "RESOLUTION_720" } } }, { key });
    const raw = await h.gql.data(GENERATE, { input: { raw: { model: "seedance-2.0", params: { prompt: "waves", duration: 5, mode: "RESOLUTION_720" } } } }, { key });
    expect(typed.generate.__typename).toBe("GenerateSuccess");
    expect(raw.generate.__typename).toBe("GenerateSuccess");
    expect(typed.generate.cost).toBe(raw.generate.cost);
    expect(typed.generate.task.params).toEqual(raw.generate.task.params);
  });

  it("rejects two GenerateInput fields at once (@oneOf) as a GraphQL validation error, charging nothing", async () => {
    const { key } = await h.gw.createKey();
    const reply = await h.gql.post(
      /* GraphQL */ `mutation { generate(input: { gptImage2: { prompt: "a" }, raw: { model: "gpt-image-2", params: { prompt: "a" } } }) { __typename } }`,
      {},
      { key },
    );
    expect(reply.body.data).toBeUndefined();
    expect(reply.body.errors).toHaveLength(1);
    expect(reply.body.errors![0]!.message).toMatch(/GenerateInput.*exactly one key/);
    expect(reply.body.errors![0]!.extensions).toMatchObject({ code: "GRAPHQL_VALIDATION_FAILED" });

    // The same through variables, and with no field at all.
    for (const input of [{ gptImage2: { prompt: "a" }, seedance20: { prompt: "a" } }, {}]) {
      const viaVariables = await h.gql.post(GENERATE, { input }, { key });
      expect(viaVariables.body.data ?? undefined).toBeUndefined();
      expect(viaVariables.body.errors?.[0]?.message).toMatch(/exactly one key/i);
    }
    const { credits } = await h.gql.data(BUDGET, {}, { key });
    expect(credits.yourBudget.used).toBe(0);
  });

  it("replays an idempotent retry: same task id, replayed: true, charged once", async () => {
    const { key } = await h.gw.createKey();
    const idempotencyKey = randomUUID();
    const input = { gptImage2: { prompt: "a red fox", quality: "HIGH" } };
    const first = (await h.gql.data(GENERATE, { input, idempotencyKey }, { key })).generate;
    const retry = (await h.gql.data(GENERATE, { input, idempotencyKey }, { key })).generate;
    expect(first).toMatchObject({ __typename: "GenerateSuccess", replayed: false, cost: 0.11 });
    expect(retry).toMatchObject({ __typename: "GenerateSuccess", replayed: true, cost: 0.11, remaining: first.remaining });
    expect(retry.task.id).toBe(first.task.id);

    const { credits } = await h.gql.data(BUDGET, {}, { key });
    expect(credits.yourBudget.used).toBe(0.11);
    const { tasks } = await h.gql.data(`{ tasks { ... on TaskConnection { nodes { id } } } }`, {}, { key });
    expect(tasks.nodes).toEqual([{ id: first.task.id }]);
  });
});
