import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import type { Plugin } from "graphql-yoga";
import { createAuthThrottle, type AuthThrottle } from "../http/auth-throttle.ts";
import { jsonBodyLimit } from "../http/body.ts";
import type { GatewayServices } from "../services/gateway-services.ts";
import { callerAddress, contextFactory, presentsUnknownCredentials } from "./context.ts";
import { serveGraphiQLAsset } from "./graphiql.ts";
import { EXCLUSIVE_FIELDS, listSizes } from "./list-sizes.ts";
import { SCHEMA_SDL_PATH, schemaSdlRoute } from "./schema-sdl.ts";
import { useSubscriptionsOverHttpNeedEventStream } from "./plugins/http-subscriptions.ts";
import { useOperationMetrics } from "./plugins/operation-metrics.ts";
import { useDocumentSize } from "./plugins/document-size.ts";
import { useQueryCost } from "./plugins/query-cost.ts";
import { armorRefusal } from "./plugins/query-refusal.ts";
import { useVariableBounds } from "./plugins/variable-bounds.ts";
import { graphqlJsExecution } from "./plugins/execution.ts";
import { createSubscriptionSharing } from "./plugins/shared-subscriptions.ts";
import { useValidDocuments } from "./plugins/valid-documents.ts";
import { buildSchema } from "./schema.ts";
import { createJsonPostHandler } from "./transports/json-post.ts";
import { refusedSingleConnectionSse } from "./transports/sse-single-connection.ts";
import { createStreamTokenRoute, STREAM_TOKEN_PATH } from "./transports/stream-token-route.ts";
import { sendAuthThrottled } from "./transports/auth-throttled.ts";
import { callerOf, callerOfHttp, createYogaHttp } from "./transports/yoga-http.ts";
import { createWsTransport } from "./transports/ws.ts";

/**
 * The limits on a GraphQL document (README "Limits on input"), checked when it is parsed and
 * validated, before anything runs. Generous for real clients (the deepest useful query is about
 * 6 levels; the whole catalog with every field costs about 9,000, an answer of about 70 KB),
 * while the worst document they allow validates in a few milliseconds
 * (test/graphql/query-limits.test.ts measures it).
 */
export const QUERY_LIMITS = {
  /** The document's length, checked before it is parsed (src/graphql/plugins/document-size.ts). */
  characters: 100_000,
  /** GraphQL Armor max-tokens: the parser stops past this many tokens. */
  tokens: 10_000,
  /** GraphQL Armor max-depth. */
  depth: 12,
  /** GraphQL Armor max-aliases. */
  aliases: 30,
  /**
   * The list-aware cost (src/graphql/plugins/query-cost.ts): fields the answer can hold, each list
   * at its largest size. It replaces GraphQL Armor's cost-limit, which counts a list as one item
   * and multiplies by a literal `first` unclamped (so `tasks(first: 100000)`, which the service
   * clamps to 100, was refused while `first: $n` was not).
   */
  cost: 100_000,
  /** Field selections with every fragment written out. */
  fields: 1_000,
  /** Selections of one response name in one selection set. */
  duplicates: 50,
} as const;

/**
 * The GraphQL face on /graphql: one schema, one plugin list and one context, served by three
 * transports (src/graphql/transports): the JSON POST path, Yoga over HTTP (everything else,
 * SSE included), and graphql-ws. `throttle` counts failed authentications per client address,
 * shared with the REST face (none: no throttle).
 */
export function createGraphQLServer(services: GatewayServices, throttle: AuthThrottle = createAuthThrottle({ perMinute: 0, clock: services.clock })) {
  const schema = buildSchema(services.schemaEngine ?? services.engine);
  const schemaSdl = schemaSdlRoute(schema);
  const streamTokens = createStreamTokenRoute(services, throttle);
  const logger = services.logger.child({ face: "graphql" });
  const sharing = createSubscriptionSharing();
  const buildContext = contextFactory(services, sharing, throttle);
  const maxBodyBytes = jsonBodyLimit(services.config.uploadMaxBytes);

  const plugins: Plugin[] = [
    // Query limits (GraphQL Armor, and the list-aware cost): a public API must refuse documents
    // built to exhaust it, before they are validated further or run.
    useDocumentSize(QUERY_LIMITS.characters),
    // Armor's refusals are replaced by QUERY_TOO_COMPLEX request errors (query-refusal.ts).
    maxTokensPlugin({ n: QUERY_LIMITS.tokens, onReject: [armorRefusal({ maxTokens: QUERY_LIMITS.tokens }, "Send a shorter document, or split it.")] }),
    maxDepthPlugin({ n: QUERY_LIMITS.depth, ignoreIntrospection: true, flattenFragments: true, onReject: [armorRefusal({ maxDepth: QUERY_LIMITS.depth }, "Nest fewer levels, or split the query.")] }),
    maxAliasesPlugin({ n: QUERY_LIMITS.aliases, onReject: [armorRefusal({ maxAliases: QUERY_LIMITS.aliases }, "Use fewer aliases, or split the query.")] }),
    useQueryCost({
      maxCost: QUERY_LIMITS.cost,
      maxFields: QUERY_LIMITS.fields,
      maxDuplicates: QUERY_LIMITS.duplicates,
      listSizes: listSizes(services.engine),
      defaultListSize: 100,
      exclusiveFields: EXCLUSIVE_FIELDS,
    }),
    useValidDocuments(),
    // Lists in variables over their bound are refused before graphql-js coerces them.
    useVariableBounds(),
    // A subscription over HTTP without Accept: text/event-stream: 406 at once, not a stream.
    useSubscriptionsOverHttpNeedEventStream(),
    graphqlJsExecution(),
    // One execution per (event, operation, caller), shared by every subscriber it concerns.
    sharing.plugin,
    // Operation durations and open subscriptions, for /metrics (when metrics are on).
    ...(services.metrics ? [useOperationMetrics(services.metrics)] : []),
  ];

  const http = createYogaHttp({ schema, plugins, maxBodyBytes, logger, context: (initial) => buildContext(callerOf(initial)) });
  const jsonPost = createJsonPostHandler({
    yoga: http.yoga,
    plugins,
    maxBodyBytes,
    serverContext: (req, res, caller) => ({ req, res, caller }),
    logger,
  });
  const ws = createWsTransport(http.yoga, services.live, {
    addressOf: (req) => callerAddress(callerOfHttp(req.headers, req.socket.remoteAddress), services.config),
    now: () => services.clock.now(),
  });

  /**
   * A request presenting credentials the cache does not know, from an address that failed
   * authentication too often (src/http/auth-throttle.ts), is answered 429 with Retry-After
   * before it is read: a GraphQL error with `extensions.code` RATE_LIMITED (reason
   * AUTH_FAILURES). Over graphql-ws such a caller is anonymous (Unauthorized), see context.ts.
   */
  function refusedAsThrottled(req: IncomingMessage, res: ServerResponse): boolean {
    // No address has failed lately (the usual case): nothing to read.
    if (!throttle.active()) return false;
    const caller = callerOfHttp(req.headers, req.socket.remoteAddress);
    const wait = throttle.retryAfterMs(callerAddress(caller, services.config));
    if (wait === 0 || !presentsUnknownCredentials(caller, services.keys)) return false;
    sendAuthThrottled(res, wait);
    return true;
  }

  return {
    /** /graphql over HTTP: the JSON POST path, else Yoga. */
    async face(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
      if (refusedSingleConnectionSse(req, res, path)) return true;
      if (path === STREAM_TOKEN_PATH) return streamTokens.issue(req, res).then(() => true);
      if (path !== "/graphql") return path === SCHEMA_SDL_PATH ? (schemaSdl(req, res), true) : serveGraphiQLAsset(req, res, path);
      if (!streamTokens.admit(req, res)) return true;
      if (refusedAsThrottled(req, res)) return true;
      if (!(await jsonPost(req, res))) await http.handle(req, res);
      return true;
    },
    attachWebSockets(server: Server): void {
      ws.attach(server);
    },
    async close(): Promise<void> {
      await ws.close();
      await http.yoga.dispose();
    },
  };
}
