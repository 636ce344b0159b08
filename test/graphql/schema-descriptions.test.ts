// Every type, field, argument and enum value of the schema says what it is, and no description
// taken from the spec ends mid-word (the spec's tables cut their text at 120 characters).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLNamedType,
} from "graphql";
import { describe, expect, it } from "vitest";
import { catalog } from "../../src/catalog/index.ts";
import { createEngine } from "../../src/engine/engine.ts";
import { buildSchema as buildPothosSchema } from "../../src/graphql/schema.ts";
import { wholeDescription } from "../../src/graphql/types/descriptions.ts";
import { camelName, pascalName } from "../../src/graphql/types/generate-input.ts";

// schema.graphql is what the Pothos schema prints (test/graphql/schema-drift.test.ts).
const schema = buildSchema(readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8"));


/** Every schema element without a description, by the type it belongs to. */
function undescribed(): Map<string, string[]> {
  const missing = new Map<string, string[]>();
  const add = (type: GraphQLNamedType, what: string) => missing.set(type.name, [...(missing.get(type.name) ?? []), what]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__") || isSpecifiedScalarType(type)) continue;
    if (!type.description?.trim()) add(type, type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description?.trim()) add(type, `${type.name}.${field.name}`);
        for (const arg of "args" in field ? field.args : []) if (!arg.description?.trim()) add(type, `${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) if (!value.description?.trim()) add(type, `${type.name}.${value.name}`);
  }
  return missing;
}

describe("schema descriptions", () => {
  it("describe every type, field, argument and enum value (0 undescribed)", () => {
    expect([...undescribed().values()].flat()).toEqual([]);
  });

  it("end the spec's descriptions cut at its column width on a whole sentence or word", () => {
    let cut = 0;
    for (const model of catalog) {
      const input = schema.getType(`${pascalName(model.id)}Params`);
      if (!isInputObjectType(input)) continue;
      for (const param of model.params) {
        const text = param.description ?? "";
        if (wholeDescription(text) === text.trim()) continue;
        cut++;
        const description = input.getFields()[camelName(param.name)]?.description ?? "";
        expect(description, `${model.id}.${param.name}`).not.toContain(text.trim());
        expect(description.startsWith(wholeDescription(text)), `${model.id}.${param.name}`).toBe(true);
      }
    }
    // The spec cuts about a dozen of them.
    expect(cut).toBeGreaterThan(5);
  });
});

describe("wholeDescription", () => {
  it("keeps whole sentences of a text cut at the spec's column, else whole words and an ellipsis", () => {
    const cutSentences = `${"A first sentence that is long enough. ".repeat(2)}Then a third one that the spec cut off right in the midd`.padEnd(120, "x");
    expect(wholeDescription(cutSentences)).toBe("A first sentence that is long enough. A first sentence that is long enough.");
    const oneSentence = "Reference images for style and appearance, referenced in the prompt as at-image-one and so on, up to seven in total (eleme";
    expect(wholeDescription(oneSentence)).toBe("Reference images for style and appearance, referenced in the prompt as at-image-one and so on, up to seven in total …");
  });

  it("leaves short texts and texts ending on punctuation as they are", () => {
    expect(wholeDescription("Seed for reproducible generation")).toBe("Seed for reproducible generation");
    const long = `${"Words ".repeat(25)}end.`;
    expect(wholeDescription(long)).toBe(long);
  });
});

describe("descriptions of what a client meets", () => {
  // The schema as the source builds it, with the schema's own copy of graphql-js.
  const graphql = createRequire(import.meta.url)("graphql") as typeof import("graphql");
  const built = buildPothosSchema(createEngine());
  const field = (type: string, name: string) => (built.getType(type) as import("graphql").GraphQLObjectType).getFields()[name]!;

  it("GenerateSuccess.task: the task as it is now, its current state on a replay", () => {
    expect(field("GenerateSuccess", "task").description).toMatch(/as it is now.*replay of an idempotency key returns its current state/);
    expect(field("GenerateSuccess", "task").description).not.toMatch(/^The task, QUEUED/);
  });

  it("LimitReason.AUTH_FAILURES: never a RateLimited member, a top-level HTTP 429 error", () => {
    const value = (built.getType("LimitReason") as import("graphql").GraphQLEnumType).getValue("AUTH_FAILURES")!;
    expect(value.description).toMatch(/Never a `RateLimited` member/);
    expect(value.description).toMatch(/429/);
  });

  it("ParamSpec: says its members' values and default must be aliased, with an example that validates", () => {
    const description = built.getType("ParamSpec")!.description!;
    expect(description).toMatch(/must alias them/);
    const example = /`(\.\.\. on EnumParam[^`]*)`/.exec(description)![1]!;
    const query = `{ models { ... on AiModel { params { ${example} } } } }`;
    expect(graphql.validate(built, graphql.parse(query))).toEqual([]);
    // Without the aliases, the same selection fails validation: what the description warns of.
    expect(graphql.validate(built, graphql.parse("{ models { ... on AiModel { params { ... on EnumParam { values } ... on NumericEnumParam { values } } } } }")).length).toBeGreaterThan(0);
    for (const type of ["EnumParam", "NumericEnumParam"]) expect(field(type, "values").description).toMatch(/Alias it/);
    for (const type of ["IntegerParam", "NumberParam", "StringParam", "BooleanParam", "EnumParam", "NumericEnumParam", "ArrayParam", "AnyParam"]) expect(field(type, "default").description, type).toMatch(/Alias it/);
  });

  it("subscriptions: a key revoked while subscribed ends them with a top-level UNAUTHORIZED / KEY_REVOKED error", () => {
    const subscription = built.getSubscriptionType()!.getFields();
    for (const name of ["myTasks", "meUpdated", "taskUpdated"]) {
      expect(subscription[name]!.description, name).toMatch(/revoked while subscribed ends the subscription with a top-level error/);
      expect(subscription[name]!.description, name).toMatch(/code: "UNAUTHORIZED", reason: "KEY_REVOKED"/);
    }
  });
});
