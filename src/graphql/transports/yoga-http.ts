import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { GraphQLSchema } from "graphql";
import { createYoga, type Plugin, type YogaServerInstance } from "graphql-yoga";
import type { Logger } from "pino";
import type { CallerHeaders, GraphQLContext } from "../context.ts";
import { GRAPHIQL_OPTIONS, renderOfflineGraphiQL } from "../graphiql.ts";
import { yogaLoggerFor } from "./yoga-logger.ts";
import { maskUnavailable } from "./unavailable-errors.ts";

/** The initial context every transport hands Yoga's pipeline (`yoga.getEnveloped`). */
export interface ServerContext {
  /** HTTP: the node request; graphql-ws: what the connection keeps of its upgrade request. */
  req?: { readonly headers: IncomingHttpHeaders | Readonly<Record<string, string | string[] | undefined>> };
  res?: ServerResponse;
  /** Yoga's Fetch request (HTTP through Yoga). */
  request?: Request;
  connectionParams?: Readonly<Record<string, unknown>>;
  /** The caller, when the transport read it itself (the JSON POST path, graphql-ws). */
  caller?: CallerHeaders;
}

export type GraphQLYoga = YogaServerInstance<ServerContext, GraphQLContext>;

/** The caller of an HTTP request, from its headers and the connection's peer address. */
export function callerOfHttp(headers: IncomingHttpHeaders, peer?: string): CallerHeaders {
  return { authorization: headers.authorization, adminToken: headers["x-admin-token"], headers, peer };
}

/** The same, from a Fetch request's headers (a request Yoga got without a node request). */
const callerOfFetch = (headers: Headers): CallerHeaders =>
  callerOfHttp({
    authorization: headers.get("authorization") ?? undefined,
    "x-admin-token": headers.get("x-admin-token") ?? undefined,
    host: headers.get("host") ?? undefined,
    "x-forwarded-host": headers.get("x-forwarded-host") ?? undefined,
    "x-forwarded-proto": headers.get("x-forwarded-proto") ?? undefined,
    "x-forwarded-for": headers.get("x-forwarded-for") ?? undefined,
  });

/** The caller a transport's initial context stands for. */
export function callerOf(initial: ServerContext): CallerHeaders {
  if (initial.caller) return initial.caller;
  if (initial.req) return callerOfHttp(initial.req.headers as IncomingHttpHeaders, (initial.req as Partial<IncomingMessage>).socket?.remoteAddress);
  if (initial.request) return callerOfFetch(initial.request.headers);
  return callerOfHttp({});
}

/**
 * Yoga over HTTP on /graphql: GET, SSE subscriptions, multipart, CORS, batches, GraphiQL, and every
 * request the JSON POST path leaves to it. Its envelop pipeline (`yoga.getEnveloped`) is the one
 * graphql-ws and the JSON POST path run too.
 */
export function createYogaHttp(options: {
  readonly schema: GraphQLSchema;
  /** The face's plugins, in order (the JSON POST path checks the same list). */
  readonly plugins: readonly Plugin[];
  readonly context: (initial: ServerContext) => GraphQLContext | Promise<GraphQLContext>;
  /** The body cap of GraphQL POSTs (src/http/body.ts jsonBodyLimit). */
  readonly maxBodyBytes: number;
  readonly logger: Logger;
}): { readonly yoga: GraphQLYoga; handle(req: IncomingMessage, res: ServerResponse): Promise<void> } {
  const log = options.logger;
  const yoga: GraphQLYoga = createYoga<ServerContext, GraphQLContext>({
    schema: options.schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    // Offline GraphiQL: the page references assets this server serves (src/graphql/graphiql.ts).
    graphiql: GRAPHIQL_OPTIONS,
    renderGraphiQL: renderOfflineGraphiQL,
    // CORS is answered at the request edge for every path alike (src/http/cors.ts).
    cors: false,
    // A backing service that is down: SERVICE_UNAVAILABLE (HTTP 503 with Retry-After where the
    // transport has a status); anything else unexpected stays masked.
    maskedErrors: { maskError: maskUnavailable },
    maxRequestBodySize: options.maxBodyBytes,
    // Validation results are kept by the face's own plugin (src/graphql/plugins/valid-documents.ts).
    parserAndValidationCache: { validationCache: false },
    plugins: [...options.plugins],
    logging: yogaLoggerFor(log),
    context: options.context,
  });
  return {
    yoga,
    handle: (req, res) => {
      // Yoga's 413 (a body over maxRequestBodySize) closes the connection, as every other 413:
      // on a kept-alive connection the rest of a body its client stops sending would hold the
      // address's large-body lane (src/http/request-edge.ts) until Node's request timeout.
      const writeHead = res.writeHead;
      res.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
        if (statusCode === 413) res.setHeader("connection", "close");
        return (writeHead as (...args: unknown[]) => ServerResponse).call(this, statusCode, ...rest);
      } as typeof res.writeHead;
      return yoga(req, res) as unknown as Promise<void>;
    },
  };
}
