import type { IncomingHttpHeaders, IncomingMessage, Server } from "node:http";
import type { DocumentNode, ExecutionArgs, GraphQLError } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import type { CallerHeaders } from "../context.ts";
import type { GraphQLYoga, ServerContext } from "./yoga-http.ts";

/**
 * What a graphql-ws connection keeps of its upgrade request: the headers its context reads.
 * graphql-ws holds `extra.request` as long as the connection lives, and the whole IncomingMessage
 * (raw and parsed headers, stream state) is far larger. Keep a header here if the context comes
 * to need it.
 */
interface UpgradeRequest {
  readonly headers: Readonly<Pick<IncomingHttpHeaders, "host" | "x-forwarded-host" | "x-forwarded-proto" | "x-forwarded-for">>;
  /** The connection's peer address (the failed-authentication throttle's key). */
  readonly peer?: string | undefined;
}
const upgradeRequest = ({ headers, socket }: IncomingMessage): UpgradeRequest => ({
  headers: { host: headers.host, "x-forwarded-host": headers["x-forwarded-host"], "x-forwarded-proto": headers["x-forwarded-proto"], "x-forwarded-for": headers["x-forwarded-for"] },
  peer: socket.remoteAddress,
});

/** The caller of a graphql-ws connection: its credentials come in connectionParams, its origin from the upgrade. */
export function callerOfConnection(params: Readonly<Record<string, unknown>>, request: UpgradeRequest): CallerHeaders {
  return {
    authorization: params.authorization ?? params.Authorization,
    adminToken: params["x-admin-token"] ?? params.adminToken,
    headers: request.headers,
    peer: request.peer,
  };
}

/**
 * GraphQL over WebSocket (graphql-ws) on /graphql, an adapter of Yoga's envelop pipeline: each
 * subscription is parsed, validated and run by `yoga.getEnveloped`, with the same plugins and
 * context as over HTTP.
 */
export function createWsTransport(yoga: GraphQLYoga) {
  const wss = new WebSocketServer({ noServer: true });
  const wsServer = useServer<Record<string, unknown>, { request: UpgradeRequest }>(
    {
      execute: (args: ExecutionArgs) => (args.rootValue as { execute: (a: ExecutionArgs) => unknown }).execute(args) as never,
      subscribe: (args: ExecutionArgs) => (args.rootValue as { subscribe: (a: ExecutionArgs) => unknown }).subscribe(args) as never,
      onSubscribe: async (ctx, _id, params) => {
        const connectionParams = ctx.connectionParams ?? {};
        const initial: ServerContext & { params: typeof params } = {
          req: ctx.extra.request,
          connectionParams,
          caller: callerOfConnection(connectionParams, ctx.extra.request),
          params,
        };
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped(initial);
        // A syntax error is the client's: answer this subscription with it (an `error` message)
        // instead of throwing, which closes the whole socket (4500) and every other subscription on it.
        let document: DocumentNode;
        try {
          document = parse(params.query);
        } catch (error) {
          if (error instanceof Error && error.name === "GraphQLError") return [error as GraphQLError];
          throw error;
        }
        // Query limits (GraphQL Armor's, the list-aware cost) throw their GraphQLError rather than
        // report it: that too answers this subscription, not the socket.
        let errors: readonly GraphQLError[];
        try {
          errors = validate(schema, document);
        } catch (error) {
          if (error instanceof Error && error.name === "GraphQLError") return [error as GraphQLError];
          throw error;
        }
        if (errors.length) return errors;
        return {
          schema,
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
    /** Takes the upgrades of /graphql on `server`; other paths are refused. */
    attach(server: Server): void {
      server.on("upgrade", (req, socket, head) => {
        if (new URL(req.url ?? "/", "http://localhost").pathname !== "/graphql") {
          socket.destroy();
          return;
        }
        wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, upgradeRequest(req)));
      });
    },
    async close(): Promise<void> {
      await wsServer.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
