// schema.graphql is the checked-in SDL clients (and codegen) read: it must be exactly what the
// Pothos schema prints, and it must keep the shapes the API promises.
//
// printedSchema(createEngine()) runs in a child process under tsx, exactly as
// scripts/print-schema.ts does: inside vitest, src/ and @pothos/core get two different copies of
// graphql (ESM index.mjs vs CJS index.js), and graphql refuses to print a schema across them.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  buildSchema as buildSdl,
  isInputObjectType,
  isUnionType,
  type GraphQLInputObjectType,
  type GraphQLUnionType,
} from "graphql";
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine/engine.ts";
import { camelName } from "../../src/graphql/types/generate-input.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const engine = createEngine();
const checkedIn = readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8");
const printed = execFileSync(
  process.execPath,
  [
    "--import",
    "tsx",
    "--input-type=module",
    "-e",
    'import { createEngine } from "./src/engine/engine.ts"; import { printedSchema } from "./src/graphql/schema.ts"; process.stdout.write(printedSchema(createEngine()));',
  ],
  { cwd: root, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 },
);
const sdl = buildSdl(printed);

describe("schema.graphql", () => {
  it("is exactly the schema the Pothos code prints (run `npx tsx scripts/print-schema.ts` after changing the schema)", () => {
    const firstDifference = [...printed].findIndex((char, i) => checkedIn[i] !== char);
    const line = printed.slice(0, firstDifference === -1 ? printed.length : firstDifference).split("\n").length;
    expect(
      checkedIn === printed,
      `schema.graphql is stale (first difference at line ${line}): run \`npx tsx scripts/print-schema.ts\` and commit schema.graphql`,
    ).toBe(true);
  });

  it("declares GenerateInput as a @oneOf input object", () => {
    const input = sdl.getType("GenerateInput");
    expect(isInputObjectType(input)).toBe(true);
    expect((input as GraphQLInputObjectType).isOneOf).toBe(true);
    expect(checkedIn).toMatch(/^input GenerateInput @oneOf \{/m);
  });

  it("has the Model union of ImageModel, VideoModel and ThreeDModel", () => {
    const model = sdl.getType("Model");
    expect(isUnionType(model)).toBe(true);
    expect((model as GraphQLUnionType).getTypes().map((t) => t.name).sort()).toEqual(["ImageModel", "ThreeDModel", "VideoModel"]);
  });

  it("has one typed GenerateInput field per catalog model (53), plus raw", () => {
    expect(engine.models).toHaveLength(53);
    const fields = (sdl.getType("GenerateInput") as GraphQLInputObjectType).getFields();
    const typed = Object.keys(fields).filter((name) => name !== "raw");
    expect(typed).toHaveLength(53);
    expect(typed.sort()).toEqual(engine.models.map((m) => camelName(m.id)).sort());
    expect(fields.raw?.type.toString()).toBe("RawGenerationInput");
    // Each typed field takes its own model's parameters type, and is optional (@oneOf).
    for (const model of engine.models) {
      const field = fields[camelName(model.id)];
      expect(field?.type.toString()).toMatch(/^[A-Za-z0-9]+Params$/);
      expect(field?.description).toBe(model.name);
    }
    expect(fields.gptImage2?.type.toString()).toBe("GptImage2Params");
  });
});
