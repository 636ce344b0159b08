import { createRequire } from "node:module";
import type { Plugin } from "graphql-yoga";
import { BOUNDS } from "../../kernel/bounds.ts";

// The schema's own copy of graphql-js (see createSubscriptionSharing for why not an import).
const graphql = createRequire(import.meta.url)("graphql") as typeof import("graphql");

/**
 * Why a request's variables are refused before graphql-js coerces them (coercion walks every
 * element of every list, and `GenerateInput` has a field per model): a list longer than
 * BOUNDS.graphqlVariableList (the largest list any argument takes: planBudget's requests), or
 * nesting deeper than BOUNDS.graphqlVariableDepth. Undefined when they may go on. Walks without
 * recursion and stops at the first issue. The arguments' own bounds (priceAcross `values`, a
 * request's params) are checked by their resolvers, as InvalidParams.
 */
export function variablesIssue(variables: unknown): string | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: variables, path: "", depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value, path, depth } = item;
    if (typeof value !== "object" || value === null) continue;
    if (depth > BOUNDS.graphqlVariableDepth) return `$${path}: nested deeper than ${BOUNDS.graphqlVariableDepth} levels`;
    if (Array.isArray(value)) {
      if (value.length > BOUNDS.graphqlVariableList) return `$${path}: a list of ${value.length} items; at most ${BOUNDS.graphqlVariableList}`;
      for (let i = 0; i < value.length; i++) stack.push({ value: value[i], path: `${path}[${i}]`, depth: depth + 1 });
    } else {
      for (const key of Object.keys(value)) stack.push({ value: (value as Record<string, unknown>)[key], path: path ? `${path}.${key.slice(0, BOUNDS.echo)}` : key.slice(0, BOUNDS.echo), depth: depth + 1 });
    }
  }
  return undefined;
}

const refusal = (message: string) => ({
  errors: [new graphql.GraphQLError(`Variables refused: ${message}`, { extensions: { code: "INVALID_PARAMS", http: { status: 400 } } })],
});

/**
 * Refuses variables over the bounds (`variablesIssue`) as a request error (HTTP 400,
 * `extensions.code` INVALID_PARAMS) before execution, on every transport (the hooks are
 * envelop's: Yoga, the JSON POST path and graphql-ws all run them).
 */
export function useVariableBounds(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const issue = variablesIssue(args.variableValues);
      if (issue) setResultAndStopExecution(refusal(issue));
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const issue = variablesIssue(args.variableValues);
      if (issue) setResultAndStopExecution(refusal(issue));
    },
  };
}
