import { describe, expect, it } from "vitest";
import { catalog } from "../../src/catalog/index.ts";
import { createEngine, specSources } from "../../src/engine/engine.ts";
import { buildSchema } from "../../src/graphql/schema.ts";

// Pothos' builder is module-level: a process builds one schema, and buildSchema says so instead of
// serving the first engine's types for another catalog.
describe("buildSchema", () => {
  const engine = createEngine();
  const schema = buildSchema(engine);

  it("builds the schema once for an engine", () => {
    expect(buildSchema(engine)).toBe(schema);
    expect(Object.keys(schema.getTypeMap())).toContain("GenerateInput");
  });

  it("gives another engine over the same catalog the same schema: it would be built the same", () => {
    expect(buildSchema(createEngine())).toBe(schema);
    expect(buildSchema(createEngine(catalog, specSources))).toBe(schema);
  });

  it("refuses an engine over another catalog instead of serving it the first one's types", () => {
    const fewer = createEngine(catalog.slice(1));
    expect(() => buildSchema(fewer)).toThrow(/already built the GraphQL schema for an engine with other models or parameters/);
    const renamed = createEngine(catalog.map((model, i) => (i === 0 ? { ...model, name: `${model.name} (renamed)` } : model)));
    expect(() => buildSchema(renamed)).toThrow(/one process serves one catalog/);
    // The refusal is remembered by nothing: the first engine still gets its schema.
    expect(buildSchema(engine)).toBe(schema);
  });
});
