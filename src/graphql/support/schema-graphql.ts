/**
 * The schema's own copy of graphql-js: its CommonJS build, which Pothos, Yoga and graphql-ws load.
 * This package is an ES module, so a plain `import` of "graphql" would load the ESM build, a second
 * copy whose classes the others do not recognise: an error of it is not a GraphQLError to Yoga or
 * graphql-ws (`instanceof`) and is masked, and a schema of it cannot be printed. Every value
 * taken from graphql-js at run time comes from here; types may be imported as usual.
 */
import { createRequire } from "node:module";

export const schemaGraphql = createRequire(import.meta.url)("graphql") as typeof import("graphql");
