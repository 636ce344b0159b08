// test/generated/*.ts are what `npm run codegen` (codegen.ts) makes from schema.graphql and the
// operations in test/graphql/operations: generated again here, in memory, they must be the same.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "@graphql-codegen/cli";
import { describe, expect, it } from "vitest";
import config from "../../codegen.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));

describe("GraphQL Code Generator output", () => {
  it("is up to date with schema.graphql and the operations (run `npm run codegen` when this fails)", async () => {
    const outputs: { filename: string; content: string }[] = await generate({ ...config, cwd: root, silent: true }, false);
    expect(outputs.map((o) => o.filename.replace(root, "").replace(/^\//, "")).sort()).toEqual(["test/generated/graphql.ts", "test/generated/schema-types.ts"]);
    for (const output of outputs) {
      const checkedIn = readFileSync(join(root, output.filename.replace(root, "")), "utf8");
      expect(checkedIn === output.content, `${output.filename} is stale: run \`npm run codegen\` and commit test/generated`).toBe(true);
    }
  }, 60_000);
});
