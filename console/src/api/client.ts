// The console's only way to the gateway: typed documents (console/src/gql, generated from
// schema.graphql) sent as GraphQL over HTTP POST to /graphql, and subscriptions over graphql-ws on
// the same path. The credential goes in the Authorization header (HTTP) or connectionParams
// (graphql-ws), never in a URL.
//   https://the-guild.dev/graphql/codegen/docs/guides/react-query#appendix-i-react-query-with-a-custom-fetcher-setup
//   https://the-guild.dev/graphql/ws/docs/client (createClient, connectionParams, lazy)
import { createClient, type Client } from "graphql-ws/client";
import type { TypedDocumentString } from "../gql/graphql.ts";
import { noteServerDate } from "../server-clock.ts";

/** A transport failure or a GraphQL `errors` answer: what the schema's result unions do not cover. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  /** The first error's `extensions.code` (UNAUTHORIZED for a key revoked under a subscription). */
  readonly code: string | undefined;
  constructor(message: string, code?: string) {
    super(message);
    this.code = code;
  }
}

/** The live connection: up, or lost and being reopened (its subscriptions resume by themselves). */
export type Connection = "connected" | "reconnecting";

export interface Api {
  /** Runs a query or mutation; resolves with its `data`. */
  request<R, V>(document: TypedDocumentString<R, V>, variables: V): Promise<R>;
  /** Starts a subscription; `onData` gets each result's `data`. Returns its stop function. */
  subscribe<R, V>(document: TypedDocumentString<R, V>, variables: V, onData: (data: R) => void, onError?: (error: Error) => void): () => void;
  /** Hears the live connection go and come back (after a retry). Returns its stop function. */
  onConnection(listener: (state: Connection) => void): () => void;
  close(): void;
}

interface GraphQLResponse<R> {
  data?: R | null;
  errors?: readonly { message: string; extensions?: { code?: unknown } }[];
}

/**
 * The wait before the live connection's retry number `retries` (from 0): 1, 2, 4, 8 s, then every
 * 15 s, each with up to a second of jitter, so clients cut off together do not all come back in
 * the same instant. The console retries for as long as it is open: a gateway restarting, a
 * network that drops for a minute, must not leave a page that stopped updating without a reload.
 */
export const retryDelayMs = (retries: number, jitter: number = Math.random()): number => Math.min(15_000, 1_000 * 2 ** retries) + Math.floor(jitter * 1_000);

const HTTP_PATH = "/graphql";

function wsUrl(): string {
  const url = new URL(HTTP_PATH, window.location.href);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.toString();
}

const unwrap = <R>(body: GraphQLResponse<R>): R => {
  if (body.errors?.length) {
    const code = body.errors[0]!.extensions?.code;
    throw new ApiError(body.errors.map((e) => e.message).join("; "), typeof code === "string" ? code : undefined);
  }
  if (body.data === undefined || body.data === null) throw new ApiError("The gateway answered without data");
  return body.data;
};

/** A client that presents `bearer` (an API key or the admin token) on every request. */
export function createApi(bearer: string): Api {
  const authorization = `Bearer ${bearer}`;
  let ws: Client | undefined;
  const listeners = new Set<(state: Connection) => void>();
  const tell = (state: Connection) => listeners.forEach((listener) => listener(state));
  const socket = (): Client =>
    (ws ??= createClient({
      url: wsUrl(),
      connectionParams: { authorization },
      lazy: true,
      // Every failure is retried, a refused connection included (graphql-ws retries only close
      // events by default); graphql-ws itself still gives up on the close codes it knows are fatal.
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
      retryWait: (retries) => {
        tell("reconnecting");
        return new Promise((resolve) => setTimeout(resolve, retryDelayMs(retries)));
      },
      on: { connected: (_socket, _payload, wasRetry) => wasRetry && tell("connected") },
    }));

  return {
    async request(document, variables) {
      const sentAt = Date.now();
      const response = await fetch(HTTP_PATH, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json", authorization },
        body: JSON.stringify({ query: document.toString(), variables }),
      });
      noteServerDate(response.headers.get("date"), sentAt, Date.now());
      let body: GraphQLResponse<never>;
      try {
        body = (await response.json()) as GraphQLResponse<never>;
      } catch {
        throw new ApiError(`The gateway answered ${response.status} without JSON`);
      }
      return unwrap(body);
    },
    subscribe(document, variables, onData, onError) {
      return socket().subscribe(
        { query: document.toString(), variables: variables as Record<string, unknown> },
        {
          next: (result) => {
            try {
              onData(unwrap(result as GraphQLResponse<never>));
            } catch (error) {
              onError?.(error as Error);
            }
          },
          error: (error) => onError?.(error instanceof Error ? error : new ApiError("The live connection failed")),
          complete: () => undefined,
        },
      );
    },
    onConnection(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      void ws?.dispose();
      ws = undefined;
    },
  };
}
