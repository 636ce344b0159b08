import type { IncomingHttpHeaders, IncomingMessage, Server } from "node:http";
import type { DocumentNode, ExecutionArgs, GraphQLError } from "graphql";
import { CloseCode, type SubscribePayload } from "graphql-ws";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer, type WebSocket } from "ws";
import { addressClient, emitForClient } from "../../http/request-client.ts";
import { requestPath } from "../../http/request-path.ts";
import { createHeldRefusals } from "./held-refusals.ts";
import { isLiveRefusal, type LiveLimits, type LivePlace, type LiveRefusal } from "../../services/live-limits.ts";
import type { CallerHeaders } from "../context.ts";
import type { GraphQLYoga, ServerContext } from "./yoga-http.ts";
import { schemaGraphql } from "../support/schema-graphql.ts";

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
  /** The client address (the forwarded one when proxies are trusted): the reconnect cool-off's key. */
  readonly address: string;
}
const upgradeRequest = ({ headers, socket }: IncomingMessage, address: string): UpgradeRequest => ({
  headers: { host: headers.host, "x-forwarded-host": headers["x-forwarded-host"], "x-forwarded-proto": headers["x-forwarded-proto"], "x-forwarded-for": headers["x-forwarded-for"] },
  peer: socket.remoteAddress,
  address,
});

/** The caller of a graphql-ws connection: its credentials come in connectionParams, its origin from the upgrade. */
export function callerOfConnection(params: Readonly<Record<string, unknown>>, request: UpgradeRequest): CallerHeaders {
  return {
    authorization: params.authorization ?? params.Authorization,
    adminToken: params["x-admin-token"] ?? params.adminToken,
    headers: request.headers,
    peer: request.peer,
    overWebSocket: true,
  };
}

// graphql-ws checks errors with `instanceof` the schema's GraphQLError.
const { GraphQLError: GraphQLErrorClass, getOperationAST } = schemaGraphql;

/** Why a socket that kept subscribing past its cap was closed (4400). */
export const TOO_MANY_REFUSALS = "Too many subscriptions refused on this connection: complete some before subscribing again";

/**
 * A subscription over a cap: answered with graphql-ws `error`, the socket and its other
 * subscriptions untouched. One error per refusal text, built once: a flood of refusals costs no
 * allocation of its own.
 */
const refusals = new Map<string, GraphQLError[]>();
const refusedWith = (refusal: LiveRefusal): GraphQLError[] => {
  let errors = refusals.get(refusal.message);
  if (!errors) {
    if (refusals.size > 100) refusals.clear();
    refusals.set(refusal.message, (errors = [new GraphQLErrorClass(refusal.message, { extensions: { code: refusal.code, per: refusal.per, limit: refusal.limit } })]));
  }
  return errors;
};

/** How long a socket the gateway closes (for its refusals, or as it stops) may take to finish closing before it is cut. */
const CLOSE_GRACE_MS = 1_000;

/**
 * How long an address whose connection was closed for going over a cap (4400, 4403) is refused
 * new connections: `429` at the upgrade, before any WebSocket handshake. A client that reconnects
 * at once after such a close would otherwise make the gateway set up and tear down its sockets
 * and subscriptions in a loop; its open connections are untouched. Each such 429 is held for up
 * to a second before it is sent (held-refusals.ts), so a loop of reconnects is a slow one.
 */
export const RECONNECT_COOL_OFF_MS = 10_000;
/** Addresses remembered at most (the oldest go first); an entry past its time is dropped when met. */
const COOL_OFF_ADDRESSES = 10_000;

/**
 * The WebSocket server of graphql-ws. A socket's messages are handled one per turn of the event
 * loop (`allowSynchronousEvents: false`), not all those of one read at once: a client that writes
 * thousands of messages in one burst would otherwise hold the loop, and every other client, for
 * the whole burst.
 */
export function createWebSocketServer(): WebSocketServer {
  return new WebSocketServer({ noServer: true, allowSynchronousEvents: false });
}

/**
 * GraphQL over WebSocket (graphql-ws) on /graphql, an adapter of Yoga's envelop pipeline: each
 * subscription is parsed, validated and run by `yoga.getEnveloped`, with the same plugins and
 * context as over HTTP.
 *
 * Caps (src/services/live-limits.ts): a socket of a key over its sockets cap is closed at
 * connection_init with 4403 Forbidden and a reason naming the cap; a subscription past the
 * socket's cap or its key's is answered with an `error` message (code TOO_MANY_SUBSCRIPTIONS)
 * before any work. A socket's places are held from its subscribe message until graphql-ws
 * completes the subscription; the key's are counted by the subscription plugin
 * (shared-subscriptions.ts), which holds the place of every transport's subscriptions. An address
 * whose connection was closed for a cap (4400 or 4403) is refused new connections for
 * RECONNECT_COOL_OFF_MS, with `429` at the upgrade, held a moment (held-refusals.ts).
 */
export function createWsTransport(
  yoga: GraphQLYoga,
  live: LiveLimits,
  options: {
    /** The client address of an upgrade (the forwarded one when proxies are trusted). */
    readonly addressOf: (req: IncomingMessage) => string;
    readonly now: () => number;
  },
) {
  const wss = createWebSocketServer();
  /** The place each socket of a key holds under the key's sockets cap, given back when it closes; and its key. */
  const sockets = new WeakMap<object, { readonly place: LivePlace; readonly keyId: string }>();
  /** Addresses refused new connections until the time given (RECONNECT_COOL_OFF_MS). */
  const coolingOff = new Map<string, number>();
  /** The 429s of addresses cooling off, each held a moment (held-refusals.ts). */
  const refusals = createHeldRefusals();
  const coolOff = (address: string) => {
    if (coolingOff.size >= COOL_OFF_ADDRESSES) coolingOff.delete(coolingOff.keys().next().value!);
    coolingOff.delete(address);
    coolingOff.set(address, options.now() + RECONNECT_COOL_OFF_MS);
  };
  /** Milliseconds an address must still wait before a new connection, or 0. */
  const coolingFor = (address: string): number => {
    const until = coolingOff.get(address);
    if (until === undefined) return 0;
    const wait = until - options.now();
    if (wait > 0) return wait;
    coolingOff.delete(address);
    return 0;
  };
  const initialContext = (connectionParams: Readonly<Record<string, unknown>>, request: UpgradeRequest): ServerContext => ({
    req: request,
    connectionParams,
    caller: callerOfConnection(connectionParams, request),
  });
  /**
   * What each socket holds: its subscriptions by id (its places under the per-socket cap), the ids
   * whose subscription is being set up (from its subscribe message until graphql-ws keeps its
   * results), and how many it was refused.
   */
  const held = new WeakMap<object, { readonly ids: Set<string>; readonly settingUp: Set<string>; refused: number }>();
  const heldBy = (ctx: object) => {
    let socket = held.get(ctx);
    if (!socket) held.set(ctx, (socket = { ids: new Set<string>(), settingUp: new Set<string>(), refused: 0 }));
    return socket;
  };
  /** Sockets closed: a connection_init still looking its key up when its socket closed takes no place. */
  const closed = new WeakSet<object>();

  /** A subscribe message made into execution arguments, or the errors that answer it. */
  async function prepare(ctx: { connectionParams?: Readonly<Record<string, unknown>>; extra: { request: UpgradeRequest } }, params: SubscribePayload): Promise<ExecutionArgs | readonly GraphQLError[] | LiveRefusal> {
    const connectionParams = ctx.connectionParams ?? {};
    const initial: ServerContext & { params: SubscribePayload } = Object.assign(initialContext(connectionParams, ctx.extra.request), { params });
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
    // graphql-ws answers an operation it cannot find with `error` and no completion: the place
    // would never be given back. Answer it here.
    if (!getOperationAST(document, params.operationName ?? undefined)) return [new GraphQLErrorClass("Unable to identify operation")];
    const contextValue = await contextFactory();
    // The key's cap, checked here to answer with `error`; the plugin takes the place.
    const key = (contextValue as { key?: { id: string } | null }).key;
    const overKey = key ? live.keyRefusal(key.id) : null;
    if (overKey) return overKey;
    return {
      schema,
      operationName: params.operationName ?? null,
      document,
      variableValues: params.variables ?? null,
      contextValue,
      rootValue: { execute, subscribe },
    };
  }

  /**
   * Answers a subscription over a cap. A client that keeps subscribing past its caps (graphql-ws
   * lets it pipeline subscribe messages without waiting for answers) is closed with 4400 once it
   * was refused as many times as its socket's cap, and what it sent behind is not read (the
   * socket is paused, and cut if it does not finish closing): otherwise its messages would hold
   * the event loop for as long as it cares to send them.
   */
  function refused(ctx: { extra: { socket: WebSocket; request: UpgradeRequest } }, socket: { refused: number }, refusal: LiveRefusal): GraphQLError[] {
    if (++socket.refused === live.caps.subscriptionsPerSocket) {
      coolOff(ctx.extra.request.address);
      ctx.extra.socket.pause();
      // The close goes out after this refusal.
      setImmediate(() => {
        ctx.extra.socket.close(CloseCode.BadRequest, TOO_MANY_REFUSALS);
        setTimeout(() => ctx.extra.socket.terminate(), CLOSE_GRACE_MS).unref();
      });
    }
    return refusedWith(refusal);
  }

  const wsServer = useServer<Record<string, unknown>, { request: UpgradeRequest }>(
    {
      execute: (args: ExecutionArgs) => (args.rootValue as { execute: (a: ExecutionArgs) => unknown }).execute(args) as never,
      subscribe: (args: ExecutionArgs) => (args.rootValue as { subscribe: (a: ExecutionArgs) => unknown }).subscribe(args) as never,
      onConnect: async (ctx) => {
        const context = await yoga.getEnveloped(initialContext(ctx.connectionParams ?? {}, ctx.extra.request)).contextFactory();
        const key = (context as { key?: { id: string } | null }).key;
        // The socket closed while its key was looked up: onClose has run, nothing would give a place back.
        if (closed.has(ctx)) return false;
        // No key: every subscription answers Unauthorized; only keys have places.
        if (!key) return true;
        const place = live.connect(key.id);
        if (isLiveRefusal(place)) {
          coolOff(ctx.extra.request.address);
          // graphql-ws' documented close for a refused connection_init, with the cap as its reason.
          ctx.extra.socket.close(CloseCode.Forbidden, place.message);
          return false;
        }
        sockets.set(ctx, { place, keyId: key.id });
        // A revoked key's connections end with it (its subscriptions end with their own error first).
        place.whenRevoked(() => setImmediate(() => ctx.extra.socket.close(CloseCode.Forbidden, "The API key was revoked")));
        return true;
      },
      onClose: (ctx) => {
        closed.add(ctx);
        sockets.get(ctx)?.place.release();
        sockets.delete(ctx);
      },
      onSubscribe: async (ctx, id, params) => {
        const socket = heldBy(ctx);
        // graphql-ws lets an id completed during its setup be subscribed again at once; both setups
        // would then end under one id, and the first one's results would never be returned (nor
        // its place given back). The protocol's close for an id in use answers it instead.
        if (socket.settingUp.has(id)) {
          // A close reason is at most 123 bytes: a long id is not repeated in it.
          const message = Buffer.byteLength(id) <= 80 ? `Subscriber for ${id} already exists` : "Subscriber for this id already exists";
          ctx.extra.socket.close(CloseCode.SubscriberAlreadyExists, message);
          return [new GraphQLErrorClass(message)];
        }
        const overSocket = live.socketRefusal(socket.ids.size);
        if (overSocket) return refused(ctx, socket, overSocket);
        // The key's cap, before the subscription is parsed, validated or given a context: a
        // refusal costs nothing but its answer. (Checked again once the context is built, for a
        // socket without a key.)
        const keyId = sockets.get(ctx)?.keyId;
        const overKey = keyId === undefined ? null : live.keyRefusal(keyId);
        if (overKey) return refused(ctx, socket, overKey);
        // The place is the socket's from now (a burst of subscribe messages cannot all pass the
        // check before one is accepted) until graphql-ws completes the subscription, or until it
        // is refused here.
        socket.ids.add(id);
        socket.settingUp.add(id);
        try {
          const prepared = await prepare(ctx, params);
          if (isLiveRefusal(prepared)) {
            socket.ids.delete(id);
            socket.settingUp.delete(id);
            return refused(ctx, socket, prepared);
          }
          if (Array.isArray(prepared)) {
            socket.ids.delete(id);
            socket.settingUp.delete(id);
          }
          return prepared;
        } catch (error) {
          socket.ids.delete(id);
          socket.settingUp.delete(id);
          throw error;
        }
      },
      // graphql-ws keeps (or, completed meanwhile, returns) the results right after this: the setup is over.
      onOperation: (ctx, id) => {
        heldBy(ctx).settingUp.delete(id);
      },
      // Called for every subscription onSubscribe accepted, however it ends (the socket closing
      // included); an exception closes the socket, and its table with it.
      onComplete: (ctx, id) => {
        const socket = heldBy(ctx);
        socket.ids.delete(id);
        socket.settingUp.delete(id);
      },
    },
    wss,
  );

  return {
    /** Takes the upgrades of /graphql on `server`; other paths are refused. */
    attach(server: Server): void {
      server.on("upgrade", (req, socket, head) => {
        // An upgrade event has no caller to take an exception: what it cannot take, it refuses.
        if (requestPath(req.url ?? "/") !== "/graphql") {
          socket.destroy();
          return;
        }
        const address = options.addressOf(req);
        const wait = coolingFor(address);
        if (wait > 0) {
          refusals.refuse(address, socket, wait, () => `HTTP/1.1 429 Too Many Requests\r\nRetry-After: ${Math.max(1, Math.ceil(coolingFor(address) / 1000))}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
          return;
        }
        wss.handleUpgrade(req, socket, head, (ws) => {
          emitForClient(ws, addressClient(address));
          wss.emit("connection", ws, upgradeRequest(req, address));
        });
      });
    },
    /**
     * Closes every socket with 1001 (going away); a client that has not answered the close within
     * CLOSE_GRACE_MS is cut (ws would wait 30 s for its handshake, holding the process's stop).
     */
    async close(): Promise<void> {
      refusals.close();
      const cut = setTimeout(() => {
        for (const client of wss.clients) client.terminate();
      }, CLOSE_GRACE_MS);
      await wsServer.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      clearTimeout(cut);
    },
  };
}
