// The console's only way to the gateway: typed documents (console/src/gql, generated from
// schema.graphql) sent as GraphQL over HTTP POST to /graphql, and subscriptions over graphql-ws on
// the same path. The credential goes in the Authorization header (HTTP) or connectionParams
// (graphql-ws), never in a URL.
//   https://the-guild.dev/graphql/codegen/docs/guides/react-query#appendix-i-react-query-with-a-custom-fetcher-setup
//   https://the-guild.dev/graphql/ws/docs/client (createClient, connectionParams, lazy)
import { createClient, type Client } from "graphql-ws/client";
import type { TypedDocumentString } from "../gql/graphql.ts";

/** A transport failure or a GraphQL `errors` answer: what the schema's result unions do not cover. */
export class ApiError extends Error {
  override readonly name = "ApiError";
}

export interface Api {
  /** Runs a query or mutation; resolves with its `data`. */
  request<R, V>(document: TypedDocumentString<R, V>, variables: V): Promise<R>;
  /** Starts a subscription; `onData` gets each result's `data`. Returns its stop function. */
  subscribe<R, V>(document: TypedDocumentString<R, V>, variables: V, onData: (data: R) => void, onError?: (error: Error) => void): () => void;
  close(): void;
}

interface GraphQLResponse<R> {
  data?: R | null;
  errors?: readonly { message: string }[];
}

const HTTP_PATH = "/graphql";

function wsUrl(): string {
  const url = new URL(HTTP_PATH, window.location.href);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.toString();
}

const unwrap = <R>(body: GraphQLResponse<R>): R => {
  if (body.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join("; "));
  if (body.data === undefined || body.data === null) throw new ApiError("The gateway answered without data");
  return body.data;
};

/** A client that presents `bearer` (an API key or the admin token) on every request. */
export function createApi(bearer: string): Api {
  const authorization = `Bearer ${bearer}`;
  let ws: Client | undefined;
  const socket = (): Client =>
    (ws ??= createClient({ url: wsUrl(), connectionParams: { authorization }, lazy: true, retryAttempts: 5 }));

  return {
    async request(document, variables) {
      const response = await fetch(HTTP_PATH, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json", authorization },
        body: JSON.stringify({ query: document.toString(), variables }),
      });
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
    close() {
      void ws?.dispose();
      ws = undefined;
    },
  };
}
