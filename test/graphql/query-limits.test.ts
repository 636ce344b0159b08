// The limits on a GraphQL request (README "Limits on input"): documents (GraphQL Armor's tokens,
// depth and aliases, and the list-aware cost), lists in variables and arguments, model ids, and
// subscriptions over plain HTTP. Each is refused cheaply, before the work it would cause.
import { createRequire } from "node:module";
import type { ValidationRule } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine/engine.ts";
import { buildSchema } from "../../src/graphql/schema.ts";
import { EXCLUSIVE_FIELDS, listSizes } from "../../src/graphql/list-sizes.ts";
import { queryCostRule } from "../../src/graphql/plugins/query-cost.ts";
import { QUERY_LIMITS } from "../../src/graphql/server.ts";
import { startGateway, type TestGateway } from "../support/gateway.ts";
import { wsClient } from "./support/client.ts";

// The schema's own copy of graphql-js (the one Pothos built it with).
const graphql = createRequire(import.meta.url)("graphql") as typeof import("graphql");

let gw: TestGateway;
beforeAll(async () => {
  gw = await startGateway();
}, 60_000);
afterAll(async () => gw?.close());

const post = async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
  const started = performance.now();
  const response = await fetch(`${gw.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${gw.key}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, ms: performance.now() - started, bytes: text.length, ...(JSON.parse(text) as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] }) };
};

const repeat = (n: number, text: (i: number) => string) => Array.from({ length: n }, (_, i) => text(i)).join("\n");

/** Every field of every model: what a client reading the whole catalog asks. */
const CATALOG = /* GraphQL */ `{
  models {
    __typename
    ... on AiModel {
      id name kind output costSummary defaultCost requiredParams maxQuantity resolutionParam resolutionTiers example
      params {
        __typename name required description specType
        ... on IntegerParam { intDefault: default min max step }
        ... on NumberParam { numberDefault: default min max }
        ... on StringParam { stringDefault: default minLength maxLength }
        ... on BooleanParam { booleanDefault: default }
        ... on EnumParam { values enumDefault: default }
        ... on NumericEnumParam { numbers: values numericDefault: default }
        ... on ArrayParam { arrayDefault: default }
        ... on AnyParam { anyDefault: default }
      }
      resolutions { label width height tier }
      dimensionRange { width { min max step } height { min max step } }
    }
    ... on VideoModel { durations durationParam }
  }
}`;

/** Every field of a model, without aliases: 30 aliased `models` lists of it answered 2.1 MB. */
const MODEL_FIELDS = `{ ... on AiModel { id name kind output costSummary defaultCost requiredParams maxQuantity resolutionParam resolutionTiers example
  params { __typename name required description specType ... on EnumParam { values } ... on IntegerParam { min max step } }
  resolutions { label width height tier } dimensionRange { width { min max step } height { min max step } } } ... on VideoModel { durations durationParam } }`;

describe("GraphQL document limits", () => {
  it("answers a document with 30 aliases", async () => {
    const result = await post(`{ ${repeat(30, (i) => `a${i}: credits { __typename }`)} }`);
    expect(result.errors).toBeUndefined();
  });

  it("refuses a document with more than 30 aliases before running it", async () => {
    const result = await post(`{ ${repeat(31, (i) => `a${i}: credits { __typename }`)} }`);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.message).toMatch(/alias/i);
  });

  it(`refuses a document of more than ${QUERY_LIMITS.tokens} tokens`, async () => {
    // Short tokens: under the length bound, over the token bound.
    const result = await post(`{ ${repeat(QUERY_LIMITS.tokens + 500, () => "a")} }`);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.message).toMatch(/token/i);
  });

  it(`refuses a document of more than ${QUERY_LIMITS.characters} characters before parsing it, naming the bound`, async () => {
    // Unparseable as well: the length is what refuses it, not the lexer.
    const result = await post(`{ ${"a".repeat(QUERY_LIMITS.characters)} {{{`);
    expect(result.data).toBeUndefined();
    expect(result.errors).toEqual([expect.objectContaining({ message: expect.stringContaining(`at most ${QUERY_LIMITS.characters}`), extensions: { code: "QUERY_TOO_COMPLEX", limits: { maxCharacters: QUERY_LIMITS.characters } } })]);
    expect((await post(`{ credits { __typename } }${" ".repeat(QUERY_LIMITS.characters - 30)}`)).errors).toBeUndefined();
  });

  it("still serves the introspection queries GraphiQL and codegen send", async () => {
    const full = graphql.getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true });
    for (const query of [full, "{ __schema { types { name kind fields { name type { name kind ofType { name kind ofType { name kind ofType { name } } } } } } } }"]) {
      const result = await post(query);
      expect(result.errors).toBeUndefined();
    }
  });

  it("answers the whole catalog with every field in one query", async () => {
    const result = await post(CATALOG);
    expect(result.errors).toBeUndefined();
    expect(result.data.models).toHaveLength(gw.services.engine.models.length);
  });

  // What a frontend's generated client sends: every argument a variable, every field of a point.
  const PRICE_EXPLORER = /* GraphQL */ `query PriceExplorer($input: GenerateInput!, $across: String!, $by: String) {
    priceAcross(input: $input, across: $across, by: $by) {
      ... on PriceTable { across by series { by points { value cost params adjustments { param from to reason } error { code message ... on InvalidParams { issues { field reason } } } } } }
      ... on InvalidParams { code message issues { field reason } }
    }
  }`;
  const PRICE_EXPLORER_WITH_MODELS = /* GraphQL */ `query PriceExplorer($input: GenerateInput!, $across: String!, $by: String, $values: [JSON!], $byValues: [JSON!]) {
    priceAcross(input: $input, across: $across, by: $by, values: $values, byValues: $byValues) {
      __typename
      ... on PriceTable { __typename across by series { __typename by points { __typename value cost params input adjustments { __typename param from to reason } error { __typename code message ... on InvalidParams { issues { __typename field reason } } } } } }
      ... on Error { __typename code message }
    }
    models { __typename ... on AiModel { id name resolutionParam durationParam: inputField params { __typename name ... on EnumParam { values } } } }
  }`;

  it("answers the price explorer a frontend sends, its arguments variables and every field of a point selected", async () => {
    const input = { raw: { model: "seedance-2.0", params: { prompt: "x" } } };
    const table = await post(PRICE_EXPLORER, { input, across: "duration", by: "mode" });
    expect(table.errors).toBeUndefined();
    expect(table.data.priceAcross.series).toHaveLength(2);
    const full = await post(PRICE_EXPLORER_WITH_MODELS, { input, across: "duration", by: "mode", values: Array.from({ length: 50 }, (_, i) => 4 + (i % 12)), byValues: Array(50).fill("RESOLUTION_720") });
    expect(full.errors).toBeUndefined();
    expect(full.data.priceAcross.series).toHaveLength(50);
    expect(full.data.models).toHaveLength(gw.services.engine.models.length);
  });

  it("refuses 30 aliased `models` lists of every field (8.7 KB that answered 2.1 MB) before running them", async () => {
    const selection = MODEL_FIELDS;
    expect((await post(`{ models ${selection} }`)).errors).toBeUndefined();
    const result = await post(`{ ${repeat(30, (i) => `m${i}: models ${selection}`)} }`);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    expect(result.bytes).toBeLessThan(2_000);
  });

  it("refuses 4,700 `models` selections (0.35–0.55 s to validate) at once", async () => {
    // 150 KB: refused by its length before the lexer; 66 KB of `models { id }`: by the token limit.
    const result = await post(`{ ${repeat(4_700, () => "models { ... on AiModel { id } }")} }`);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    const shorter = await post(`{ ${repeat(4_700, () => "models { id }")} }`);
    expect(shorter.data).toBeUndefined();
    expect(shorter.errors?.[0]?.message).toMatch(/Token limit/);
    expect(shorter.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    const repeated = await post(`{ ${repeat(1_200, () => "models { __typename }")} }`);
    expect(repeated.data).toBeUndefined();
    expect(repeated.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
  });

  it("refuses a field selected more than 50 times in one selection set, fragments included", async () => {
    const direct = await post(`{ ${repeat(QUERY_LIMITS.duplicates + 1, () => "credits { __typename }")} }`);
    expect(direct.errors?.[0]?.message).toMatch(/more than 50 times/);
    const viaFragments = await post(`{ ${repeat(51, (i) => `...F${i}`)} }\n${repeat(51, (i) => `fragment F${i} on Query { credits { __typename } }`)}`);
    expect(viaFragments.errors?.[0]?.message).toMatch(/more than 50 times/);
    const allowed = await post(`{ ${repeat(QUERY_LIMITS.duplicates, () => "credits { __typename }")} }`);
    expect(allowed.errors).toBeUndefined();
  });

  // How long they take to validate is a benchmark's question (bench:hostile floods the gateway
  // with the duplicates one); here: the limits let them through, so that flood is a real one.
  it("accepts the worst documents the limits allow", () => {
    const schema = buildSchema(createEngine());
    const rules: ValidationRule[] = [
      ...graphql.specifiedRules,
      queryCostRule({ maxCost: QUERY_LIMITS.cost, maxFields: QUERY_LIMITS.fields, maxDuplicates: QUERY_LIMITS.duplicates, listSizes: listSizes(createEngine()), defaultListSize: 100, exclusiveFields: EXCLUSIVE_FIELDS }),
    ];
    const queryFields = ["credits", "me", "models", "tasks"];
    const sub: Record<string, string> = {
      credits: "{ ... on Credits { yourBudget { used remaining dailyLimit } } }",
      me: "{ ... on Dashboard { budget { used } } }",
      models: "{ __typename }",
      tasks: "{ ... on TaskConnection { pageInfo { hasNextPage } } }",
    };
    const worst = {
      // Every Query field that needs no argument, each 50 times (the duplicate bound), with a sub-selection to compare.
      duplicates: `{ ${queryFields.map((f) => repeat(QUERY_LIMITS.duplicates, () => `${f} ${sub[f]}`)).join("\n")} }`,
      // 50 fragments, each 4 fields selected again and again, all spread at one level.
      fragments: `{ ${repeat(50, (i) => `...F${i}`)} }\n${repeat(50, (i) => `fragment F${i} on Query { credits ${sub.credits} me ${sub.me} models ${sub.models} tasks ${sub.tasks} }`)}`,
      // 50 leaves, repeated 50 times, under one field.
      leaves: `{ credits { ... on Credits { yourBudget { ${repeat(QUERY_LIMITS.duplicates, () => "used remaining dailyLimit resetsAt")} } } } }`,
    };
    for (const [name, source] of Object.entries(worst)) {
      expect(source.length, name).toBeLessThanOrEqual(QUERY_LIMITS.characters);
      const document = graphql.parse(source, { maxTokens: QUERY_LIMITS.tokens });
      expect(graphql.validate(schema, document, rules).map((e) => e.message), name).toEqual([]);
    }
  });
});

describe("query limit refusals are request errors", () => {
  const cases: [string, () => string, Record<string, number>][] = [
    ["aliases", () => `{ ${repeat(QUERY_LIMITS.aliases + 1, (i) => `a${i}: credits { __typename }`)} }`, { maxAliases: QUERY_LIMITS.aliases }],
    ["tokens", () => `{ ${repeat(QUERY_LIMITS.tokens + 500, () => "a")} }`, { maxTokens: QUERY_LIMITS.tokens }],
    // No type of the schema nests past 12 levels: any document that deep is refused before its fields are checked.
    ["depth", () => `{ ${"a { ".repeat(QUERY_LIMITS.depth + 1)}b${" }".repeat(QUERY_LIMITS.depth + 1)} }`, { maxDepth: QUERY_LIMITS.depth }],
    ["characters", () => `{ ${"a".repeat(QUERY_LIMITS.characters)} }`, { maxCharacters: QUERY_LIMITS.characters }],
    ["cost", () => `{ ${repeat(30, (i) => `m${i}: models ${MODEL_FIELDS}`)} }`, { maxCost: QUERY_LIMITS.cost }],
  ];
  it.each(cases)("%s: 400 QUERY_TOO_COMPLEX under application/graphql-response+json, 200 under application/json, never a syntax error", async (_name, document, limits) => {
    const strict = await post(document(), {}, { accept: "application/graphql-response+json" });
    expect(strict.status).toBe(400);
    expect(strict.data).toBeUndefined();
    expect(strict.errors).toHaveLength(1);
    expect(strict.errors?.[0]?.extensions).toEqual({ code: "QUERY_TOO_COMPLEX", limits: expect.objectContaining(limits) });
    expect(strict.errors?.[0]?.message).toMatch(/^Query refused: /);
    const json = await post(document(), {}, { accept: "application/json" });
    expect(json.status).toBe(200);
    expect(json.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
  });
});

describe("GraphQL list and id bounds", () => {
  const PRICE = /* GraphQL */ `query ($values: [JSON!], $byValues: [JSON!], $by: String) {
    priceAcross(input: { raw: { model: "seedance-2.0", params: { prompt: "x" } } }, across: "duration", by: $by, values: $values, byValues: $byValues) {
      __typename ... on PriceTable { series { points { value cost } } } ... on InvalidParams { issues { field reason } }
    }
  }`;

  it("priceAcross: 50 × 50 values are priced; 51, or 700 × 700, are InvalidParams at once", async () => {
    const values = Array.from({ length: 50 }, (_, i) => 4 + (i % 12));
    const modes = Array.from({ length: 50 }, (_, i) => (i % 2 ? "RESOLUTION_720" : "RESOLUTION_1080"));
    const full = await post(PRICE, { values, byValues: modes, by: "mode" });
    expect(full.data.priceAcross.series).toHaveLength(50);
    const over = await post(PRICE, { values: [...values, 4] });
    expect(over.data.priceAcross).toEqual({ __typename: "InvalidParams", issues: [{ field: "values", reason: "has 51 values; at most 50" }] });
    const huge = Array.from({ length: 700 }, (_, i) => i);
    // Over 200 items, a variable list is refused before graphql-js coerces it: a request error,
    // 400 as for variables that do not coerce.
    const refused = await post(PRICE, { values: huge, byValues: huge, by: "mode" });
    expect(refused.status).toBe(400);
    expect(refused.ms).toBeLessThan(1_000);
    expect(refused.data).toBeUndefined();
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: "INVALID_PARAMS" } });
    expect(refused.errors?.[0]?.message).toMatch(/700 items; at most 200/);
  });

  it("planBudget: at most 200 requests", async () => {
    const PLAN = /* GraphQL */ `query ($requests: [GenerateInput!]!) { planBudget(requests: $requests, budget: 1000) { __typename ... on BudgetPlan { steps { index } } ... on InvalidParams { issues { field reason } } } }`;
    const request = { raw: { model: "gpt-image-2", params: { prompt: "x", quality: "low" } } };
    const ok = await post(PLAN, { requests: Array(200).fill(request) });
    expect(ok.data.planBudget.steps).toHaveLength(200);
    const over = await post(PLAN, { requests: Array(201).fill(request) });
    expect(over.errors?.[0]?.message).toMatch(/201 items; at most 200/);
    // Written in the document instead of variables: the resolver's bound.
    const literal = await post(`{ planBudget(budget: 1, requests: [${repeat(201, () => '{ raw: { model: "gpt-image-2" } }')}]) { __typename ... on InvalidParams { issues { field reason } } } }`);
    expect(literal.data.planBudget).toEqual({ __typename: "InvalidParams", issues: [{ field: "requests", reason: "has 201 requests; at most 200" }] });
  });

  it("planBudget: a budget that is negative, not finite or over $1,000,000,000 is InvalidParams naming it; $0 plans with nothing", async () => {
    const plan = (budget: string) => post(`{ planBudget(budget: ${budget}, requests: [{ raw: { model: "gpt-image-2", params: { prompt: "x" } } }]) { __typename ... on BudgetPlan { startingBudget remaining } ... on InvalidParams { issues { field reason } } } }`);
    for (const budget of ["-1", "1e400", "1e303", "1000000001"]) {
      const refused = await plan(budget);
      expect(refused.errors, budget).toBeUndefined();
      expect(refused.data.planBudget, budget).toEqual({ __typename: "InvalidParams", issues: [{ field: "budget", reason: "must be a finite number of dollars from $0 to $1,000,000,000" }] });
    }
    expect((await plan("0")).data.planBudget).toEqual({ __typename: "BudgetPlan", startingBudget: 0, remaining: 0 });
    expect((await plan("1000000000")).data.planBudget).toMatchObject({ __typename: "BudgetPlan", startingBudget: 1_000_000_000 });
  });

  it("planBudget: a step with text that cannot be stored fails as generate would, and charges nothing to the plan", async () => {
    const PLAN = /* GraphQL */ `query ($requests: [GenerateInput!]!) { planBudget(requests: $requests, budget: 1) { ... on BudgetPlan { totalCost steps { model cost error { code } } } } }`;
    const result = await post(PLAN, { requests: [{ raw: { model: "gpt-image-2", params: { prompt: "a\u0000", quality: "low" } } }] });
    expect(result.data.planBudget).toEqual({ totalCost: 0, steps: [{ model: "gpt-image-2", cost: null, error: { code: "INVALID_PARAMS" } }] });
  });

  it("lists in variables over 200 items, or nested deeper than 16, are refused before they are coerced", async () => {
    const TASKS = /* GraphQL */ `query ($status: [TaskStatus!]) { tasks(status: $status) { __typename } }`;
    const refused = await post(TASKS, { status: Array(100_000).fill("QUEUED") });
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: "INVALID_PARAMS" } });
    expect((await post(TASKS, { status: Array(200).fill("QUEUED") })).data.tasks.__typename).toBe("TaskConnection");
    const deep = JSON.parse(`${"[".repeat(30)}1${"]".repeat(30)}`);
    const nested = await post(`query ($v: [JSON!]) { priceAcross(input: { raw: { model: "sora-2" } }, across: "duration", values: $v) { __typename } }`, { v: [deep] });
    expect(nested.errors?.[0]?.message).toMatch(/deeper than 16/);
  });

  it("model(id:) with a 3 MB id is InvalidParams before any fuzzy matching; 100 characters still get suggestions", async () => {
    const MODEL = /* GraphQL */ `query ($id: ID!) { model(id: $id) { __typename ... on InvalidParams { issues { field reason } } ... on ModelNotFound { model suggestions } } }`;
    const huge = await post(MODEL, { id: "x".repeat(3_000_000) });
    expect(huge.data.model).toEqual({ __typename: "InvalidParams", issues: [{ field: "id", reason: "longer than 100 characters (no model id is)" }] });
    expect(huge.bytes).toBeLessThan(500);
    const nul = await post(MODEL, { id: "sora-2\u0000" });
    expect(nul.data.model.__typename).toBe("InvalidParams");
    const near = await post(MODEL, { id: "seedance" });
    expect(near.data.model).toEqual({ __typename: "ModelNotFound", model: "seedance", suggestions: ["seedance-2.0"] });
  });

  it("task ids, cursors and model filters that no task can have are not found (never a 500, never a database error)", async () => {
    const TASK = /* GraphQL */ `query ($id: ID!) { task(id: $id) { __typename ... on TaskNotFound { taskId } } }`;
    for (const id of ["a\u0000b", "\ud800", "t".repeat(1_000_000)]) {
      const result = await post(TASK, { id });
      expect(result.status).toBe(200);
      expect(result.data.task.__typename).toBe("TaskNotFound");
      expect(result.data.task.taskId.length).toBeLessThanOrEqual(101);
    }
    const TASKS = /* GraphQL */ `query ($after: String, $model: String) { tasks(after: $after, model: $model) { ... on TaskConnection { nodes { id } pageInfo { hasNextPage } } } }`;
    for (const variables of [{ model: "a\u0000" }, { after: "\udc00" }, { model: "m".repeat(200) }]) {
      const result = await post(TASKS, variables);
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      expect(result.data.tasks).toEqual({ nodes: [], pageInfo: { hasNextPage: false } });
    }
  });

  it("tasks(first:) is clamped to 1..100, as the service does; cheapestModels(first:) too", async () => {
    const result = await post(`{ tasks(first: 100000) { __typename } low: tasks(first: -5) { __typename } cheapestModels(first: 100000, need: { output: IMAGE }) { ... on ModelOptions { options { cost } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.cheapestModels.options.length).toBeLessThanOrEqual(100);
  });
});

describe("graphql-ws", () => {
  it("a subscription over the limits is answered with the error; the socket and its other subscriptions go on", async () => {
    const ws = wsClient(gw.url, `Bearer ${gw.key}`);
    const first = <T,>(query: string) =>
      new Promise<{ data?: T; errors?: readonly { message: string }[] }>((resolve, reject) => {
        const stop = ws.subscribe<T>({ query }, {
          next: (result) => {
            stop();
            resolve(result as never);
          },
          error: (error) => resolve({ errors: Array.isArray(error) ? error : [error as { message: string }] }),
          complete: () => undefined,
        });
        setTimeout(() => reject(new Error("no answer")), 5_000);
      });
    try {
      const refused = await first(`subscription { ${repeat(QUERY_LIMITS.duplicates + 1, () => "meUpdated { __typename }")} }`);
      expect(refused.errors?.[0]?.message).toMatch(/more than 50 times/);
      const served = await first<{ meUpdated: { __typename: string } }>("subscription { meUpdated { __typename } }");
      expect(served.data?.meUpdated.__typename).toBe("Dashboard");
    } finally {
      await ws.dispose();
    }
  });
});

describe("subscriptions over plain HTTP", () => {
  it("a subscription POSTed without Accept: text/event-stream answers 406 at once, saying what to send", async () => {
    for (const accept of [undefined, "*/*", "application/json", "application/graphql-response+json", "multipart/mixed"]) {
      const response = await fetch(`${gw.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${gw.key}`, ...(accept ? { accept } : {}) },
        body: JSON.stringify({ query: "subscription { meUpdated { __typename } }" }),
        signal: AbortSignal.timeout(5_000),
      });
      expect(response.status, String(accept)).toBe(406);
      // Yoga answers a multipart subscription 406 itself, listing the media types it takes.
      if (accept === "multipart/mixed") continue;
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]).toMatchObject({ message: expect.stringContaining("Accept: text/event-stream"), extensions: { code: "NOT_ACCEPTABLE" } });
    }
  });

  it("with Accept: text/event-stream it streams as before", async () => {
    const controller = new AbortController();
    const response = await fetch(`${gw.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${gw.key}`, accept: "text/event-stream" },
      body: JSON.stringify({ query: "subscription { meUpdated { __typename } }" }),
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reader = response.body!.getReader();
    let text = "";
    while (!text.includes("Dashboard")) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
  });
});
