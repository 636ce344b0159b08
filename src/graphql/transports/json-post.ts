import type { IncomingMessage, ServerResponse } from "node:http";
import { getOperationAST, type DocumentNode, type ExecutionResult } from "graphql";
import { processRegularResult, type YogaServerInstance } from "graphql-yoga";
import type { Logger } from "pino";
import { readBody } from "../../http/body.ts";
import { requestOrigin } from "../../http/origin.ts";
import type { CallerHeaders } from "../context.ts";

/** Yoga's own default cap on a request body: the fast path refuses nothing Yoga would take. */
const MAX_BODY_BYTES = 25_000_000;
const GRAPHQL_PARAMS = new Set(["query", "variables", "operationName", "extensions"]);

type ResponseMediaType = "application/json" | "application/graphql-response+json";

/**
 * The media type Yoga would answer a query or mutation with, or undefined when this request is
 * not plain JSON for Yoga's regular result processor (SSE, multipart, weighted or odd Accept).
 * Yoga lets the first listed type win; `*` + `/*` (and no Accept at all) means application/json.
 */
function regularMediaType(accept: string | undefined): ResponseMediaType | undefined {
  if (accept === undefined) return "application/json";
  const first = accept.split(",", 1)[0]!.trim().toLowerCase();
  if (accept.includes(";") || accept.includes("text/event-stream") || accept.includes("multipart/")) return undefined;
  if (first === "application/json" || first === "*/*") return "application/json";
  if (first === "application/graphql-response+json") return first;
  return undefined;
}

const isJsonContentType = (value: string | undefined): boolean => {
  if (!value) return false;
  const type = value.split(";", 1)[0]!.trim().toLowerCase();
  return type === "application/json";
};

interface JsonPostParams {
  readonly query: string;
  readonly variables?: Record<string, unknown> | null;
  readonly operationName?: string | null;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The params of a single, well-formed request; anything else is Yoga's to answer (and explain). */
function wellFormedParams(body: unknown): JsonPostParams | undefined {
  if (!isPlainObject(body)) return undefined;
  for (const name in body) if (!GRAPHQL_PARAMS.has(name)) return undefined;
  const { query, variables, operationName, extensions } = body;
  if (typeof query !== "string" || query.length === 0) return undefined;
  if (variables !== undefined && variables !== null && !isPlainObject(variables)) return undefined;
  if (operationName !== undefined && operationName !== null && typeof operationName !== "string") return undefined;
  if (extensions !== undefined && extensions !== null && !isPlainObject(extensions)) return undefined;
  return body as unknown as JsonPostParams;
}

/**
 * The hot path of GraphQL over HTTP: a JSON POST of one query or mutation that parses and
 * validates. It runs the same envelop pipeline as Yoga (parser and validation caches, GraphQL
 * Armor's limits, masked errors, our context) but skips Yoga's Fetch-API layer (a Request,
 * Headers, a body stream pipeline and an AbortSignal per request), which took most of the
 * CPU of a small query. Everything else — GET, SSE, multipart, CORS, batching, malformed
 * requests, validation errors, subscriptions — goes to Yoga itself, with the body it already
 * read, so those answers stay exactly Yoga's.
 */
export function createJsonPostHandler<TServerContext extends object, TUserContext extends object>(options: {
  readonly yoga: YogaServerInstance<TServerContext, TUserContext>;
  /** The initial context Yoga's context factory turns into ours, for a caller's headers. */
  readonly serverContext: (req: IncomingMessage, res: ServerResponse, caller: CallerHeaders) => TServerContext;
  readonly logger: Logger;
}) {
  const { yoga, logger } = options;
  // Documents that passed validation. Yoga's parse cache hands back the same object for the same
  // query text, and a document valid once is valid always: the schema and the rules (graphql-js's
  // and Armor's, fixed at start-up) do not change per request. Yoga caches validation results
  // too, but its lookup joins the names of every rule into a key on each request: about 5 µs, a
  // tenth of a small query's own work.
  const validDocuments = new WeakSet<DocumentNode>();

  /** Yoga answers a request whose body was already read (a malformed or unusual one). */
  async function delegate(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || name === "content-length" || name === "transfer-encoding") continue;
      headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const url = `http://${req.headers.host ?? "localhost"}${req.url ?? "/graphql"}`;
    const request = new yoga.fetchAPI.Request(url, { method: req.method ?? "POST", headers, body: new Uint8Array(body) });
    const response = await yoga.fetch(request, { req, res } as unknown as TServerContext);
    await writeFetchResponse(res, response);
  }

  /** True when it answered; false leaves the request untouched for Yoga. */
  return async function handleJsonPost(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const headers = req.headers;
    if (req.method !== "POST" || headers.origin !== undefined || !isJsonContentType(headers["content-type"])) return false;
    const mediaType = regularMediaType(headers.accept);
    const declared = Number(headers["content-length"]);
    if (!mediaType || !(declared >= 0 && declared <= MAX_BODY_BYTES)) return false;

    const read = await readBody(req, MAX_BODY_BYTES);
    if (read.kind !== "complete") {
      res.destroy();
      return true;
    }
    let body: unknown;
    try {
      body = JSON.parse(read.bytes.toString("utf8"));
    } catch {
      await delegate(req, res, read.bytes);
      return true;
    }
    const params = wellFormedParams(body);
    if (!params) {
      await delegate(req, res, read.bytes);
      return true;
    }

    const caller: CallerHeaders = {
      authorization: headers.authorization ?? null,
      adminToken: firstValue(headers["x-admin-token"]) ?? null,
      origin: requestOrigin(headers),
    };
    // `params` set on the object, not `{ ...initial, params }`: V8 (Node 20) gives each object
    // built that way a hidden class of its own, and this one becomes every resolver's context
    // (test/source/object-literals.test.ts; about 30 µs of CPU per request under load).
    const initial = options.serverContext(req, res, caller) as TServerContext & { params: JsonPostParams };
    initial.params = params;
    const enveloped = yoga.getEnveloped(initial);
    const document = parsedAndValid(enveloped, params, validDocuments);
    if (!document) {
      await delegate(req, res, read.bytes);
      return true;
    }

    let result: ExecutionResult;
    try {
      // Awaited only when pending: a cached key and a synchronous query need no promise at all.
      const context = enveloped.contextFactory();
      const contextValue = isPromise(context) ? await context : context;
      const executed = enveloped.execute({
        schema: enveloped.schema,
        document,
        contextValue,
        variableValues: params.variables ?? null,
        operationName: params.operationName ?? null,
      }) as ExecutionResult | Promise<ExecutionResult>;
      result = isPromise(executed) ? await executed : executed;
    } catch (error) {
      logger.error({ err: error, operationName: params.operationName }, "graphql request failed");
      sendText(res, 500, mediaType, '{"errors":[{"message":"Unexpected error.","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}');
      return true;
    }

    if (result.errors?.length || result.extensions?.http) {
      // Errors decide the status and lose internal extensions: Yoga's own result processor does both.
      await writeFetchResponse(res, await processRegularResult(result, yoga.fetchAPI, mediaType));
      return true;
    }
    sendText(res, 200, mediaType, JSON.stringify(result));
    return true;
  };
}

/**
 * The document of a query or mutation that parses and passes validation (Armor's limits are
 * validation rules; some throw instead of reporting), else undefined.
 */
function parsedAndValid(
  enveloped: { parse(source: string): DocumentNode; validate(schema: unknown, document: DocumentNode): readonly unknown[]; schema: unknown },
  params: JsonPostParams,
  validDocuments: WeakSet<DocumentNode>,
): DocumentNode | undefined {
  try {
    const document = enveloped.parse(params.query);
    const operation = getOperationAST(document, params.operationName ?? undefined);
    if (!operation || operation.operation === "subscription") return undefined;
    if (validDocuments.has(document)) return document;
    if (enveloped.validate(enveloped.schema, document).length !== 0) return undefined;
    validDocuments.add(document);
    return document;
  } catch {
    return undefined;
  }
}

const isPromise = <T>(value: T | Promise<T>): value is Promise<T> => typeof (value as { then?: unknown } | null)?.then === "function";

const firstValue = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

function sendText(res: ServerResponse, status: number, mediaType: ResponseMediaType, payload: string): void {
  res.writeHead(status, { "content-type": `${mediaType}; charset=utf-8`, "content-length": Buffer.byteLength(payload) });
  res.end(payload);
}

async function writeFetchResponse(res: ServerResponse, response: Response): Promise<void> {
  const payload = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  headers["content-length"] = String(payload.byteLength);
  res.writeHead(response.status, headers);
  res.end(payload);
}
