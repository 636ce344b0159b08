import { createRequire } from "node:module";
import type { Plugin } from "graphql-yoga";

/**
 * Queries and mutations run on graphql-js' own `execute` instead of Yoga's default
 * (@graphql-tools/executor, which adds @defer/@stream and cancellation that this schema does not
 * use): the latter snapshots and re-walks every variable, which for `GenerateInput`'s one field
 * per model was about a tenth of a small query's CPU.
 */
export function graphqlJsExecution(): Plugin {
  // The schema's own copy of graphql-js (see sharedSubscriptionExecution for why not an import).
  const { execute } = createRequire(import.meta.url)("graphql") as typeof import("graphql");
  return {
    onExecute({ setExecuteFn }) {
      setExecuteFn(execute as never);
    },
  };
}
