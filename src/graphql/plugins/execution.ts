import { createRequire } from "node:module";
import type { ExecutionArgs, ExecutionResult, GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";

/**
 * Queries and mutations run on graphql-js' own `execute`, not Yoga's default
 * (@graphql-tools/executor): the schema uses none of what that executor adds (@defer/@stream,
 * cancellation), and it snapshots and re-walks every variable on each request, which for
 * `GenerateInput`'s one field per model is a visible part of a small query (bench/README.md).
 *
 * What Yoga's executor does that clients see is kept: a request error (variables that do not
 * coerce, no operation to run) is marked HTTP 400, so a client that accepts
 * application/graphql-response+json gets that status, as the GraphQL-over-HTTP spec asks.
 */
export function graphqlJsExecution(): Plugin {
  // The schema's own copy of graphql-js (see createSubscriptionSharing for why not an import).
  const graphql = createRequire(import.meta.url)("graphql") as typeof import("graphql");
  const asRequestError = (error: GraphQLError): GraphQLError =>
    new graphql.GraphQLError(error.message, {
      nodes: error.nodes ?? null,
      source: error.source ?? null,
      positions: error.positions ?? null,
      path: error.path ?? null,
      originalError: error.originalError ?? null,
      extensions: Object.assign({}, error.extensions, { http: { status: 400 } }),
    });
  const execute = (args: ExecutionArgs) => {
    const result = graphql.execute(args) as ExecutionResult | Promise<ExecutionResult>;
    // graphql-js answers a request error synchronously, without a `data` entry.
    if (!(result instanceof Promise) && !("data" in result) && result.errors) return { errors: result.errors.map(asRequestError) };
    return result;
  };
  return {
    onExecute({ setExecuteFn }) {
      setExecuteFn(execute as never);
    },
  };
}
