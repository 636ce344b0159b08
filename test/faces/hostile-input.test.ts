// Hostile input through both faces (issue 12, "Errors stay data"): failed authentication is
// throttled per client address, a spent budget refuses rather than running anything at $0, ids
// longer than any are refused before any lookup, and nothing of it is a 500.
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { graphqlHttp, wsClient, type GraphQLHttp } from "../graphql/support/client.ts";
import { client, type Client } from "../rest/http.ts";
import { startGateway, type TestGateway } from "../support/gateway.ts";

const ADMIN_TOKEN = "hostile-input-admin-token-0123456789";
const PER_MINUTE = 3;

let gw: TestGateway;
let rest: Client;
let gql: GraphQLHttp;
beforeAll(async () => {
  gw = await startGateway({ env: { GATEAI_TIME_SCALE: "1000", GATEAI_AUTH_FAILURES_PER_MINUTE: String(PER_MINUTE), GATEAI_ADMIN_TOKEN: ADMIN_TOKEN } });
  rest = client(gw.url);
  gql = graphqlHttp(gw.url);
}, 60_000);
afterAll(async () => gw?.close());

/** A request from its own client address, as a trusted proxy would say it (127.0.0.x are all this machine). */
const from = (address: string) => ({ "x-forwarded-for": address });

describe("failed authentication is throttled per client address", () => {
  let trusted: TestGateway;
  beforeAll(async () => {
    // Behind a trusted proxy, X-Forwarded-For names the client: each test uses addresses of its own.
    trusted = await startGateway({ env: { GATEAI_AUTH_FAILURES_PER_MINUTE: String(PER_MINUTE), GATEAI_TRUST_PROXY: "1", GATEAI_ADMIN_TOKEN: ADMIN_TOKEN } });
  }, 60_000);
  afterAll(async () => trusted?.close());

  it("REST: after 3 wrong keys a minute, 429 RATE_LIMITED with Retry-After, even for a valid key not yet known; other addresses and known keys pass", async () => {
    const api = client(trusted.url);
    const { key } = await trusted.createKey();
    for (let i = 0; i < PER_MINUTE; i++) {
      const reply = await api.get("/credits", { key: `sk-wrong-key-${i}-00000000000000000000`, headers: from("198.51.100.1") });
      expect(reply.status).toBe(401);
    }
    const throttled = await api.get("/credits", { key: "sk-wrong-key-again-000000000000000000", headers: from("198.51.100.1") });
    expect(throttled.status).toBe(429);
    expect(throttled.body).toMatchObject({ code: "RATE_LIMITED", reason: "AUTH_FAILURES", retry_after: 20 });
    expect(throttled.headers.get("retry-after")).toBe("20");
    // A valid key the gateway has not seen yet is not looked up from a throttled address either.
    expect((await api.get("/credits", { key, headers: from("198.51.100.1") })).status).toBe(429);
    expect((await api.get("/api/me?key=sk-wrong-key-query-0000000000000000", { headers: from("198.51.100.1") })).status).toBe(429);
    // Another address is not concerned; once the key is known (cached), it passes everywhere.
    expect((await api.get("/credits", { key, headers: from("198.51.100.2") })).status).toBe(200);
    expect((await api.get("/credits", { key, headers: from("198.51.100.1") })).status).toBe(200);
    // No key at all is no failed authentication: 401, not counted.
    for (let i = 0; i < 5; i++) expect((await api.get("/credits", { headers: from("198.51.100.3") })).status).toBe(401);
    expect((await api.get("/credits", { key: "sk-wrong-key-after-none-000000000000", headers: from("198.51.100.3") })).status).toBe(401);
  });

  it("GraphQL over HTTP: 429 with Retry-After and RATE_LIMITED (AUTH_FAILURES); wrong admin tokens count too", async () => {
    const api = graphqlHttp(trusted.url);
    const CREDITS = "{ credits { __typename } }";
    for (let i = 0; i < PER_MINUTE; i++) {
      const reply = await api.post(CREDITS, {}, { headers: { ...from("198.51.100.10"), "x-admin-token": `not-the-admin-token-${i}` } });
      expect(reply.status).toBe(200);
    }
    for (const headers of [{ authorization: "Bearer sk-wrong-key-graphql-00000000000000" }, { "x-admin-token": ADMIN_TOKEN }] as Record<string, string>[]) {
      const response = await fetch(`${trusted.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...from("198.51.100.10"), ...headers },
        body: JSON.stringify({ query: CREDITS }),
      });
      expect(response.status).toBe(429);
      expect(response.headers.get("retry-after")).toBe("20");
      expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: "RATE_LIMITED", reason: "AUTH_FAILURES", retryAfterSeconds: 20 } }] });
    }
    // Without credentials the public fields still answer.
    expect((await api.post("{ models { __typename } }", {}, { headers: from("198.51.100.10") })).status).toBe(200);
    // A key found valid lately is looked up for the throttled address, once out of the cache too.
    const { key, record } = await trusted.createKey();
    expect((await api.post(CREDITS, {}, { key, headers: from("198.51.100.11") })).status).toBe(200);
    trusted.services.keys.invalidate(record.id);
    const lately = await api.post(CREDITS, {}, { key, headers: from("198.51.100.10") });
    expect(lately.status).toBe(200);
    expect(lately.body.data).toMatchObject({ credits: { __typename: "Credits" } });
  });

  it("graphql-ws: a throttled address is anonymous (Unauthorized) until a token is back", async () => {
    const api = graphqlHttp(trusted.url);
    for (let i = 0; i < PER_MINUTE; i++) await api.post("{ credits { __typename } }", {}, { key: `sk-wrong-key-ws-${i}-0000000000000000000`, headers: from("198.51.100.20") });
    const { key } = await trusted.createKey();
    const ws = wsClient(trusted.url, `Bearer ${key}`, from("198.51.100.20"));
    try {
      const first = await new Promise<Record<string, any>>((resolve, reject) => {
        const stop = ws.subscribe<Record<string, any>>({ query: "subscription { meUpdated { __typename } }" }, {
          next: (result) => {
            stop();
            resolve(result.data!);
          },
          error: reject,
          complete: () => undefined,
        });
      });
      expect(first.meUpdated.__typename).toBe("Unauthorized");
    } finally {
      await ws.dispose();
    }
  });

  it("more valid keys sent at once from one address than its bucket holds are all answered, on both faces", async () => {
    const api = client(trusted.url);
    const gqlApi = graphqlHttp(trusted.url);
    const keys = await Promise.all(Array.from({ length: 20 * PER_MINUTE }, () => trusted.createKey()));
    const restReplies = await Promise.all(keys.slice(0, 10 * PER_MINUTE).map(({ key }) => api.get("/credits", { key, headers: from("198.51.100.40") })));
    expect(restReplies.map((r) => r.status)).toEqual(restReplies.map(() => 200));
    const gqlReplies = await Promise.all(keys.slice(10 * PER_MINUTE).map(({ key }) => gqlApi.post("{ credits { __typename } }", {}, { key, headers: from("198.51.100.41") })));
    expect(gqlReplies.map((r) => [r.status, r.body.data?.credits?.__typename])).toEqual(gqlReplies.map(() => [200, "Credits"]));
  });

  it("a key held back once its address's lookups under way are at their bound: 429 with Retry-After on REST and on GraphQL over HTTP, not Unauthorized", async () => {
    const keys = trusted.services.keys;
    const lookUp = keys.authenticate;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let started = 0;
    keys.authenticate = (raw) => {
      started++;
      return gate.then(() => lookUp.call(keys, raw));
    };
    try {
      const address = from("198.51.100.50");
      // The bound: the address's 3 tokens plus 100 lookups, all held at the gate.
      const held = Array.from({ length: PER_MINUTE + 100 }, (_, i) => client(trusted.url).get("/credits", { key: `sk-held-lookup-${i}-000000000000000000`, headers: address }));
      await vi.waitFor(() => expect(started).toBe(PER_MINUTE + 100));
      const { key } = await trusted.createKey();
      const rest = await client(trusted.url).get("/credits", { key, headers: address });
      expect(rest.status).toBe(429);
      expect(rest.body).toMatchObject({ code: "RATE_LIMITED", reason: "AUTH_FAILURES" });
      expect(rest.headers.get("retry-after")).toBe("1");
      const CREDITS = "{ credits { __typename } }";
      const post = await fetch(`${trusted.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${key}`, ...address }, body: JSON.stringify({ query: CREDITS }) });
      expect(post.status).toBe(429);
      expect(post.headers.get("retry-after")).toBe("1");
      expect(await post.json()).toMatchObject({ errors: [{ extensions: { code: "RATE_LIMITED", reason: "AUTH_FAILURES", retryAfterSeconds: 1 } }] });
      // A GET query goes through Yoga rather than the JSON POST path: the same answer.
      const get = await fetch(`${trusted.url}/graphql?query=${encodeURIComponent(CREDITS)}`, { headers: { accept: "application/json", authorization: `Bearer ${key}`, ...address } });
      expect(get.status).toBe(429);
      expect(get.headers.get("retry-after")).toBe("1");
      open();
      expect((await Promise.all(held)).map((r) => r.status)).toEqual(held.map(() => 401));
    } finally {
      open();
      keys.authenticate = lookUp;
    }
  });

  it("a presented key over 256 characters fails without being hashed", async () => {
    const api = client(trusted.url);
    const reply = await api.get("/credits", { key: `sk-${"k".repeat(10_000)}`, headers: from("198.51.100.30") });
    expect(reply.status).toBe(401);
  });
});

describe("a spent budget refuses every request (INSUFFICIENT_BUDGET), nothing runs at $0", () => {
  it("REST and GraphQL: lucid-origin on an exhausted key is 402, not a 16×16 image for $0", async () => {
    const { key } = await gw.createKey({ dailyLimitUsd: 0.002 });
    // Spend it all: lucid-origin at its default 1024×1024 costs exactly $0.002.
    const spent = await rest.post("/api/generate", { model: "lucid-origin", params: { prompt: "x" } }, { key });
    expect(spent.status).toBe(200);
    expect(spent.body).toMatchObject({ cost: 0.002, remaining: 0 });

    const refused = await rest.post("/api/generate", { model: "lucid-origin", params: { prompt: "x" } }, { key });
    expect(refused.status).toBe(402);
    expect(refused.body).toMatchObject({ code: "INSUFFICIENT_BUDGET", cheapest_cost: 0.000001, remaining: 0 });
    const viaGraphQL = await gql.data(
      `mutation { generate(input: { raw: { model: "lucid-origin", params: { prompt: "x" } } }) { __typename ... on InsufficientBudget { cheapestCost remaining } } }`,
      {},
      { key },
    );
    expect(viaGraphQL.generate).toEqual({ __typename: "InsufficientBudget", cheapestCost: 0.000001, remaining: 0 });
  });
});

describe("ids and keys over their bounds, text that cannot be stored", () => {
  it("GET /v1/models/{id}: an id over 100 characters is 400 INVALID_PARAMS before the fuzzy suggestions", async () => {
    const reply = await rest.get(`/v1/models/${"x".repeat(8_000)}`);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: "INVALID_PARAMS", issues: [{ field: "id", reason: "longer than 100 characters (no model id is)" }] });
    expect((await rest.get("/v1/models/seedance")).body).toEqual({ error: "Model not found", code: "MODEL_NOT_FOUND", suggestions: ["seedance-2.0"] });
  });

  it("REST generate with a 1 MB model id answers 400 at once, without echoing it", async () => {
    const started = performance.now();
    const reply = await rest.post("/api/generate", { model: "m".repeat(1_000_000), params: {} }, { key: gw.key });
    expect(performance.now() - started).toBeLessThan(500);
    expect(reply.status).toBe(400);
    expect(JSON.stringify(reply.body).length).toBeLessThan(300);
  });

  it("a 14 MB string in a generation's params (no reference: it would sit in the task row) is 400 INVALID_PARAMS on REST and GraphQL, nothing charged", async () => {
    const long = "A".repeat(14_000_000);
    const reply = await rest.post("/api/generate", { model: "cortex_2.0", params: { prompt: "x", negative_prompt: long } }, { key: gw.key });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: "INVALID_PARAMS", issues: [{ field: "params.negative_prompt", reason: "longer than 16384 characters (only a data: URI given as a reference may be longer)" }] });
    const answer = await gql.post(`mutation ($input: GenerateInput!) { generate(input: $input) { __typename ... on InvalidParams { issues { field } } } }`, { input: { raw: { model: "cortex_2.0", params: { prompt: "x", negative_prompt: long } } } }, { key: gw.key });
    expect(answer.body.data).toEqual({ generate: { __typename: "InvalidParams", issues: [{ field: "params.negative_prompt" }] } });
    expect((await rest.get("/credits", { key: gw.key })).body).toMatchObject({ your_budget: { used: 0 } });
    // A prompt keeps its own bound and code.
    const prompt = await rest.post("/api/generate", { model: "cortex_2.0", params: { prompt: "p".repeat(20_000) } }, { key: gw.key });
    expect(prompt.status).toBe(400);
    expect(prompt.body).toMatchObject({ code: "PROMPT_TOO_LONG" });
  });

  it("GET /get/{id} with an id of 2,000 characters is 404 with its echo cut to 100", async () => {
    const reply = await rest.get(`/get/${"t".repeat(2_000)}`, { key: gw.key });
    expect(reply.status).toBe(404);
    expect(reply.body.task_id).toBe(`${"t".repeat(100)}…`);
  });

  it("an idempotency key with NUL or a lone surrogate is InvalidParams on GraphQL; a NUL in a header never reaches the gateway (400 from the HTTP parser)", async () => {
    const GENERATE = "mutation ($k: String) { generate(input: { gptImage2: { prompt: \"x\", quality: LOW } }, idempotencyKey: $k) { __typename ... on InvalidParams { issues { field } } } }";
    for (const k of ["order\u0000", "order\ud800"]) {
      const reply = await gql.post(GENERATE, { k }, { key: gw.key });
      expect(reply.status).toBe(200);
      expect(reply.body.data?.generate).toEqual({ __typename: "InvalidParams", issues: [{ field: "idempotencyKey" }] });
    }
    const status = await new Promise<string>((resolve, reject) => {
      const url = new URL(gw.url);
      const socket = connect(Number(url.port), url.hostname, () => {
        socket.write(`POST /api/generate HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${gw.key}\r\nIdempotency-Key: a\u0000b\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`);
      });
      let answer = "";
      socket.on("data", (chunk) => (answer += chunk.toString("latin1")));
      socket.on("end", () => resolve(answer.split("\r\n")[0]!));
      socket.on("error", reject);
    });
    expect(status).toBe("HTTP/1.1 400 Bad Request");
  });

  it("answers a Host no URL can carry with 400, on every path and face, and never a stack trace", async () => {
    const url = new URL(gw.url);
    const raw = (request: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(Number(url.port), url.hostname, () => socket.write(request));
        let answer = "";
        socket.on("data", (chunk) => (answer += chunk.toString("latin1")));
        socket.on("end", () => resolve(answer));
        socket.on("error", reject);
      });
    for (const host of ["a b", "x:99999", "[x", "@"]) {
      for (const request of [
        `GET /graphql?query=%7B__typename%7D HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
        `POST /graphql HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 5\r\nConnection: close\r\n\r\n{nope`,
        `GET /credits HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
      ]) {
        const answer = await raw(request);
        expect(answer.split("\r\n")[0], `${host}: ${request.split("\r\n")[0]}`).toBe("HTTP/1.1 400 Bad Request");
        expect(answer).not.toMatch(/ at |node_modules|TypeError/);
      }
    }
    // An empty Host is no host at all, as when none is sent: served.
    expect((await raw("GET /healthz HTTP/1.1\r\nHost: \r\nConnection: close\r\n\r\n")).split("\r\n")[0]).toBe("HTTP/1.1 200 OK");
  });
});
