import {
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  graphql,
} from "graphql";
import { describe, expect, it } from "vitest";
import { createEngine } from "../../../src/engine/engine.ts";
import { hasFastFieldMap, useFastFieldMaps } from "../../../src/graphql/plugins/fast-field-maps.ts";
import { buildSchema } from "../../../src/graphql/schema.ts";

function oneOfSchema(): { schema: GraphQLSchema; input: GraphQLInputObjectType } {
  const Point = new GraphQLInputObjectType({ name: "Point", fields: { x: { type: new GraphQLNonNull(GraphQLInt) }, label: { type: GraphQLString, defaultValue: "p" } } });
  const input = new GraphQLInputObjectType({
    name: "Shape",
    isOneOf: true,
    fields: { point: { type: Point }, name: { type: GraphQLString }, size: { type: GraphQLInt } },
  });
  const Query = new GraphQLObjectType({
    name: "Query",
    fields: { echo: { type: GraphQLString, args: { shape: { type: new GraphQLNonNull(input) } }, resolve: (_root, args) => JSON.stringify(args.shape) } },
  });
  return { schema: new GraphQLSchema({ query: Query }), input };
}

const echo = (schema: GraphQLSchema, shape: unknown) =>
  graphql({ schema, source: "query ($shape: Shape!) { echo(shape: $shape) }", variableValues: { shape } });

describe("fast field maps", () => {
  it("replaces each input type's field map with a copy holding the same fields in the same order", () => {
    const { schema, input } = oneOfSchema();
    const before = input.getFields();
    const entries = Object.entries(before);
    useFastFieldMaps(schema);
    const after = input.getFields();
    // A graphql release that stops reading `_fields` would leave the old map here.
    expect(after).not.toBe(before);
    expect(hasFastFieldMap(input)).toBe(true);
    expect(Object.entries(after)).toEqual(entries);
    expect(Object.getPrototypeOf(after)).toBeNull();
  });

  it("keeps variable coercion exactly as graphql-js does it: defaults, unknown fields, @oneOf", async () => {
    const plain = oneOfSchema().schema;
    const fast = useFastFieldMaps(oneOfSchema().schema);
    const cases: unknown[] = [
      { point: { x: 1 } },
      { name: "circle" },
      { point: { x: 1 }, name: "two keys" },
      {},
      { name: null },
      { toString: "x" },
      { constructor: 1 },
      { point: { x: 1, y: 2 } },
      { point: {} },
    ];
    for (const shape of cases) expect(await echo(fast, shape)).toEqual(await echo(plain, shape));
    expect((await echo(fast, { point: { x: 1 } })).data).toEqual({ echo: '{"point":{"x":1,"label":"p"}}' });
    expect((await echo(fast, { toString: "x" })).errors?.[0]?.message).toMatch(/not defined by type "Shape"/);
  });

  it("is applied to the gateway's schema, GenerateInput included", () => {
    const schema = buildSchema(createEngine());
    // Pothos' graphql module is not always the test's under vitest: find input types by their tag.
    const inputTypes = Object.values(schema.getTypeMap()).filter((type) => Object.prototype.toString.call(type) === "[object GraphQLInputObjectType]") as GraphQLInputObjectType[];
    expect(inputTypes.map((type) => type.name)).toContain("GenerateInput");
    for (const type of inputTypes) expect(hasFastFieldMap(type), type.name).toBe(true);
  });
});
