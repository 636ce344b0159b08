import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { costLimitPlugin } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import type { Plugin } from "graphql-yoga";
import { jsonBodyLimit } from "../http/body.ts";
import type { GatewayServices } from "../services/gateway-services.ts";
import { contextFactory } from "./context.ts";
import { graphqlJsExecution } from "./plugins/execution.ts";
import { createSubscriptionSharing } from "./plugins/shared-subscriptions.ts";
import { useValidDocuments } from "./plugins/valid-documents.ts";
import { buildSchema } from "./schema.ts";
import { createJsonPostHandler } from "./transports/json-post.ts";
import { callerOf, createYogaHttp } from "./transports/yoga-http.ts";
import { createWsTransport } from "./transports/ws.ts";

/**
 * The GraphQL face on /graphql: one schema, one plugin list and one context, served by three
 * transports (src/graphql/transports): the JSON POST path, Yoga over HTTP (everything else,
 * SSE included), and graphql-ws.
 */
export function createGraphQLServer(services: GatewayServices) {
  const schema = buildSchema(services.engine);
  const logger = services.logger.child({ face: "graphql" });
  const sharing = createSubscriptionSharing();
  const buildContext = contextFactory(services, sharing);
  const maxBodyBytes = jsonBodyLimit(services.config.uploadMaxBytes);

  const plugins: Plugin[] = [
    // Query limits (GraphQL Armor): a public API must refuse documents built to exhaust it.
    // Generous for real clients: the deepest useful query is about 6 levels.
    maxTokensPlugin({ n: 20_000 }),
    maxDepthPlugin({ n: 12, ignoreIntrospection: true, flattenFragments: true }),
    maxAliasesPlugin({ n: 30 }),
    costLimitPlugin({ maxCost: 20_000, ignoreIntrospection: true }),
    useValidDocuments(),
    graphqlJsExecution(),
    // One execution per (event, operation, caller), shared by every subscriber it concerns.
    sharing.plugin,
  ];

  const http = createYogaHttp({ schema, plugins, maxBodyBytes, logger, context: (initial) => buildContext(callerOf(initial)) });
  const jsonPost = createJsonPostHandler({
    yoga: http.yoga,
    plugins,
    maxBodyBytes,
    serverContext: (req, res, caller) => ({ req, res, caller }),
    logger,
  });
  const ws = createWsTransport(http.yoga);

  return {
    /** /graphql over HTTP: the JSON POST path, else Yoga. */
    async face(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
      if (path !== "/graphql") return false;
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
