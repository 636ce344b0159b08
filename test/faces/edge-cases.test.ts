// One table of request edge cases, each sent through both faces of one gateway: REST, GraphQL
// over HTTP (the JSON POST path, and Yoga: a request with an Origin header always goes through
// Yoga) and, where the case applies to it, graphql-ws. Each row states what REST answers (status
// and code) and what GraphQL answers (__typename and code, or a request error's status and
// code), and the two must correspond: the faces share one request edge (src/http).
import { createClient, type Client as WsClient } from "graphql-ws";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonBodyLimit } from "../../src/http/body.ts";
import { graphqlHttp, type GraphQLHttp } from "../graphql/support/client.ts";
import { waitForFinalTask } from "../rest/harness.ts";
import { client, type Client } from "../rest/http.ts";
import { startGateway, type TestGateway } from "../support/gateway.ts";

const UPLOAD_MAX_BYTES = 30_000;
/** The JSON body cap of both faces for that upload limit. */
const BODY_CAP = jsonBodyLimit(UPLOAD_MAX_BYTES);
const PUBLIC_URL = "https://public.example";
const ENV = { GATEAI_TIME_SCALE: "1000", GATEAI_UPLOAD_MAX_BYTES: String(UPLOAD_MAX_BYTES) };

/** What REST answered: its status, the error body's `code`, and the origin of a task's result URLs. */
interface RestOutcome {
  readonly status: number;
  readonly code?: string;
  readonly origin?: string;
}

/**
 * What GraphQL answered: the field's `__typename` and, for an `Error`, its `code`; or, when the
 * request itself was refused, the HTTP status and the error's `extensions.code`.
 */
interface GraphQLOutcome {
  readonly typename?: string;
  readonly code?: string;
  readonly status?: number;
  readonly origin?: string;
}

/** What is sent. `$GATEWAY` in an expected origin stands for the gateway's own URL. */
type Edge =
  /** REST GET /credits, GraphQL `credits`, graphql-ws `meUpdated` with this Authorization (a valid key's). */
  | { readonly kind: "authorization"; readonly header: ((key: string) => string) | undefined }
  /** REST POST /api/generate with an Idempotency-Key header; GraphQL `generate(idempotencyKey:)`. */
  | { readonly kind: "idempotency-key"; readonly value: string }
  /** REST POST /api/{op} with this model; GraphQL `{op}(input: { raw: { model } })`. */
  | { readonly kind: "model"; readonly op: "generate" | "estimate"; readonly model: string }
  /** REST POST /api/{op} with this model (gpt-image-2 by default) and these params; GraphQL `{op}(input: { raw: { model, params } })`. */
  | { readonly kind: "params"; readonly op: "generate" | "estimate"; readonly params: unknown; readonly model?: string }
  /** REST GET /get/{id}, GraphQL `task(id)`, graphql-ws `taskUpdated(id)` of a finished task. */
  | { readonly kind: "task"; readonly caller: "owner" | "another key" }
  /** The same, by the owner, with forwarding headers, on a gateway with GATEAI_PUBLIC_URL, GATEAI_TRUST_PROXY=1 or neither. */
  | { readonly kind: "origin"; readonly gateway: OriginGateway; readonly forwarded: boolean }
  /** REST POST /api/estimate and GraphQL POST /graphql with a JSON body of this many bytes. */
  | { readonly kind: "body"; readonly bytes: number };

type OriginGateway = "plain" | "public" | "trusted";

interface Row {
  readonly name: string;
  readonly edge: Edge;
  readonly rest: RestOutcome;
  readonly graphql: GraphQLOutcome;
}

const FORWARDED = { "x-forwarded-host": "proxy.example", "x-forwarded-proto": "https" };

const ROWS: readonly Row[] = [
  // Authorization: `Bearer <key>`, the scheme in any case; nothing else presents a key.
  { name: "no Authorization", edge: { kind: "authorization", header: undefined }, rest: { status: 401, code: "UNAUTHORIZED" }, graphql: { typename: "Unauthorized", code: "UNAUTHORIZED" } },
  { name: "malformed Authorization (another scheme)", edge: { kind: "authorization", header: (key) => `Basic ${key}` }, rest: { status: 401, code: "UNAUTHORIZED" }, graphql: { typename: "Unauthorized", code: "UNAUTHORIZED" } },
  { name: "malformed Authorization (Bearer and nothing)", edge: { kind: "authorization", header: () => "Bearer" }, rest: { status: 401, code: "UNAUTHORIZED" }, graphql: { typename: "Unauthorized", code: "UNAUTHORIZED" } },
  { name: "a bare key, without Bearer", edge: { kind: "authorization", header: (key) => key }, rest: { status: 401, code: "UNAUTHORIZED" }, graphql: { typename: "Unauthorized", code: "UNAUTHORIZED" } },
  { name: "an unknown key", edge: { kind: "authorization", header: () => "Bearer sk-not-a-real-key-0000000000" }, rest: { status: 401, code: "UNAUTHORIZED" }, graphql: { typename: "Unauthorized", code: "UNAUTHORIZED" } },
  { name: "lowercase bearer", edge: { kind: "authorization", header: (key) => `bearer ${key}` }, rest: { status: 200 }, graphql: { typename: "Credits" } },
  { name: "Bearer", edge: { kind: "authorization", header: (key) => `Bearer ${key}` }, rest: { status: 200 }, graphql: { typename: "Credits" } },

  // Idempotency-Key: 1 to 255 visible ASCII characters, else refused before anything is charged.
  { name: "empty Idempotency-Key", edge: { kind: "idempotency-key", value: "" }, rest: { status: 400, code: "BAD_REQUEST" }, graphql: { typename: "InvalidParams", code: "INVALID_PARAMS" } },
  { name: "Idempotency-Key of 256 characters", edge: { kind: "idempotency-key", value: "k".repeat(256) }, rest: { status: 400, code: "BAD_REQUEST" }, graphql: { typename: "InvalidParams", code: "INVALID_PARAMS" } },
  { name: "non-ASCII Idempotency-Key", edge: { kind: "idempotency-key", value: "clé-42" }, rest: { status: 400, code: "BAD_REQUEST" }, graphql: { typename: "InvalidParams", code: "INVALID_PARAMS" } },
  { name: "valid Idempotency-Key of 255 characters", edge: { kind: "idempotency-key", value: "order 42-".padEnd(255, "x") }, rest: { status: 200 }, graphql: { typename: "GenerateSuccess" } },

  // The model: an empty one is a malformed request; an unknown one is MODEL_NOT_FOUND.
  { name: "empty model (generate)", edge: { kind: "model", op: "generate", model: "" }, rest: { status: 400, code: "BAD_REQUEST" }, graphql: { typename: "InvalidParams", code: "INVALID_PARAMS" } },
  { name: "empty model (estimate)", edge: { kind: "model", op: "estimate", model: "" }, rest: { status: 400, code: "BAD_REQUEST" }, graphql: { typename: "InvalidParams", code: "INVALID_PARAMS" } },
  { name: "unknown model (generate)", edge: { kind: "model", op: "generate", model: "seedance" }, rest: { status: 404, code: "MODEL_NOT_FOUND" }, graphql: { typename: "ModelNotFound", code: "MODEL_NOT_FOUND" } },
  { name: "unknown model (estimate)", edge: { kind: "model", op: "estimate", model: "seedance" }, rest: { status: 404, code: "MODEL_NOT_FOUND" }, graphql: { typename: "ModelNotFound", code: "MODEL_NOT_FOUND" } },
  // Bounds (src/kernel/bounds.ts): a model id longer than any is refused before any lookup.
  { name: "model id of 100 characters (not found)", edge: { kind: "model", op: "estimate", model: "m".repeat(100) }, rest: { status: 404, code: "MODEL_NOT_FOUND" }, graphql: { typename: "ModelNotFound", code: "MODEL_NOT_FOUND" } },
  { name: "model id of 101 characters", edge: { kind: "model", op: "generate", model: "m".repeat(101) }, rest: { status: 400, code: "INVALID_PARAMS" }, graphql: { typename: "InvalidParams", code: "INVALID_PARAMS" } },
  { name: "model id of 1 MB", edge: { kind: "model", op: "estimate", model: "m".repeat(1_000_000) }, rest: { status: 400, code: "INVALID_PARAMS" }, graphql: { typename: "InvalidParams", code: "INVALID_PARAMS" } },
  { name: "NUL in the model id", edge: { kind: "model", op: "generate", model: "gpt-image-2\u0000" }, rest: { status: 400, code: "INVALID_PARAMS" }, graphql: { typename: "InvalidParams", code: "INVALID_PARAMS" } },

  // Text that cannot be stored (U+0000, an unpaired surrogate), and params over their bounds: refused before anything is charged.
  { name: "NUL in the prompt (generate)", edge: { kind: "params", op: "generate", params: { prompt: "a\u0000b" } }, rest: { status: 400, code: "INVALID_PARAMS" }, graphql: { typename: "InvalidParams", code: "INVALID_PARAMS" } },
  { name: "lone high surrogate in the prompt (generate)", edge: { kind: "params", op: "generate", params: { prompt: "a\ud800b" } }, rest: { status: 400, code: "INVALID_PARAMS" }, graphql: { typename: "InvalidParams", code: "INVALID_PARAMS" } },
  { name: "lone low surrogate in the prompt (estimate)", edge: { kind: "params", op: "estimate", params: { prompt: "a\udc00" } }, rest: { status: 400, code: "INVALID_PARAMS" }, graphql: { typename: "InvalidParams", code: "INVALID_PARAMS" } },
  { name: "NUL in a param name (generate)", edge: { kind: "params", op: "generate", params: { prompt: "x", "seed\u0000": 1 } }, rest: { status: 400, code: "INVALID_PARAMS" }, graphql: { typename: "InvalidParams", code: "INVALID_PARAMS" } },
  { name: "NUL deep in a param value (generate)", edge: { kind: "params", op: "generate", params: { prompt: "x", image_urls: ["https://example.com/a.png\u0000"] } }, rest: { status: 400, code: "INVALID_PARAMS" }, graphql: { typename: "InvalidParams", code: "INVALID_PARAMS" } },
  { name: "an emoji (a surrogate pair) in the prompt", edge: { kind: "params", op: "estimate", params: { prompt: "a lighthouse 🌅" } }, rest: { status: 200 }, graphql: { typename: "Estimate" } },
  // cortex_2.0's `frame_interpolation` and gemini-image-2's `response_modalities` take any JSON, any array.
  { name: "params nested 8 levels", edge: { kind: "params", op: "estimate", model: "cortex_2.0", params: { prompt: "x", frame_interpolation: [[[[[[[1]]]]]]] } }, rest: { status: 200 }, graphql: { typename: "Estimate" } },
  { name: "params nested 9 levels", edge: { kind: "params", op: "estimate", model: "cortex_2.0", params: { prompt: "x", frame_interpolation: [[[[[[[[1]]]]]]]] } }, rest: { status: 400, code: "INVALID_PARAMS" }, graphql: { typename: "InvalidParams", code: "INVALID_PARAMS" } },
  { name: "a params array of 100 elements", edge: { kind: "params", op: "estimate", model: "gemini-image-2", params: { prompt: "x", response_modalities: Array.from({ length: 100 }, () => "IMAGE") } }, rest: { status: 200 }, graphql: { typename: "Estimate" } },
  { name: "a params array of 101 elements", edge: { kind: "params", op: "estimate", model: "gemini-image-2", params: { prompt: "x", response_modalities: Array.from({ length: 101 }, () => "IMAGE") } }, rest: { status: 400, code: "INVALID_PARAMS" }, graphql: { typename: "InvalidParams", code: "INVALID_PARAMS" } },
  { name: "a params array of 101 references", edge: { kind: "params", op: "estimate", params: { prompt: "x", image_urls: Array.from({ length: 101 }, () => "https://example.com/a.png") } }, rest: { status: 400, code: "INVALID_PARAMS" }, graphql: { typename: "InvalidParams", code: "INVALID_PARAMS" } },

  // Ownership: another key's task is as missing as a missing one.
  { name: "own task", edge: { kind: "task", caller: "owner" }, rest: { status: 200, origin: "$GATEWAY" }, graphql: { typename: "Task", origin: "$GATEWAY" } },
  { name: "another key's task", edge: { kind: "task", caller: "another key" }, rest: { status: 404, code: "TASK_NOT_FOUND" }, graphql: { typename: "TaskNotFound", code: "TASK_NOT_FOUND" } },

  // The origin of result URLs: GATEAI_PUBLIC_URL when set, else (behind a trusted proxy only) the
  // request's forwarding headers, else its Host.
  { name: "result URLs: forwarded host ignored without GATEAI_TRUST_PROXY", edge: { kind: "origin", gateway: "plain", forwarded: true }, rest: { status: 200, origin: "$GATEWAY" }, graphql: { typename: "Task", origin: "$GATEWAY" } },
  { name: "result URLs: forwarded host behind a trusted proxy (GATEAI_TRUST_PROXY=1)", edge: { kind: "origin", gateway: "trusted", forwarded: true }, rest: { status: 200, origin: "https://proxy.example" }, graphql: { typename: "Task", origin: "https://proxy.example" } },
  { name: "result URLs: trusted proxy, nothing forwarded", edge: { kind: "origin", gateway: "trusted", forwarded: false }, rest: { status: 200, origin: "$GATEWAY" }, graphql: { typename: "Task", origin: "$GATEWAY" } },
  { name: "result URLs: GATEAI_PUBLIC_URL over a forwarded host", edge: { kind: "origin", gateway: "public", forwarded: true }, rest: { status: 200, origin: PUBLIC_URL }, graphql: { typename: "Task", origin: PUBLIC_URL } },
  { name: "result URLs: GATEAI_PUBLIC_URL, nothing forwarded", edge: { kind: "origin", gateway: "public", forwarded: false }, rest: { status: 200, origin: PUBLIC_URL }, graphql: { typename: "Task", origin: PUBLIC_URL } },

  // The JSON body cap: the same for both faces.
  { name: "JSON body just under the cap", edge: { kind: "body", bytes: BODY_CAP - 1024 }, rest: { status: 200 }, graphql: { typename: "Estimate" } },
  { name: "JSON body over the cap", edge: { kind: "body", bytes: BODY_CAP + 1024 }, rest: { status: 413, code: "PAYLOAD_TOO_LARGE" }, graphql: { status: 413, code: "REQUEST_ENTITY_TOO_LARGE" } },
];

// --- How the two faces' answers correspond ---

/** GraphQL's code where REST's differs: REST's request-shape 400 is GraphQL's InvalidParams; a body over the cap is Yoga's 413. */
const GRAPHQL_CODE: Readonly<Record<string, string>> = { BAD_REQUEST: "INVALID_PARAMS", PAYLOAD_TOO_LARGE: "REQUEST_ENTITY_TOO_LARGE" };
/** The union member of each code GraphQL answers as a result (the others are request errors). */
const ERROR_TYPE: Readonly<Record<string, string>> = {
  UNAUTHORIZED: "Unauthorized",
  INVALID_PARAMS: "InvalidParams",
  MODEL_NOT_FOUND: "ModelNotFound",
  TASK_NOT_FOUND: "TaskNotFound",
};

function expectCorrespondence(rest: RestOutcome, graphql: GraphQLOutcome): void {
  if (rest.status === 200) {
    expect(graphql.code).toBeUndefined();
    expect(graphql.status).toBeUndefined();
    expect(Object.values(ERROR_TYPE)).not.toContain(graphql.typename);
  } else {
    const code = GRAPHQL_CODE[rest.code!] ?? rest.code!;
    expect(graphql.code).toBe(code);
    if (ERROR_TYPE[code]) expect(graphql.typename).toBe(ERROR_TYPE[code]);
    else expect(graphql.status).toBe(rest.status);
  }
  expect(graphql.origin).toBe(rest.origin);
}

// --- The gateways, and what the rows need on them ---

let plain: TestGateway;
let publicGw: TestGateway;
let trustedGw: TestGateway;
let rest: Client;
let restPublic: Client;
let restTrusted: Client;
let gql: GraphQLHttp;
let gqlPublic: GraphQLHttp;
let gqlTrusted: GraphQLHttp;
/** A finished task on each gateway, and its owner's key. */
const finished = { plain: { key: "", id: "" }, public: { key: "", id: "" }, trusted: { key: "", id: "" } };
const wsClients: WsClient[] = [];

async function finishedTask(gw: TestGateway, api: Client): Promise<{ key: string; id: string }> {
  const { key } = await gw.createKey();
  const accepted = await api.post("/api/generate", { model: "gpt-image-2", params: { prompt: "a lighthouse at dusk", quality: "low" } }, { key });
  expect(accepted.status).toBe(200);
  const task = await waitForFinalTask(api, key, accepted.body.task_id as string);
  expect(task.status).toBe("FINISHED");
  return { key, id: accepted.body.task_id as string };
}

beforeAll(async () => {
  [plain, publicGw, trustedGw] = await Promise.all([
    startGateway({ env: ENV }),
    startGateway({ env: { ...ENV, GATEAI_PUBLIC_URL: PUBLIC_URL } }),
    startGateway({ env: { ...ENV, GATEAI_TRUST_PROXY: "1" } }),
  ]);
  rest = client(plain.url);
  restPublic = client(publicGw.url);
  restTrusted = client(trustedGw.url);
  gql = graphqlHttp(plain.url);
  gqlPublic = graphqlHttp(publicGw.url);
  gqlTrusted = graphqlHttp(trustedGw.url);
  [finished.plain, finished.public, finished.trusted] = await Promise.all([finishedTask(plain, rest), finishedTask(publicGw, restPublic), finishedTask(trustedGw, restTrusted)]);
}, 120_000);

afterAll(async () => {
  await Promise.all(wsClients.splice(0).map((c) => c.dispose()));
  await Promise.all([plain?.close(), publicGw?.close(), trustedGw?.close()]);
});

const resolveOrigin = (origin: string | undefined, gw: TestGateway): string | undefined => (origin === "$GATEWAY" ? new URL(gw.url).origin : origin);
const originOfUrls = (urls: unknown): string | undefined => {
  expect(Array.isArray(urls) && urls.length > 0, `result URLs: ${JSON.stringify(urls)}`).toBe(true);
  const origins = new Set((urls as string[]).map((url) => new URL(url).origin));
  expect(origins.size).toBe(1);
  return [...origins][0];
};

// --- REST ---

const REQUEST = { model: "gpt-image-2", params: { prompt: "a lighthouse at dusk", quality: "low" } };

async function viaRest(edge: Edge): Promise<RestOutcome> {
  const outcome = (status: number, body: any, origin?: string): RestOutcome => ({ status, ...(status === 200 ? {} : { code: body?.code }), ...(origin ? { origin } : {}) });
  switch (edge.kind) {
    case "authorization": {
      const { key } = await plain.createKey();
      const reply = await rest.get("/credits", { headers: edge.header ? { authorization: edge.header(key) } : {} });
      return outcome(reply.status, reply.body);
    }
    case "idempotency-key": {
      const { key } = await plain.createKey();
      const reply = await rest.post("/api/generate", REQUEST, { key, headers: { "idempotency-key": edge.value } });
      return outcome(reply.status, reply.body);
    }
    case "model": {
      const { key } = await plain.createKey();
      const reply = await rest.post(`/api/${edge.op}`, { model: edge.model, params: { prompt: "x" } }, { key });
      return outcome(reply.status, reply.body);
    }
    case "params": {
      const { key } = await plain.createKey();
      const reply = await rest.post(`/api/${edge.op}`, { model: edge.model ?? "gpt-image-2", params: edge.params }, { key });
      return outcome(reply.status, reply.body);
    }
    case "task": {
      const key = edge.caller === "owner" ? finished.plain.key : (await plain.createKey()).key;
      const reply = await rest.get(`/get/${finished.plain.id}`, { key });
      return outcome(reply.status, reply.body, reply.status === 200 ? originOfUrls(reply.body.result) : undefined);
    }
    case "origin": {
      const api = { plain: rest, public: restPublic, trusted: restTrusted }[edge.gateway];
      const task = finished[edge.gateway];
      const reply = await api.get(`/get/${task.id}`, { key: task.key, headers: edge.forwarded ? FORWARDED : {} });
      return outcome(reply.status, reply.body, reply.status === 200 ? originOfUrls(reply.body.result) : undefined);
    }
    case "body": {
      const { key } = await plain.createKey();
      const reply = await rest.post("/api/estimate", padded((pad) => JSON.stringify({ ...REQUEST, pad }), edge.bytes), { key });
      return outcome(reply.status, reply.body);
    }
  }
}

/** The JSON `build` makes, exactly `bytes` long, by the length of the `pad` string it puts in. */
function padded(build: (pad: string) => string, bytes: number): string {
  const text = build("x".repeat(bytes - Buffer.byteLength(build(""))));
  expect(Buffer.byteLength(text)).toBe(bytes);
  return text;
}

// --- GraphQL over HTTP ---

const CREDITS = "query Credits { credits { __typename ... on Error { code } } }";
const GENERATE = "mutation Generate($input: GenerateInput!, $idempotencyKey: String) { generate(input: $input, idempotencyKey: $idempotencyKey) { __typename ... on Error { code } } }";
const ESTIMATE = "query Estimate($input: GenerateInput!) { estimate(input: $input) { __typename ... on Error { code } } }";
const TASK = "query Task($id: ID!) { task(id: $id) { __typename ... on Task { result } ... on Error { code } } }";

type Transport = "JSON POST path" | "Yoga";
const TRANSPORTS: readonly Transport[] = ["JSON POST path", "Yoga"];
/** A request with an Origin header is Yoga's (for its CORS handling); without, a JSON POST takes the JSON POST path. */
const transportHeaders = (transport: Transport): Record<string, string> => (transport === "Yoga" ? { origin: "https://app.example" } : {});

async function viaGraphQL(edge: Edge, transport: Transport): Promise<GraphQLOutcome> {
  const via = transportHeaders(transport);
  const field = async (api: GraphQLHttp, document: string, variables: Record<string, unknown>, headers: Record<string, string>, name: string): Promise<GraphQLOutcome> => {
    const reply = await api.post(document, variables, { key: null, headers: { ...via, ...headers } });
    if (!reply.body.data) return { status: reply.status, code: (reply.body.errors?.[0]?.extensions as { code?: string } | undefined)?.code };
    expect(reply.body.errors, JSON.stringify(reply.body.errors)).toBeUndefined();
    const value = (reply.body.data as Record<string, any>)[name];
    return {
      typename: value.__typename,
      ...(value.code ? { code: value.code } : {}),
      ...(value.__typename === "Task" ? { origin: originOfUrls(value.result) } : {}),
    };
  };
  const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
  switch (edge.kind) {
    case "authorization": {
      const { key } = await plain.createKey();
      return field(gql, CREDITS, {}, edge.header ? { authorization: edge.header(key) } : {}, "credits");
    }
    case "idempotency-key": {
      const { key } = await plain.createKey();
      return field(gql, GENERATE, { input: { raw: REQUEST }, idempotencyKey: edge.value }, bearer(key), "generate");
    }
    case "model": {
      const { key } = await plain.createKey();
      const input = { raw: { model: edge.model, params: { prompt: "x" } } };
      return edge.op === "generate" ? field(gql, GENERATE, { input }, bearer(key), "generate") : field(gql, ESTIMATE, { input }, bearer(key), "estimate");
    }
    case "params": {
      const { key } = await plain.createKey();
      const input = { raw: { model: edge.model ?? "gpt-image-2", params: edge.params } };
      return edge.op === "generate" ? field(gql, GENERATE, { input }, bearer(key), "generate") : field(gql, ESTIMATE, { input }, bearer(key), "estimate");
    }
    case "task": {
      const key = edge.caller === "owner" ? finished.plain.key : (await plain.createKey()).key;
      return field(gql, TASK, { id: finished.plain.id }, bearer(key), "task");
    }
    case "origin": {
      const api = { plain: gql, public: gqlPublic, trusted: gqlTrusted }[edge.gateway];
      const task = finished[edge.gateway];
      return field(api, TASK, { id: task.id }, { ...bearer(task.key), ...(edge.forwarded ? FORWARDED : {}) }, "task");
    }
    case "body": {
      const { key } = await plain.createKey();
      // The same estimate, its body (as graphqlHttp sends it) padded to the row's size with a
      // variable the operation does not declare, which GraphQL ignores.
      const body = padded((pad) => JSON.stringify({ query: ESTIMATE, variables: { input: { raw: REQUEST }, pad } }), edge.bytes);
      return field(gql, ESTIMATE, JSON.parse(body).variables as Record<string, unknown>, bearer(key), "estimate");
    }
  }
}

// --- graphql-ws (the rows whose request has an equivalent there) ---

/** The success type of the subscription that stands for each query over graphql-ws. */
const WS_SUCCESS: Readonly<Record<string, string>> = { Credits: "Dashboard", Task: "TaskUpdate" };

const ME_UPDATED = "subscription { meUpdated { __typename ... on Error { code } } }";
const TASK_UPDATED = "subscription TaskUpdated($id: ID!) { taskUpdated(id: $id) { __typename ... on TaskUpdate { task { result } } ... on Error { code } } }";

/** The first result of a subscription over graphql-ws, with these connectionParams and upgrade headers. */
async function firstOverWs(gw: TestGateway, connectionParams: Record<string, unknown>, upgradeHeaders: Record<string, string>, query: string, variables: Record<string, unknown>) {
  class WithHeaders extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: upgradeHeaders });
    }
  }
  const ws = createClient({ url: `${gw.url.replace(/^http/, "ws")}/graphql`, webSocketImpl: WithHeaders, connectionParams, retryAttempts: 0, lazy: true });
  wsClients.push(ws);
  try {
    return await new Promise<Record<string, any>>((resolve, reject) => {
      const stop = ws.subscribe<Record<string, any>>(
        { query, variables },
        {
          next: (result) => {
            stop();
            if (result.errors) reject(new Error(JSON.stringify(result.errors)));
            else resolve(result.data!);
          },
          error: reject,
          complete: () => reject(new Error("completed without a result")),
        },
      );
    });
  } finally {
    await ws.dispose();
  }
}

/**
 * graphql-ws's answer to a row, or undefined when the row has no graphql-ws equivalent: the
 * subscription that stands for the row's query (`meUpdated` for `credits`, `taskUpdated(id)` for
 * `task(id)`), whose success types are WS_SUCCESS's.
 */
async function viaWs(edge: Edge): Promise<GraphQLOutcome | undefined> {
  const outcome = (value: Record<string, any>): GraphQLOutcome => ({
    typename: value.__typename,
    ...(value.code ? { code: value.code } : {}),
    ...(value.__typename === "TaskUpdate" ? { origin: originOfUrls(value.task.result) } : {}),
  });
  switch (edge.kind) {
    case "authorization": {
      const { key } = await plain.createKey();
      const data = await firstOverWs(plain, edge.header ? { authorization: edge.header(key) } : {}, {}, ME_UPDATED, {});
      return outcome(data.meUpdated);
    }
    case "task": {
      const key = edge.caller === "owner" ? finished.plain.key : (await plain.createKey()).key;
      const data = await firstOverWs(plain, { authorization: `Bearer ${key}` }, {}, TASK_UPDATED, { id: finished.plain.id });
      return outcome(data.taskUpdated);
    }
    case "origin": {
      const gw = { plain, public: publicGw, trusted: trustedGw }[edge.gateway];
      const task = finished[edge.gateway];
      const data = await firstOverWs(gw, { authorization: `Bearer ${task.key}` }, edge.forwarded ? FORWARDED : {}, TASK_UPDATED, { id: task.id });
      return outcome(data.taskUpdated);
    }
    default:
      return undefined;
  }
}

describe("REST and GraphQL answer the same edge cases alike", () => {
  it("every row's REST and GraphQL answers correspond", () => {
    for (const row of ROWS) expectCorrespondence(row.rest, row.graphql);
  });

  it.each(ROWS.map((row) => [row.name, row] as const))("%s", async (_name, row) => {
    const gw = row.edge.kind === "origin" ? { plain, public: publicGw, trusted: trustedGw }[row.edge.gateway] : plain;
    const expectedRest = { ...row.rest, ...(row.rest.origin ? { origin: resolveOrigin(row.rest.origin, gw) } : {}) };
    const expectedGraphQL = { ...row.graphql, ...(row.graphql.origin ? { origin: resolveOrigin(row.graphql.origin, gw) } : {}) };

    expect(await viaRest(row.edge), "REST").toEqual(expectedRest);
    for (const transport of TRANSPORTS) expect(await viaGraphQL(row.edge, transport), `GraphQL (${transport})`).toEqual(expectedGraphQL);
    const ws = await viaWs(row.edge);
    if (ws) expect(ws, "graphql-ws").toEqual({ ...expectedGraphQL, typename: WS_SUCCESS[expectedGraphQL.typename!] ?? expectedGraphQL.typename });
  });
});
