import { lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import type { Engine } from "../engine/engine.ts";
import { builder } from "./builder.ts";
import "./types/scalars.ts";
import "./types/errors.ts";
import "./types/models.ts";
import "./types/tasks.ts";
import "./types/account.ts";
import "./types/admin.ts";
import "./types/subscriptions.ts";
import { defineGenerationFields } from "./types/generation.ts";
import { defineWhatIfFields } from "./types/whatif.ts";
import { useFastFieldMaps } from "./plugins/fast-field-maps.ts";

let built: { schema: GraphQLSchema; toRequest: ReturnType<typeof defineGenerationFields>["toRequest"] } | undefined;

/**
 * The GraphQL schema, built with Pothos from the catalog. Pothos builders are module-level, so
 * the schema is built once per process (the catalog is fixed data).
 */
export function buildSchema(engine: Engine): GraphQLSchema {
  if (!built) {
    const { GenerateInput, toRequest } = defineGenerationFields(engine);
    defineWhatIfFields(GenerateInput, toRequest);
    built = { schema: useFastFieldMaps(builder.toSchema({ sortSchema: false })), toRequest };
  }
  return built.schema;
}

/** The SDL checked in as schema.graphql (sorted, so diffs stay small). */
export const printedSchema = (engine: Engine): string => `${printSchema(lexicographicSortSchema(buildSchema(engine)))}\n`;
