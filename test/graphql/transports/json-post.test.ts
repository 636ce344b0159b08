import { createServer } from "node:http";
import { createSchema, createYoga, type Plugin } from "graphql-yoga";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createJsonPostHandler, REQUEST_HOOKS } from "../../../src/graphql/transports/json-post.ts";
import { startGateway, type TestGateway } from "../../support/gateway.ts";

// JSON POSTs of queries and mutations take a fast path past Yoga's Fetch layer; every other
// request goes through Yoga. A request with an Origin header always goes through Yoga (for its
// CORS headers), so sending each request twice, with and without Origin, compares the two.

let gw: TestGateway;
beforeAll(async () => {
  gw = await startGateway();
}, 60_000);
afterAll(async () => gw?.close());

interface Answer {
  readonly status: number;
  readonly contentType: string | null;
  readonly body: unknown;
}

async function post(body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${gw.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${gw.key}`, ...headers },
    body,
  });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get("content-type"), body: text ? JSON.parse(text) : null };
}

/** The same request through the fast path and through Yoga. */
async function both(body: string, headers: Record<string, string> = {}): Promise<{ fast: Answer; yoga: Answer }> {
  const fast = await post(body, headers);
  const yoga = await post(body, { ...headers, origin: "https://app.example" });
  return { fast, yoga };
}

const query = (source: string, variables?: unknown) => JSON.stringify({ query: source, ...(variables === undefined ? {} : { variables }) });
const ESTIMATE = "query($input: GenerateInput!) { estimate(input: $input) { __typename ... on Estimate { cost fitsInBudget } } }";
const INPUT = { gptImage2: { prompt: "A lake", width: 1024, height: 1024, quality: "HIGH" } };

describe("GraphQL JSON POST fast path", () => {
  it("answers a query exactly as Yoga does", async () => {
    const { fast, yoga } = await both(query(ESTIMATE, { input: INPUT }));
    expect(fast).toEqual(yoga);
    expect(fast.status).toBe(200);
    expect(fast.contentType).toBe("application/json; charset=utf-8");
    expect(fast.body).toEqual({ data: { estimate: { __typename: "Estimate", cost: expect.any(Number), fitsInBudget: true } } });
  });

  it("answers application/graphql-response+json when the client lists it first", async () => {
    const { fast, yoga } = await both(query("{ credits { __typename } }"), { accept: "application/graphql-response+json, application/json" });
    expect(fast).toEqual(yoga);
    expect(fast.contentType).toBe("application/graphql-response+json; charset=utf-8");
  });

  it("selects the named operation of a document with several", async () => {
    const body = JSON.stringify({ query: "query A { credits { __typename } } query B { models { __typename } }", operationName: "A" });
    const { fast, yoga } = await both(body);
    expect(fast).toEqual(yoga);
    expect(fast.body).toEqual({ data: { credits: { __typename: expect.any(String) } } });
  });

  it("runs mutations", async () => {
    const generate = "mutation($input: GenerateInput!) { generate(input: $input) { __typename ... on GenerateSuccess { task { id status } } } }";
    const { body, status } = await post(query(generate, { input: { gptImage2: { prompt: "A cheap one", quality: "LOW" } } }));
    expect(status).toBe(200);
    expect(body).toMatchObject({ data: { generate: { __typename: "GenerateSuccess", task: { id: expect.any(String) } } } });
  });

  it.each([
    ["a syntax error", query("{ credits ")],
    ["a validation error", query("{ credits { nope } }")],
    ["a document over the alias limit", query(`{ ${Array.from({ length: 31 }, (_, i) => `a${i}: credits { __typename }`).join(" ")} }`)],
    ["a document over the token limit", query(`{ ${"credits { __typename } ".repeat(3_000)} }`)],
    ["a document over the length limit", query(`{ credits { __typename } }${" ".repeat(100_000)}`)],
    ["a document over the cost limit", query(`{ ${Array.from({ length: 60 }, () => "credits { __typename }").join(" ")} }`)],
    ["an unknown operation name", JSON.stringify({ query: "query A { credits { __typename } }", operationName: "B" })],
    ["variables that do not coerce", query(ESTIMATE, { input: { gptImage2: { prompt: 1 } } })],
    ["a missing query", JSON.stringify({ variables: {} })],
    ["an unexpected parameter", JSON.stringify({ query: "{ credits { __typename } }", extra: 1 })],
    ["a body that is not JSON", "{ not json"],
    ["a batch", JSON.stringify([{ query: "{ credits { __typename } }" }])],
  ])("answers %s exactly as Yoga does", async (_name, body) => {
    const { fast, yoga } = await both(body);
    expect(fast).toEqual(yoga);
    const strict = await both(body, { accept: "application/graphql-response+json" });
    expect(strict.fast).toEqual(strict.yoga);
    expect(JSON.stringify(fast.body)).toMatch(/"errors"|"data"/);
  });

  it("remembers only valid documents: a repeated valid one answers the same, a repeated invalid one is refused every time", async () => {
    const valid = query(ESTIMATE, { input: INPUT });
    const overLimit = query(`{ ${Array.from({ length: 31 }, (_, i) => `b${i}: credits { __typename }`).join(" ")} }`);
    const first = await post(valid);
    for (let i = 0; i < 3; i++) expect(await post(valid)).toEqual(first);
    const refused = await post(overLimit);
    expect(refused.body).toMatchObject({ errors: [{ message: expect.stringMatching(/alias/i) }] });
    for (let i = 0; i < 3; i++) expect(await post(overLimit)).toEqual(refused);
  });

  it("answers variable errors with status 400 under application/graphql-response+json, as Yoga does", async () => {
    const { fast, yoga } = await both(query(ESTIMATE, { input: { gptImage2: { prompt: 1 } } }), { accept: "application/graphql-response+json" });
    expect(fast).toEqual(yoga);
    expect(fast.status).toBe(400);
  });

  it("hides an unexpected failure behind a generic error, as Yoga does", async () => {
    // A key the cache does not hold, and a database that cannot be reached to look it up.
    const miss = vi.spyOn(gw.services.keys, "authenticateCached").mockReturnValue(undefined);
    const spy = vi.spyOn(gw.services.keys, "authenticate").mockRejectedValue(new Error("connection to 10.0.0.7 refused"));
    try {
      const { fast, yoga } = await both(query("{ credits { __typename } }"));
      expect(fast).toEqual(yoga);
      expect(fast.status).toBe(500);
      expect(JSON.stringify(fast.body)).not.toContain("10.0.0.7");
    } finally {
      spy.mockRestore();
      miss.mockRestore();
    }
  });

  it("leaves subscriptions over SSE to Yoga", async () => {
    const response = await fetch(`${gw.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream", authorization: `Bearer ${gw.key}` },
      body: query("subscription { meUpdated { __typename } }"),
    });
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    await response.body?.cancel();
  });
});

describe("which requests take the fast path", () => {
  // A tiny Yoga behind the handler: a request the handler declines is answered 418 here.
  async function withHandler(run: (url: string) => Promise<void>) {
    const yoga = createYoga({ schema: createSchema({ typeDefs: "type Query { hello: String }", resolvers: { Query: { hello: () => "hi" } } }) });
    const handle = createJsonPostHandler({ yoga, plugins: [], maxBodyBytes: 1_000_000, serverContext: (req, res) => ({ req, res }), logger: pino({ level: "silent" }) });
    const server = createServer((req, res) => {
      void handle(req, res).then((answered) => {
        if (!answered) res.writeHead(418).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    try {
      await run(`http://127.0.0.1:${port}/graphql`);
    } finally {
      server.close();
    }
  }
  const send = (url: string, init: RequestInit) => fetch(url, init).then(async (r) => ({ status: r.status, text: await r.text() }));
  const body = JSON.stringify({ query: "{ hello }" });

  it("takes a JSON POST of a query", async () => {
    await withHandler(async (url) => {
      expect(await send(url, { method: "POST", headers: { "content-type": "application/json" }, body })).toEqual({ status: 200, text: '{"data":{"hello":"hi"}}' });
      const charset = await send(url, { method: "POST", headers: { "content-type": "application/json; charset=utf-8", accept: "*/*" }, body });
      expect(charset.status).toBe(200);
    });
  });

  it("answers documents that do not parse or validate itself, without handing the body to Yoga", async () => {
    // Counts the requests Yoga's own pipeline receives (not told to the handler, which would refuse it).
    const handed = vi.fn();
    const yoga = createYoga({ schema: createSchema({ typeDefs: "type Query { hello: String }", resolvers: { Query: { hello: () => "hi" } } }), plugins: [{ onRequest: handed }] });
    const handle = createJsonPostHandler({ yoga, plugins: [], maxBodyBytes: 1_000_000, serverContext: (req, res) => ({ req, res }), logger: pino({ level: "silent" }) });
    const server = createServer((req, res) => void handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`;
    try {
      const syntax = await send(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ hello" }) });
      expect(syntax.status).toBe(200);
      expect(JSON.parse(syntax.text)).toMatchObject({ errors: [{ message: expect.stringMatching(/^Syntax Error/) }] });
      const invalid = await send(url, { method: "POST", headers: { "content-type": "application/json", accept: "application/graphql-response+json" }, body: JSON.stringify({ query: "{ nope }" }) });
      expect(invalid.status).toBe(400);
      expect(JSON.parse(invalid.text)).toMatchObject({ errors: [{ message: expect.stringMatching(/nope/), extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }] });
      expect(handed).not.toHaveBeenCalled();
      // An operation it cannot pick is still Yoga's to answer.
      await send(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "query A { hello }", operationName: "B" }) });
      expect(handed).toHaveBeenCalledTimes(1);
    } finally {
      server.close();
    }
  });

  it("answers a GraphQLError the context throws with its own status, as Yoga does (a backing service down: 503)", async () => {
    const { GraphQLError } = await import("graphql");
    const yoga = createYoga({
      schema: createSchema({ typeDefs: "type Query { hello: String }", resolvers: { Query: { hello: () => "hi" } } }),
      // As the gateway's masking does for a backing service that is down (unavailable-errors.ts).
      maskedErrors: false,
      context: () => {
        throw new GraphQLError("unavailable", { extensions: { code: "SERVICE_UNAVAILABLE", http: { status: 503, headers: { "retry-after": "5" } } } });
      },
    });
    const handle = createJsonPostHandler({ yoga, plugins: [], maxBodyBytes: 1_000_000, serverContext: (req, res) => ({ req, res }), logger: pino({ level: "silent" }) });
    const server = createServer((req, res) => void handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body });
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect(await response.json()).toMatchObject({ errors: [{ message: "unavailable", extensions: { code: "SERVICE_UNAVAILABLE" } }] });
    } finally {
      server.close();
    }
  });

  it.each([
    ["a GET", { method: "GET" }],
    ["a request with an Origin (CORS)", { method: "POST", headers: { "content-type": "application/json", origin: "https://app.example" }, body }],
    ["an SSE request", { method: "POST", headers: { "content-type": "application/json", accept: "text/event-stream" }, body }],
    ["a weighted Accept", { method: "POST", headers: { "content-type": "application/json", accept: "application/json;q=0.5" }, body }],
    ["another content type", { method: "POST", headers: { "content-type": "application/graphql" }, body: "{ hello }" }],
  ] as const)("leaves %s to Yoga", async (_name, init) => {
    await withHandler(async (url) => {
      expect((await send(url, init as RequestInit)).status).toBe(418);
    });
  });
});

describe("plugins the JSON POST path cannot serve", () => {
  const yoga = () => createYoga({ schema: createSchema({ typeDefs: "type Query { hello: String }" }) });
  const construct = (plugins: Plugin[], allowRequestHooks?: ReadonlyMap<Plugin, string>) =>
    createJsonPostHandler({ yoga: yoga(), plugins, ...(allowRequestHooks ? { allowRequestHooks } : {}), maxBodyBytes: 1_000, serverContext: (req, res) => ({ req, res }), logger: pino({ level: "silent" }) });
  const envelopOnly: Plugin = { onParse() {}, onValidate() {}, onContextBuilding() {}, onExecute() {}, onSubscribe() {} };

  it("takes plugins with envelop hooks only", () => {
    expect(() => construct([envelopOnly, {}])).not.toThrow();
  });

  it.each([...REQUEST_HOOKS, "onPluginInit"])("refuses at construction a plugin with %s, naming it", (hook) => {
    const plugin = { [hook]: () => undefined } as Plugin;
    expect(() => construct([envelopOnly, plugin])).toThrow(new RegExp(`JSON POST path bypasses Yoga's request pipeline.*plugin 1 \\(${hook}\\)`));
  });

  it("refuses request instrumentation, and names every hook of a plugin", () => {
    const plugin: Plugin = { onRequest() {}, onResponse() {}, instrumentation: { request: (_payload, wrapped) => wrapped() } };
    expect(() => construct([plugin])).toThrow(/plugin 0 \(onRequest, onResponse, instrumentation\.request\)/);
  });

  it("takes such a plugin when it is allow-listed with a reason, and only with one", () => {
    const plugin: Plugin = { onResultProcess() {} };
    expect(() => construct([plugin], new Map([[plugin, "formats only SSE answers, which never take the JSON POST path"]]))).not.toThrow();
    expect(() => construct([plugin], new Map([[plugin, " "]]))).toThrow(/plugin 0 \(onResultProcess\)/);
    expect(() => construct([plugin, { onParams() {} }], new Map([[plugin, "a reason"]]))).toThrow(/plugin 1 \(onParams\)/);
  });
});
