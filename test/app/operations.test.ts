// What a browser on another origin and an operator see of a running gateway: CORS on every path
// (preflights included), one access-log line per request with its request id, Prometheus
// metrics on /metrics, GraphiQL served from local assets, and the SDL for code generators.
import { Writable } from "node:stream";
import { buildSchema } from "graphql";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/app/config.ts";
import { closeServer, createHttpServer, listen } from "../../src/app/http-server.ts";
import type { Infrastructure } from "../../src/app/infrastructure.ts";
import { createOperations, SCRAPE_REUSE_MS } from "../../src/app/operations.ts";
import { GRAPHIQL_ASSET_NAMES } from "../../src/graphql/graphiql.ts";
import { systemClock } from "../../src/kernel/clock.ts";
import { startGateway, type TestGateway } from "../support/gateway.ts";

/** A pino logger whose lines are kept, parsed. */
function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: "info" }, stream), lines };
}

const accessLines = (lines: readonly Record<string, unknown>[]) => lines.filter((l) => l.component === "access");

/** Until the access log holds a line with this request id (it is written once the answer is sent). */
async function accessLine(lines: readonly Record<string, unknown>[], requestId: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 200; i++) {
    const found = accessLines(lines).filter((l) => l.requestId === requestId);
    if (found.length) {
      expect(found).toHaveLength(1);
      return found[0]!;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`no access-log line for request ${requestId}`);
}

const gql = (gw: TestGateway, query: string, init: { operationName?: string; headers?: Record<string, string> } = {}) =>
  fetch(`${gw.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${gw.key}`, ...init.headers },
    body: JSON.stringify({ query, ...(init.operationName ? { operationName: init.operationName } : {}) }),
  });

describe("a gateway with the default operations settings", () => {
  let gw: TestGateway;
  const log = capturedLogger();
  beforeAll(async () => {
    gw = await startGateway({ logger: log.logger, driver: { enabled: false } });
  });
  afterAll(() => gw?.close());

  describe("CORS (GATEAI_CORS_ORIGINS unset: any origin, no credentials)", () => {
    it("answers a REST preflight with 204 and the methods and headers a bearer-key call needs", async () => {
      const response = await fetch(`${gw.url}/api/estimate`, {
        method: "OPTIONS",
        headers: { origin: "https://app.example", "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(response.headers.get("access-control-allow-methods")).toContain("POST");
      expect(response.headers.get("access-control-allow-headers")).toMatch(/authorization.*content-type|content-type.*authorization/);
      expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    });

    it("adds the same headers to REST, GraphQL and /files answers, and never allows credentials", async () => {
      const origin = "https://app.example";
      const answers = await Promise.all([
        fetch(`${gw.url}/api/estimate`, {
          method: "POST",
          headers: { origin, authorization: `Bearer ${gw.key}`, "content-type": "application/json" },
          body: JSON.stringify({ model: "gpt-image-2", params: { prompt: "a cat" } }),
        }),
        gql(gw, "{ me { __typename } }", { headers: { origin } }),
        fetch(`${gw.url}/files/00000000-0000-0000-0000-000000000000/none.png`, { headers: { origin } }),
      ]);
      expect(answers.map((a) => a.status)).toEqual([200, 200, 404]);
      for (const answer of answers) {
        expect(answer.headers.get("access-control-allow-origin")).toBe("*");
        expect(answer.headers.get("access-control-expose-headers")).toContain("x-request-id");
        expect(answer.headers.get("access-control-allow-credentials")).toBeNull();
      }
    });

    it("answers a GraphQL and a /files preflight like a REST one (Yoga's own CORS is off)", async () => {
      for (const path of ["/graphql", "/files/a/b.png"]) {
        const response = await fetch(`${gw.url}${path}`, {
          method: "OPTIONS",
          headers: { origin: "https://app.example", "access-control-request-method": path === "/graphql" ? "POST" : "GET" },
        });
        expect(response.status, path).toBe(204);
        expect(response.headers.get("access-control-allow-origin"), path).toBe("*");
        expect(response.headers.get("access-control-allow-credentials"), path).toBeNull();
      }
    });

    it("leaves an OPTIONS that is no preflight to the routes (405 as before)", async () => {
      const response = await fetch(`${gw.url}/api/estimate`, { method: "OPTIONS" });
      expect(response.status).toBe(405);
    });
  });

  describe("access log and request ids", () => {
    it("writes one line per request with method, path, status, latency and the key's id, never the key", async () => {
      const response = await fetch(`${gw.url}/api/estimate`, {
        method: "POST",
        headers: { authorization: `Bearer ${gw.key}`, "content-type": "application/json", "x-request-id": "client-chosen-42" },
        body: JSON.stringify({ model: "gpt-image-2", params: { prompt: "a cat" } }),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("x-request-id")).toBe("client-chosen-42");
      const line = await accessLine(log.lines, "client-chosen-42");
      const record = gw.services.keys.authenticateCached(gw.key);
      expect(line).toMatchObject({ method: "POST", path: "/api/estimate", status: 200, keyId: record?.id, msg: "POST /api/estimate 200" });
      expect(line.ms).toEqual(expect.any(Number));
      expect(JSON.stringify(log.lines)).not.toContain(gw.key);
    });

    it("makes a request id when the client sends none (or an unusable one) and echoes it", async () => {
      const answers = await Promise.all([
        fetch(`${gw.url}/healthz`),
        fetch(`${gw.url}/healthz`, { headers: { "x-request-id": "has spaces and is <bad>" } }),
      ]);
      const ids = answers.map((a) => a.headers.get("x-request-id"));
      for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(new Set(ids).size).toBe(2);
      for (const id of ids) expect(await accessLine(log.lines, id!)).toMatchObject({ method: "GET", path: "/healthz", status: 200 });
    });

    it("logs /api/me by path only: the ?key= query is never written", async () => {
      const response = await fetch(`${gw.url}/api/me?key=${encodeURIComponent(gw.key)}`);
      const line = await accessLine(log.lines, response.headers.get("x-request-id")!);
      expect(line.path).toBe("/api/me");
      expect(line.keyId).toBe(gw.services.keys.authenticateCached(gw.key)?.id);
      expect(JSON.stringify(log.lines)).not.toContain(gw.key);
    });

    it("logs an upload link without its token, however its path is encoded", async () => {
      const response = await fetch(`${gw.url}/files/%75ploads/secret-link-token-0123456789`);
      const line = await accessLine(log.lines, response.headers.get("x-request-id")!);
      expect(line.path).toBe("/files/uploads/…");
      expect(JSON.stringify(log.lines)).not.toContain("secret-link-token-0123456789");
    });

    it("logs a 404 and a GraphQL request the same way", async () => {
      const [missing, graphql] = await Promise.all([fetch(`${gw.url}/no/such/path`), gql(gw, "{ me { __typename } }")]);
      expect(await accessLine(log.lines, missing.headers.get("x-request-id")!)).toMatchObject({ status: 404, route: "other" });
      expect(await accessLine(log.lines, graphql.headers.get("x-request-id")!)).toMatchObject({ status: 200, route: "/graphql", method: "POST" });
    });
  });

  describe("GET /metrics (no GATEAI_METRICS_TOKEN: open)", () => {
    it("reports requests by route and status, GraphQL operations by name, and generations by outcome and model", async () => {
      expect((await gql(gw, "query MetricsProbe { models { __typename } }", { operationName: "MetricsProbe" })).status).toBe(200);
      const generated = await fetch(`${gw.url}/api/generate`, {
        method: "POST",
        headers: { authorization: `Bearer ${gw.key}`, "content-type": "application/json" },
        body: JSON.stringify({ model: "gpt-image-2", params: { prompt: "a cat" } }),
      });
      expect(generated.status).toBe(200);
      const unknown = await fetch(`${gw.url}/api/generate`, {
        method: "POST",
        headers: { authorization: `Bearer ${gw.key}`, "content-type": "application/json" },
        body: JSON.stringify({ model: "made-up-model-name", params: { prompt: "a cat" } }),
      });
      expect(unknown.status).toBe(404);

      const response = await fetch(`${gw.url}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
      const text = await response.text();
      expect(text).toMatch(/gateai_http_request_duration_seconds_count\{route="\/api\/generate",status="200"\} 1\b/);
      expect(text).toMatch(/gateai_graphql_operation_duration_seconds_count\{operation="MetricsProbe",type="query"\} 1\b/);
      expect(text).toMatch(/gateai_generations_total\{outcome="accepted",model="gpt-image-2",reason="none"\} 1\b/);
      // A model name a client made up is no label.
      expect(text).toMatch(/gateai_generations_total\{outcome="refused",model="unknown",reason="MODEL_NOT_FOUND"\} 1\b/);
      expect(text).not.toContain("made-up-model-name");
      const charged = Number(/^gateai_charged_dollars_total (\S+)$/m.exec(text)?.[1]);
      expect(charged).toBeGreaterThan(0);
      expect(text).toMatch(/^gateai_tasks\{state="QUEUED"\} 1$/m);
      expect(text).toMatch(/^gateai_queue_depth 1$/m);
      expect(text).toMatch(/^gateai_pool_accounts\{state="total"\} \d+$/m);
      expect(text).toMatch(/^gateai_subscriptions_open 0$/m);
    });
  });

  describe("GraphiQL works offline", () => {
    it("serves a page whose scripts, styles and icon are all served by the gateway (no CDN)", async () => {
      const page = await fetch(`${gw.url}/graphql`, { headers: { accept: "text/html" } });
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).not.toMatch(/https?:\/\//);
      const referenced = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
      expect(referenced.length).toBeGreaterThanOrEqual(3);
      for (const url of referenced) expect(url.startsWith("/graphql/graphiql/"), url).toBe(true);
      // The Authorization header is prefilled as a hint.
      expect(html).toContain("Bearer sk-your-api-key");
      for (const name of new Set([...referenced.map((u) => u.slice("/graphql/graphiql/".length)), ...GRAPHIQL_ASSET_NAMES])) {
        const asset = await fetch(`${gw.url}/graphql/graphiql/${name}`);
        expect(asset.status, name).toBe(200);
        const body = await asset.arrayBuffer();
        expect(body.byteLength, name).toBeGreaterThan(1000);
        expect(asset.headers.get("content-type"), name).toMatch(name.endsWith(".js") ? /javascript/ : name.endsWith(".css") ? /css/ : /image/);
      }
      expect((await fetch(`${gw.url}/graphql/graphiql/other.js`)).status).toBe(404);
    });
  });

  describe("EventSource authentication and graphql-sse modes", () => {
    /** The first SSE `data:` of a GET /graphql event stream, then the stream is dropped. */
    async function firstEvent(url: string): Promise<{ status: number; data?: unknown; body?: unknown }> {
      const controller = new AbortController();
      const response = await fetch(url, { headers: { accept: "text/event-stream" }, signal: controller.signal });
      if (response.status !== 200) return { status: response.status, body: await response.json() };
      const reader = response.body!.getReader();
      let text = "";
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) throw new Error(`stream ended without data: ${text}`);
          text += Buffer.from(value).toString("utf8");
          const line = text.split("\n").find((l) => l.startsWith("data:"));
          if (line) return { status: 200, data: JSON.parse(line.slice(5)) };
        }
      } finally {
        controller.abort();
      }
    }

    it("opens a subscription with a stream token from POST /graphql/stream-token, never with the key in the URL", async () => {
      const generated = await gql(gw, 'mutation { generate(input: { gptImage2: { prompt: "a cat" } }) { ... on GenerateSuccess { task { id } } } }');
      const taskId = ((await generated.json()) as { data: { generate: { task: { id: string } } } }).data.generate.task.id;
      const issued = await fetch(`${gw.url}/graphql/stream-token`, { method: "POST", headers: { authorization: `Bearer ${gw.key}` } });
      expect(issued.status).toBe(200);
      const { token, expiresAt } = (await issued.json()) as { token: string; expiresAt: string };
      expect(token).not.toContain(gw.key.slice(3));
      expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());
      const query = encodeURIComponent(`subscription { taskUpdated(id: "${taskId}") { __typename ... on TaskUpdate { task { id status } } ... on Error { code } } }`);
      const event = await firstEvent(`${gw.url}/graphql?query=${query}&streamToken=${encodeURIComponent(token)}`);
      expect(event).toMatchObject({ status: 200, data: { data: { taskUpdated: { __typename: "TaskUpdate", task: { id: taskId, status: "QUEUED" } } } } });
    });

    it("refuses a wrong or tampered stream token, and issues none without a valid key", async () => {
      const issued = await fetch(`${gw.url}/graphql/stream-token`, { method: "POST", headers: { authorization: `Bearer ${gw.key}` } });
      const { token } = (await issued.json()) as { token: string };
      // A middle character: base64url's last one may carry only padding bits.
      const tampered = token.slice(0, 20) + (token[20] === "A" ? "B" : "A") + token.slice(21);
      const query = encodeURIComponent("subscription { meUpdated { __typename } }");
      const refused = await firstEvent(`${gw.url}/graphql?query=${query}&streamToken=${tampered}`);
      expect(refused).toMatchObject({ status: 401, body: { errors: [{ extensions: { code: "STREAM_TOKEN_INVALID" } }] } });
      const noKey = await fetch(`${gw.url}/graphql/stream-token`, { method: "POST", headers: { authorization: "Bearer sk-not-a-key" } });
      expect(noKey.status).toBe(401);
    });

    it("opens nothing but a subscription with a stream token: a query over an event stream is refused, not answered as the key", async () => {
      const issued = await fetch(`${gw.url}/graphql/stream-token`, { method: "POST", headers: { authorization: `Bearer ${gw.key}` } });
      const { token } = (await issued.json()) as { token: string };
      for (const document of ["{ me { budget { dailyLimit } } }", "subscription { meUpdated { __typename } } query Q { me { __typename } }", "not graphql"]) {
        const refused = await firstEvent(`${gw.url}/graphql?query=${encodeURIComponent(document)}&streamToken=${encodeURIComponent(token)}`);
        expect(refused, document).toMatchObject({ status: 400, body: { errors: [{ message: expect.stringMatching(/subscriptions only/) }] } });
      }
      // Naming the subscription of a document that also holds a query opens it.
      const named = `${gw.url}/graphql?query=${encodeURIComponent("subscription S { meUpdated { __typename } } query Q { me { __typename } }")}&operationName=S&streamToken=${encodeURIComponent(token)}`;
      expect(await firstEvent(named)).toMatchObject({ status: 200 });
    });

    it("refuses graphql-sse's single connection mode with 501 and says what to use", async () => {
      const reservation = await fetch(`${gw.url}/graphql/stream`, { method: "PUT", headers: { authorization: `Bearer ${gw.key}` } });
      expect(reservation.status).toBe(501);
      const body = (await reservation.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe("SINGLE_CONNECTION_MODE_UNSUPPORTED");
      expect(body.errors[0]!.message).toMatch(/distinct connections/);
      const put = await fetch(`${gw.url}/graphql`, { method: "PUT", headers: { authorization: `Bearer ${gw.key}` } });
      expect(put.status).toBe(501);
    });
  });

  describe("GET /graphql/schema.graphql", () => {
    it("serves the SDL of schema.graphql, @oneOf included, for code generators", async () => {
      const response = await fetch(`${gw.url}/graphql/schema.graphql`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^application\/graphql/);
      const sdl = await response.text();
      expect(sdl).toMatch(/input GenerateInput @oneOf/);
      // The same types the server introspects (every one, from the same schema).
      const introspected = await gql(gw, "{ __schema { types { name } } }");
      const { data } = (await introspected.json()) as { data: { __schema: { types: { name: string }[] } } };
      const served = Object.keys(buildSchema(sdl).getTypeMap()).sort();
      expect(served).toEqual(data.__schema.types.map((t) => t.name).sort());
    });
  });
});

/**
 * The other settings, on the app's operations wiring alone (createOperations) in front of a
 * plain server: the same edge and /metrics face a gateway puts first, without a database.
 */
async function operationsServer(env: Record<string, string>, reads = { liveCounts: 0 }) {
  const loaded = loadConfig({ GATEAI_DATA_DIR: "/nonexistent", ...env });
  if (!loaded.ok) throw new Error(loaded.errors.join("; "));
  const stores = {
    tasks: {
      liveCounts: async () => {
        reads.liveCounts++;
        return { queued: 0, processing: 0 };
      },
    },
    pool: { occupancy: async () => ({ busy: 0, locked: 0 }) },
  } as unknown as Infrastructure["stores"];
  const operations = createOperations(loaded.config, { stores }, { clock: systemClock, logger: pino({ level: "silent" }) });
  const faces = [operations.edge({ authenticateCached: () => undefined }), ...(operations.metricsFace ? [operations.metricsFace] : [])];
  const server = createHttpServer([...faces, async (_req, res, path) => (path === "/healthz" ? (res.end("ok"), true) : false)], pino({ level: "silent" }));
  const { url } = await listen(server, 0, "127.0.0.1");
  return { url, close: () => closeServer(server) };
}

describe("GATEAI_CORS_ORIGINS as a list, and GATEAI_METRICS_TOKEN", () => {
  let server: Awaited<ReturnType<typeof operationsServer>>;
  beforeAll(async () => {
    server = await operationsServer({ GATEAI_CORS_ORIGINS: "https://console.example, http://localhost:5173", GATEAI_METRICS_TOKEN: "metrics-token-0123456789" });
  });
  afterAll(() => server?.close());

  it("echoes a listed origin (with Vary: Origin) and gives an unlisted one no CORS headers", async () => {
    const listed = await fetch(`${server.url}/healthz`, { headers: { origin: "http://localhost:5173" } });
    expect(listed.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(listed.headers.get("vary")).toMatch(/origin/i);
    const other = await fetch(`${server.url}/api/estimate`, { method: "OPTIONS", headers: { origin: "https://evil.example", "access-control-request-method": "POST" } });
    expect(other.status).toBe(204);
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    expect(other.headers.get("access-control-allow-methods")).toBeNull();
  });

  it("asks for the token on /metrics", async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: "Bearer wrong-token-0123456789" } })).status).toBe(401);
    const allowed = await fetch(`${server.url}/metrics`, { headers: { authorization: "Bearer metrics-token-0123456789" } });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain("gateai_http_request_duration_seconds");
  });
});

describe("/metrics under many scrapes", () => {
  it("reads the database once for the scrapes of a second, concurrent ones included", async () => {
    const reads = { liveCounts: 0 };
    const server = await operationsServer({}, reads);
    try {
      const answers = await Promise.all(Array.from({ length: 16 }, () => fetch(`${server.url}/metrics`).then((r) => r.status)));
      expect(answers).toEqual(new Array(16).fill(200));
      expect((await fetch(`${server.url}/metrics`)).status).toBe(200);
      expect(reads.liveCounts).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, SCRAPE_REUSE_MS + 50));
      expect((await fetch(`${server.url}/metrics`)).status).toBe(200);
      expect(reads.liveCounts).toBe(2);
    } finally {
      await server.close();
    }
  });
});

describe("GATEAI_CORS_ORIGINS=none and GATEAI_METRICS=0", () => {
  let server: Awaited<ReturnType<typeof operationsServer>>;
  beforeAll(async () => {
    server = await operationsServer({ GATEAI_CORS_ORIGINS: "none", GATEAI_METRICS: "0" });
  });
  afterAll(() => server?.close());

  it("sends no CORS headers and has no /metrics, and still gives each request an id", async () => {
    const answer = await fetch(`${server.url}/healthz`, { headers: { origin: "https://app.example" } });
    expect(answer.headers.get("access-control-allow-origin")).toBeNull();
    expect(answer.headers.get("x-request-id")).toBeTruthy();
    expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
  });
});
