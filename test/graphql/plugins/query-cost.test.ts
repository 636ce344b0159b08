// The list-aware query cost rule (src/graphql/plugins/query-cost.ts) over the real schema.
import { createRequire } from "node:module";
import type { GraphQLSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { createEngine } from "../../../src/engine/engine.ts";
import { listSizes } from "../../../src/graphql/list-sizes.ts";
import { queryCostRule } from "../../../src/graphql/plugins/query-cost.ts";
import { buildSchema } from "../../../src/graphql/schema.ts";

const graphql = createRequire(import.meta.url)("graphql") as typeof import("graphql");
const engine = createEngine();
const schema: GraphQLSchema = buildSchema(engine);
const sizes = listSizes(engine);

/** The cost the rule finds for a document: the least maxCost it passes under. */
function costOf(source: string): number {
  const document = graphql.parse(source);
  const passes = (maxCost: number) => {
    try {
      graphql.validate(schema, document, [queryCostRule({ maxCost, maxFields: 1e9, maxDuplicates: 1e9, listSizes: sizes, defaultListSize: 100 })]);
      return true;
    } catch {
      return false;
    }
  };
  let [lo, hi] = [0, 100_000_000];
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (passes(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

describe("query cost", () => {
  it("knows the size of every list field of the schema (a new list must be sized in src/graphql/list-sizes.ts)", () => {
    const unsized: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith("__") || !(graphql.isObjectType(type) || graphql.isInterfaceType(type))) continue;
      for (const field of Object.values(type.getFields())) {
        let t = field.type;
        let list = false;
        while (graphql.isNonNullType(t) || graphql.isListType(t)) {
          if (graphql.isListType(t)) list = true;
          t = t.ofType;
        }
        if (!list) continue;
        const names = [type.name, ...("getInterfaces" in type ? type.getInterfaces().map((i) => i.name) : [])];
        if (!names.some((name) => sizes.has(`${name}.${field.name}`))) unsized.push(`${type.name}.${field.name}`);
      }
    }
    expect(unsized).toEqual([]);
  });

  it("counts every field of the answer, each list at its size", () => {
    expect(costOf("{ __typename }")).toBe(1);
    // 53 models × (the model + its id).
    expect(costOf("{ models { ... on AiModel { id } } }")).toBe(engine.models.length * 2);
    expect(costOf("{ a: models { __typename } b: models { __typename } }")).toBe(engine.models.length * 4);
    // priceAcross: one series without `by`; a literal `values` list counts its length.
    expect(costOf('{ priceAcross(input: { raw: { model: "sora-2" } }, across: "duration", values: [4, 8]) { ... on PriceTable { series { points { cost } } } } }')).toBe(1 + 1 * (1 + 2 * 2));
    expect(costOf('{ priceAcross(input: { raw: { model: "sora-2" } }, across: "duration", by: "x", byValues: ["a", "b", "c"], values: [4, 8]) { ... on PriceTable { series { points { cost } } } } }')).toBe(1 + 3 * (1 + 2 * 2));
    // Introspection is left to GraphQL Armor's other limits.
    expect(costOf("{ __schema { types { name fields { name } } } }")).toBe(0);
  });

  it("tallies a fragment once, however often it is spread: a doubling chain of fragments costs linear time", () => {
    const levels = 20;
    const fragments = Array.from({ length: levels }, (_, i) => (i === levels - 1 ? `fragment F${i} on Query { __typename }` : `fragment F${i} on Query { ...F${i + 1} a${i}: __typename ...F${i + 1} }`));
    const started = performance.now();
    expect(costOf(`{ ...F0 }\n${fragments.join("\n")}`)).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("a fragment cycle adds nothing (NoFragmentCyclesRule reports it)", () => {
    const document = graphql.parse("{ ...A } fragment A on Query { ...B __typename } fragment B on Query { ...A }");
    const errors = graphql.validate(schema, document, [...graphql.specifiedRules, queryCostRule({ maxCost: 10, maxFields: 10, maxDuplicates: 10, listSizes: sizes, defaultListSize: 100 })]);
    expect(errors.map((e) => e.message).join(" ")).toMatch(/Cannot spread fragment/);
  });
});
