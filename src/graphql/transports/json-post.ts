import type { IncomingMessage, ServerResponse } from "node:http";
import { getOperationAST, type DocumentNode, type ExecutionResult, type GraphQLError } from "graphql";
import { processRegularResult, type Plugin, type YogaServerInstance } from "graphql-yoga";
import type { Logger } from "pino";
import { readBody } from "../../http/body.ts";
import type { CallerHeaders } from "../context.ts";

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
 * Hooks of Yoga's request pipeline (and of the server adapter under it) that the JSON POST path
 * never calls: it answers without a Fetch Request, request parser or result processor. Envelop's
 * own hooks (onParse, onValidate, onContextBuilding, onExecute, onSubscribe) do run.
 */
export const REQUEST_HOOKS = ["onRequest", "onRequestParse", "onParams", "onExecutionResult", "onResultProcess", "onResponse"] as const;
/** Yoga instrumentation that wraps the same request phases. */
const REQUEST_INSTRUMENTATION = ["request", "requestParse", "operation", "resultProcess"] as const;

/**
 * The reasons a plugin cannot run unchanged behind the JSON POST path: its request or response
 * hooks, and `onPluginInit` (it may add plugins with such hooks, which this check cannot see).
 */
export function requestHooksOf(plugin: Plugin): string[] {
  const hooks: string[] = REQUEST_HOOKS.filter((hook) => typeof (plugin as Record<string, unknown>)[hook] === "function");
  const instrumentation = plugin.instrumentation as Record<string, unknown> | undefined;
  if (instrumentation) for (const phase of REQUEST_INSTRUMENTATION) if (typeof instrumentation[phase] === "function") hooks.push(`instrumentation.${phase}`);
  if (typeof plugin.onPluginInit === "function") hooks.push("onPluginInit");
  return hooks;
}

/**
 * Throws unless every plugin can run behind the JSON POST path: one with request or response
 * hooks would silently miss that traffic. `allowed` names the plugins whose hooks may be skipped
 * there, each with the reason.
 */
export function checkJsonPostPlugins(plugins: readonly Plugin[], allowed: ReadonlyMap<Plugin, string> = new Map()): void {
  const refused: string[] = [];
  plugins.forEach((plugin, index) => {
    const hooks = requestHooksOf(plugin);
    if (hooks.length === 0) return;
    const reason = allowed.get(plugin);
    if (reason !== undefined && reason.trim() !== "") return;
    refused.push(`plugin ${index} (${hooks.join(", ")})`);
  });
  if (refused.length)
    throw new Error(
      `The GraphQL JSON POST path bypasses Yoga's request pipeline, so these plugins' hooks would not run for its requests: ${refused.join("; ")}. ` +
        "Remove them, or allow-list each with the reason its hooks may be skipped.",
    );
}

/**
 * The JSON POST transport of GraphQL over HTTP: a JSON POST of one query or mutation. It runs
 * Yoga's envelop pipeline (parser cache, validation, GraphQL Armor's limits, masked errors, the
 * same context) and writes the answer itself, without Yoga's Fetch-API layer (a Request, Headers,
 * a body stream pipeline and an AbortSignal per request); a document that does not parse or
 * validate is answered through Yoga's own result processor. Everything else (GET, SSE,
 * multipart, CORS, batching, malformed bodies, subscriptions, an operation it cannot pick) goes to
 * Yoga itself, with the body it already read, so those answers stay exactly Yoga's
 * (test/graphql/transports/json-post.test.ts compares them). Bodies over `maxBodyBytes` are Yoga's to refuse (413), under the same cap.
 *
 * The plugins' request and response hooks never run here: the constructor refuses a plugin that
 * has any (`checkJsonPostPlugins`) unless it is allow-listed with a reason.
 */
export function createJsonPostHandler<TServerContext extends object, TUserContext extends object>(options: {
  readonly yoga: YogaServerInstance<TServerContext, TUserContext>;
  /** The plugins the Yoga instance was created with. */
  readonly plugins: readonly Plugin[];
  /** Plugins with request or response hooks that may be skipped here, each with the reason. */
  readonly allowRequestHooks?: ReadonlyMap<Plugin, string>;
  /** The body cap, the same as Yoga's `maxRequestBodySize`. */
  readonly maxBodyBytes: number;
  /** The initial context Yoga's context factory turns into ours, for a caller's headers. */
  readonly serverContext: (req: IncomingMessage, res: ServerResponse, caller: CallerHeaders) => TServerContext;
  readonly logger: Logger;
}) {
  const { yoga, logger, maxBodyBytes } = options;
  checkJsonPostPlugins(options.plugins, options.allowRequestHooks);

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
    if (!mediaType || !(declared >= 0 && declared <= maxBodyBytes)) return false;

    const read = await readBody(req, maxBodyBytes);
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

    const caller: CallerHeaders = { authorization: headers.authorization, adminToken: headers["x-admin-token"], headers, peer: req.socket.remoteAddress };
    // `params` set on the object, not `{ ...initial, params }`: V8 (Node 20) gives each object
    // built that way a hidden class of its own, and this one becomes every resolver's context
    // (test/source/object-literals.test.ts).
    const initial = options.serverContext(req, res, caller) as TServerContext & { params: JsonPostParams };
    initial.params = params;
    const enveloped = yoga.getEnveloped(initial);
    const checked = parsedAndValid(enveloped, params);
    if (checked === undefined) {
      await delegate(req, res, read.bytes);
      return true;
    }
    if (!("document" in checked)) {
      // Answered here, as Yoga's result processor answers them (status from the errors' `http`
      // extension, which it then drops): handing the body to Yoga would read, parse and validate
      // it all again, and refused documents are what a flood sends.
      await writeFetchResponse(res, await processRegularResult({ errors: checked.errors }, yoga.fetchAPI, mediaType));
      return true;
    }
    const document = checked.document;

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
      // A GraphQLError thrown here is an answer the pipeline chose (the masked-errors plugin turns
      // a backing service that is down into SERVICE_UNAVAILABLE, 503): answered as Yoga would.
      if (isGraphQLError(error)) {
        await writeFetchResponse(res, await processRegularResult({ errors: [error] }, yoga.fetchAPI, mediaType));
        return true;
      }
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
 * A query or mutation's document, or the errors that refuse it: a syntax error or a query limit
 * (GraphQL Armor's limits and the document size throw a GraphQLError instead of reporting it) or
 * validation errors. Validation goes through the pipeline, so its plugins
 * (src/graphql/plugins/valid-documents.ts) apply as on every transport. Undefined leaves the
 * request to Yoga: a subscription, an operation it cannot pick, or anything else thrown.
 */
function parsedAndValid(
  enveloped: { parse(source: string): DocumentNode; validate(schema: unknown, document: DocumentNode): readonly GraphQLError[]; schema: unknown },
  params: JsonPostParams,
): { readonly document: DocumentNode } | { readonly errors: readonly GraphQLError[] } | undefined {
  try {
    const document = enveloped.parse(params.query);
    const operation = getOperationAST(document, params.operationName ?? undefined);
    if (!operation || operation.operation === "subscription") return undefined;
    const errors = enveloped.validate(enveloped.schema, document);
    return errors.length === 0 ? { document } : { errors };
  } catch (error) {
    return isGraphQLError(error) ? { errors: [error] } : undefined;
  }
}

/** By name: the schema's graphql-js (CommonJS) and this module's may be different copies. */
const isGraphQLError = (error: unknown): error is GraphQLError => error instanceof Error && error.name === "GraphQLError";

const isPromise = <T>(value: T | Promise<T>): value is Promise<T> => typeof (value as { then?: unknown } | null)?.then === "function";

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
