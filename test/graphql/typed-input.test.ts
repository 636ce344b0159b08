// What-if answers carry the typed GenerateInput they priced, which goes back to estimate and
// generate as it is; Model.inputField names a model's field of GenerateInput.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGateway, type TestGateway } from "../support/gateway.ts";
import { graphqlHttp } from "./support/client.ts";

const ESTIMATE = /* GraphQL */ `
  query Estimate($input: GenerateInput!) {
    estimate(input: $input) { __typename ... on Estimate { cost params input } ... on Error { code message } }
  }
`;

describe("typed inputs in what-if answers", () => {
  let gw: TestGateway;
  let gql: ReturnType<typeof graphqlHttp>;
  beforeAll(async () => {
    gw = await startGateway({ driver: { enabled: false } });
    gql = graphqlHttp(gw.url);
  });
  afterAll(() => gw?.close());

  const estimate = async (input: unknown) => {
    const reply = await gql.post(ESTIMATE, { input }, { key: gw.key });
    expect(reply.body.errors).toBeUndefined();
    return reply.body.data.estimate as { __typename: string; cost: number; params: Record<string, unknown>; input: Record<string, unknown> };
  };

  it("Model.inputField is the GenerateInput field of each model", async () => {
    const reply = await gql.post(`{ models { ... on AiModel { id inputField } } }`, {}, { key: gw.key });
    const models = reply.body.data.models as { id: string; inputField: string }[];
    expect(models.find((m) => m.id === "veo-3.1-fast-generate-001")?.inputField).toBe("veo31FastGenerate001");
    const introspected = await gql.post(`{ __type(name: "GenerateInput") { inputFields { name } } }`, {}, { key: gw.key });
    const fields = new Set((introspected.body.data.__type.inputFields as { name: string }[]).map((f) => f.name));
    for (const model of models) expect(fields.has(model.inputField), model.id).toBe(true);
  });

  it("an estimate's input, sent back, prices the same request (raw in, typed out)", async () => {
    const first = await estimate({ raw: { model: "gpt-image-2", params: { prompt: "a cat", quality: "high", width: 1000, height: 1000 } } });
    expect(first.__typename).toBe("Estimate");
    expect(Object.keys(first.input)).toEqual(["gptImage2"]);
    expect(first.input.gptImage2).toMatchObject({ prompt: "a cat", quality: "HIGH" });
    const again = await estimate(first.input);
    expect(again).toMatchObject({ __typename: "Estimate", cost: first.cost, params: first.params, input: first.input });
  });

  it("every priceAcross point's input prices as the point says", async () => {
    const reply = await gql.post(
      `query($input: GenerateInput!) { priceAcross(input: $input, across: "duration", by: "mode") { ... on PriceTable { series { points { cost input } } } ... on Error { code } } }`,
      { input: { seedance20: { prompt: "a storm" } } },
      { key: gw.key },
    );
    const points = (reply.body.data.priceAcross.series as { points: { cost: number; input: unknown }[] }[]).flatMap((s) => s.points);
    expect(points.length).toBeGreaterThan(10);
    for (const point of points.slice(0, 6)) expect((await estimate(point.input)).cost).toBe(point.cost);
  });

  it("cheapestModels and planBudget answers go back as they are", async () => {
    const cheapest = await gql.post(
      `{ cheapestModels(need: { output: VIDEO, minDuration: 5 }, first: 3) { ... on ModelOptions { options { cost input } } ... on Error { code } } }`,
      {},
      { key: gw.key },
    );
    const options = cheapest.body.data.cheapestModels.options as { cost: number; input: unknown }[];
    expect(options.length).toBeGreaterThan(0);
    for (const option of options) expect((await estimate(option.input)).cost).toBe(option.cost);

    const plan = await gql.post(
      `query($requests: [GenerateInput!]!) { planBudget(requests: $requests, budget: 100) { ... on BudgetPlan { steps { cost input } } ... on Error { code } } }`,
      { requests: [{ gptImage2: { prompt: "a cat", quality: "HIGH" } }] },
      { key: gw.key },
    );
    const [step] = plan.body.data.planBudget.steps as { cost: number; input: Record<string, Record<string, unknown>> }[];
    expect(step!.input.gptImage2).toMatchObject({ prompt: "a cat", quality: "HIGH" });
    expect((await estimate(step!.input)).cost).toBe(step!.cost);
  });
});
