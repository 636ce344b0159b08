// Types for the example client (`npm run codegen:example`, through generate.ts): from the checked-in schema.graphql,
// which keeps `@oneOf` on GenerateInput (introspection does not carry it, so a client generated
// from a URL would get an all-optional input). GET /graphql/schema.graphql serves the same SDL.
import type { CodegenConfig } from "@graphql-codegen/cli";

const shared = {
  scalars: { JSON: "unknown", DateTime: "string" },
  strictScalars: true,
  enumType: "string-literal",
  enumsAsTypes: true,
  useTypeImports: true,
} as const;

const config: CodegenConfig = {
  schema: "schema.graphql",
  documents: ["examples/typed-client/operations.graphql"],
  generates: {
    // One file: the operations' types (with the schema types they use) and their TypedDocumentNodes.
    "examples/typed-client/generated.ts": { plugins: ["typescript-operations", "typed-document-node"], config: shared },
  },
};

export default config;
