// A gateway with vendor accounts (the fake fal server), through GraphQL: a model no configured
// vendor runs is refused (ModelUnavailable) before any charge when the simulation of such models
// is off, at generate and estimate, and the models say where they run; `credits.pool.vendors`
// breaks the pool down per vendor as REST's /credits does (empty when the pool is simulated).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeFal } from "../fakes/fal.ts";
import { startGateway, type TestGateway } from "../support/gateway.ts";
import { graphqlHttp, type GraphQLHttp } from "./support/client.ts";

const fal = await startFakeFal({ keys: ["fal-a", "fal-b"] });
afterAll(async () => fal.close());

const GENERATE = /* GraphQL */ `
  mutation Generate($model: String!, $params: JSON) {
    generate(input: { raw: { model: $model, params: $params } }) {
      __typename
      ... on GenerateSuccess { cost task { id } }
      ... on ModelUnavailable { model }
      ... on Error { code message }
    }
  }
`;
const ESTIMATE = /* GraphQL */ `
  query Estimate($model: String!, $params: JSON) {
    estimate(input: { raw: { model: $model, params: $params } }) {
      __typename
      ... on Estimate { cost }
      ... on ModelUnavailable { model }
      ... on Error { code message }
    }
  }
`;
const CREDITS = /* GraphQL */ `
  query Credits {
    credits {
      __typename
      ... on Credits { yourBudget { used } pool { totalAccounts locked vendors { vendor totalAccounts locked } } }
    }
  }
`;
const MODELS = /* GraphQL */ `
  query Where {
    unrouted: model(id: "kino-xl") { ... on AiModel { id available vendor } }
    routed: model(id: "flux-schnell") { ... on AiModel { id available vendor } }
    oneAtATime: model(id: "flux-pro-2.0") { ... on AiModel { id vendor maxQuantity params { name ... on IntegerParam { default max } } } }
  }
`;

describe("GraphQL with vendor accounts, simulation of unrouted models off", () => {
  let gw: TestGateway;
  let gql: GraphQLHttp;
  beforeAll(async () => {
    gw = await startGateway({ env: { FAL_KEYS: "fal-a,fal-b", GATEAI_FAL_URL: fal.url, GATEAI_SIMULATE_UNROUTED: "false", GATEAI_TIME_SCALE: "1000" } });
    gql = graphqlHttp(gw.url);
  }, 60_000);
  afterAll(async () => gw?.close());

  it("generate and estimate answer ModelUnavailable for a model no configured vendor runs, and nothing is charged", async () => {
    const { key, record } = await gw.createKey();
    const { generate } = await gql.data(GENERATE, { model: "kino-xl", params: {} }, { key });
    expect(generate).toEqual({ __typename: "ModelUnavailable", code: "MODEL_UNAVAILABLE", model: "kino-xl", message: expect.stringContaining("kino-xl") });
    const { estimate } = await gql.data(ESTIMATE, { model: "kino-xl", params: {} }, { key });
    expect(estimate).toMatchObject({ __typename: "ModelUnavailable", code: "MODEL_UNAVAILABLE", model: "kino-xl" });
    const { credits } = await gql.data(CREDITS, {}, { key });
    expect(credits.yourBudget.used).toBe(0);
    const tasks = await gw.prisma.$queryRawUnsafe<{ n: bigint }[]>("SELECT count(*) AS n FROM tasks WHERE key_id = $1", record.id);
    expect(Number(tasks[0]!.n)).toBe(0);
  });

  it("models say whether they run and through which vendor", async () => {
    const data = await gql.data(MODELS, {}, { key: gw.key });
    expect(data).toMatchObject({ unrouted: { id: "kino-xl", available: false, vendor: null }, routed: { id: "flux-schnell", available: true, vendor: "fal" } });
    // FLUX.2 pro on fal makes one image per request: its quantity is 1 at most and by default here (the catalog's default is 4).
    expect(data.oneAtATime).toMatchObject({ id: "flux-pro-2.0", vendor: "fal", maxQuantity: 1 });
    expect(data.oneAtATime.params.find((p: { name: string }) => p.name === "quantity")).toEqual({ name: "quantity", default: 1, max: 1 });
  });

  it("credits.pool.vendors gives each vendor's accounts and locked ones, as REST's pool.vendors", async () => {
    const { credits } = await gql.data(CREDITS, {}, { key: gw.key });
    expect(credits.pool).toEqual({ totalAccounts: 2, locked: 0, vendors: [{ vendor: "fal", totalAccounts: 2, locked: 0 }] });
    const rest = await fetch(`${gw.url}/credits`, { headers: { authorization: `Bearer ${gw.key}` } }).then((r) => r.json() as Promise<{ pool: unknown }>);
    expect(rest.pool).toEqual({ total_accounts: 2, locked: 0, vendors: { fal: { total_accounts: 2, locked: 0 } } });
  });
});

describe("GraphQL with the simulation only", () => {
  let gw: TestGateway;
  let gql: GraphQLHttp;
  beforeAll(async () => {
    gw = await startGateway({ env: { GATEAI_TIME_SCALE: "1000" }, driver: { enabled: false } });
    gql = graphqlHttp(gw.url);
  }, 60_000);
  afterAll(async () => gw?.close());

  it("credits.pool.vendors is empty, and every model is available on the simulation", async () => {
    const { credits } = await gql.data(CREDITS, {}, { key: gw.key });
    expect(credits.pool).toEqual({ totalAccounts: 12, locked: 0, vendors: [] });
    const { generate } = await gql.data(GENERATE, { model: "kino-xl", params: {} }, { key: gw.key });
    expect(generate.__typename).toBe("GenerateSuccess");
    expect(await gql.data(MODELS, {}, { key: gw.key })).toMatchObject({ unrouted: { available: true, vendor: "simulation" } });
  });
});
