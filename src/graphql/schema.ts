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
import { defineSimulationFields } from "./types/simulation.ts";
import { useFastFieldMaps } from "./plugins/fast-field-maps.ts";
import { inheritFieldDescriptions } from "./types/descriptions.ts";

/**
 * What the schema takes from an engine when it is built: the typed GenerateInput fields, one per
 * model, from each model's id, name, cost line and parameters. Resolvers read the engine of the
 * request's services, never the one the schema was built from.
 */
const schemaInputOf = (engine: Engine): string =>
  JSON.stringify(engine.models.map((model) => [model.id, model.name, model.costSummary, [...(engine.profile(model.id)?.params.values() ?? [])]]));

let built: { readonly schema: GraphQLSchema; readonly input: string } | undefined;
const schemas = new WeakMap<Engine, GraphQLSchema>();

/**
 * The GraphQL schema for an engine's catalog, built with Pothos. Pothos' builder is module-level,
 * so a process builds one schema: a later engine gets it when the schema would be the same for it
 * (the same models and parameters, as every engine over the spec's catalog), and an engine over
 * another catalog is refused with an error rather than served the first one's types.
 */
export function buildSchema(engine: Engine): GraphQLSchema {
  const known = schemas.get(engine);
  if (known) return known;
  const input = schemaInputOf(engine);
  if (!built) {
    const { GenerateInput, toRequest } = defineGenerationFields(engine);
    defineWhatIfFields(GenerateInput, toRequest);
    defineSimulationFields(GenerateInput, toRequest);
    built = { schema: useFastFieldMaps(inheritFieldDescriptions(builder.toSchema({ sortSchema: false }))), input };
  } else if (built.input !== input) {
    throw new Error(
      "buildSchema: this process already built the GraphQL schema for an engine with other models or parameters. " +
        "Pothos' builder is module-level, so one process serves one catalog: use the same engine (or one over the same catalog).",
    );
  }
  schemas.set(engine, built.schema);
  return built.schema;
}

/** The SDL checked in as schema.graphql (sorted, so diffs stay small). */
export const printedSchema = (engine: Engine): string => `${printSchema(lexicographicSortSchema(buildSchema(engine)))}\n`;
