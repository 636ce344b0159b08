import SchemaBuilder from "@pothos/core";
import type { GraphQLContext } from "./context.ts";

/** The one Pothos builder every schema file adds its types to. */
export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  DefaultFieldNullability: false;
  Scalars: {
    JSON: { Input: unknown; Output: unknown };
    DateTime: { Input: Date; Output: Date | number };
  };
}>({
  defaultFieldNullability: false,
});

builder.queryType({ description: "Models, prices, budgets, tasks and what-if questions." });
builder.mutationType({ description: "Generations and key administration." });
builder.subscriptionType({ description: "Live task status and dashboards (graphql-ws on /graphql, or SSE)." });
