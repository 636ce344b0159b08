import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from "node:http";
import type { DocumentNode, ExecutionArgs, GraphQLError } from "graphql";
import { costLimitPlugin } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import { createYoga } from "graphql-yoga";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import type { GatewayServices } from "../services/gateway-services.ts";
import { requestOrigin } from "../http/origin.ts";
import { buildContext, originOf, type CallerHeaders, type GraphQLContext } from "./context.ts";
import { graphqlJsExecution } from "./plugins/execution.ts";
import { createJsonPostHandler } from "./transports/json-post.ts";
import { buildSchema } from "./schema.ts";
import { sharedSubscriptionExecution } from "./types/subscriptions.ts";

interface ServerContext {
  /** HTTP: the request; graphql-ws: its `UpgradeRequest`. */
  req: UpgradeRequest | IncomingMessage;
  res?: ServerResponse;
  request?: Request;
  connectionParams?: Readonly<Record<string, unknown>>;
  /** The JSON POST fast path: the caller, read from the node request's headers. */
  caller?: CallerHeaders;
}


/**
 * What a graphql-ws connection keeps of its upgrade request: the headers its context reads.
 * graphql-ws holds `extra.request` as long as the connection lives, and the whole IncomingMessage
 * (raw and parsed headers, stream state) costs about 1.5 KB per connection. Keep a header here
 * if the context comes to need it.
 */
interface UpgradeRequest {
  readonly headers: Readonly<Pick<IncomingHttpHeaders, "host" | "x-forwarded-host" | "x-forwarded-proto">>;
}
const upgradeRequest = ({ headers }: IncomingMessage): UpgradeRequest => ({
  headers: { host: headers.host, "x-forwarded-host": headers["x-forwarded-host"], "x-forwarded-proto": headers["x-forwarded-proto"] },
});

/** GraphQL over HTTP (queries, mutations, SSE subscriptions, GraphiQL) and graphql-ws, on /graphql. */
export function createGraphQLServer(services: GatewayServices) {
  const schema = buildSchema(services.engine);
  const log = services.logger.child({ face: "graphql" });

  const yoga = createYoga<ServerContext, GraphQLContext>({
    schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    graphiql: { title: "GateAI GraphQL", subscriptionsProtocol: "WS" },
    maskedErrors: true,
    // Query limits (GraphQL Armor): a public API must refuse documents built to exhaust it.
    // Generous for real clients: the deepest useful query is about 6 levels.
    plugins: [
      maxTokensPlugin({ n: 20_000 }),
      maxDepthPlugin({ n: 12, ignoreIntrospection: true, flattenFragments: true }),
      maxAliasesPlugin({ n: 30 }),
      costLimitPlugin({ maxCost: 20_000, ignoreIntrospection: true }),
      graphqlJsExecution(),
      // One execution per (event, operation, caller), shared by every subscriber it concerns.
      sharedSubscriptionExecution(),
    ],
    logging: {
      debug: (...args) => log.debug(args),
      info: (...args) => log.info(args),
      warn: (...args) => log.warn(args),
      error: (...args) => log.error(args),
    },
    context: (initial): GraphQLContext | Promise<GraphQLContext> => {
      if (initial.caller) return buildContext(services, initial.caller);
      if (initial.request) {
        const headers = initial.request.headers;
        return buildContext(services, {
          authorization: headers.get("authorization"),
          adminToken: headers.get("x-admin-token"),
          origin: originOf(initial.request.url, headers),
        });
      }
      // graphql-ws: auth comes in connectionParams.
      const params = initial.connectionParams ?? {};
      const auth = params.authorization ?? params.Authorization;
      const admin = params["x-admin-token"] ?? params.adminToken;
      return buildContext(services, {
        authorization: typeof auth === "string" ? auth : null,
        adminToken: typeof admin === "string" ? admin : null,
        origin: requestOrigin(initial.req.headers),
      });
    },
  });

  const handleJsonPost = createJsonPostHandler({
    yoga,
    serverContext: (req, res, caller) => ({ req, res, caller }),
    logger: log,
  });

  const wss = new WebSocketServer({ noServer: true });
  const wsServer = useServer<Record<string, unknown>, { request: UpgradeRequest }>(
    {
      execute: (args: ExecutionArgs) => (args.rootValue as { execute: (a: ExecutionArgs) => unknown }).execute(args) as never,
      subscribe: (args: ExecutionArgs) => (args.rootValue as { subscribe: (a: ExecutionArgs) => unknown }).subscribe(args) as never,
      onSubscribe: async (ctx, _id, params) => {
        const { schema: envelopedSchema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          req: ctx.extra.request,
          connectionParams: ctx.connectionParams ?? {},
          params,
        } as never);
        // A syntax error is the client's: answer this subscription with it (an `error` message)
        // instead of throwing, which closes the whole socket (4500) and every other subscription on it.
        let document: DocumentNode;
        try {
          document = parse(params.query);
        } catch (error) {
          if (error instanceof Error && error.name === "GraphQLError") return [error as GraphQLError];
          throw error;
        }
        const errors = validate(envelopedSchema, document);
        if (errors.length) return errors;
        return {
          schema: envelopedSchema,
          operationName: params.operationName ?? null,
          document,
          variableValues: params.variables ?? null,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
      },
    },
    wss,
  );

  return {
    async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
      if (await handleJsonPost(req, res)) return;
      await (yoga(req, res) as unknown as Promise<void>);
    },
    attachWebSockets(server: Server) {
      server.on("upgrade", (req, socket, head) => {
        if (new URL(req.url ?? "/", "http://localhost").pathname !== "/graphql") {
          socket.destroy();
          return;
        }
        wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, upgradeRequest(req)));
      });
    },
    async close() {
      await wsServer.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await yoga.dispose();
    },
  };
}
