import type { DocumentNode } from "graphql";
import type { Plugin } from "graphql-yoga";

const NO_ERRORS: readonly never[] = Object.freeze([]);

/**
 * Validates each parsed document once: a document that passed validation is not validated again.
 * Sound because Yoga's parse cache hands back the same DocumentNode for the same query text, and a
 * document valid once stays valid: the schema and the validation rules (graphql-js's and GraphQL
 * Armor's) are fixed when the server starts and do not depend on the request. Documents that fail
 * are validated every time (their errors are not kept). One set per server (per plugin), keyed by
 * document, so nothing outlives the parse cache's entry.
 *
 * It replaces Yoga's own validation cache (`parserAndValidationCache: { validationCache: false }`),
 * whose key names every rule on each lookup. Both transports use it: Yoga's pipeline, and the JSON
 * POST path and graphql-ws, which run the same envelop pipeline.
 */
export function useValidDocuments(): Plugin {
  const valid = new WeakSet<DocumentNode>();
  return {
    onValidate({ params, setResult }) {
      if (valid.has(params.documentAST)) {
        setResult(NO_ERRORS as never);
        return;
      }
      return ({ result }) => {
        if (result.length === 0) valid.add(params.documentAST);
      };
    },
  };
}
