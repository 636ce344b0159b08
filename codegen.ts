// GraphQL Code Generator (`npm run codegen`): typed documents for the operations in
// test/graphql/operations, from the checked-in schema.graphql. A test fails when the files
// under test/generated are stale.
//
// typescript-operations 6 emits the enums and inputs its operations use by itself, so the two
// plugins write separate files to avoid duplicate declarations: schema-types.ts holds every
// schema type (`typescript`), graphql.ts the operations' result and variable types and their
// TypedDocumentNodes, importing the schema's enums and inputs from schema-types.ts.
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
  documents: ["test/graphql/operations/*.graphql"],
  generates: {
    "test/generated/schema-types.ts": {
      plugins: ["typescript"],
      config: shared,
    },
    "test/generated/graphql.ts": {
      plugins: ["typescript-operations", "typed-document-node"],
      config: {
        ...shared,
        importSchemaTypesFrom: "./test/generated/schema-types.ts",
        namespacedImportName: "Types",
        importExtension: ".ts",
      },
    },
  },
};

export default config;
